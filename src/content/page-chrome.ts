/**
 * Which elements inside an answer are page chrome rather than what the answer says: controls,
 * code-block headers ("python", "Copy code"), citation markers and pills, counters and file chips.
 * Decided by what the markup means (roles, ARIA, tags, structure around a `<pre>`), not by one
 * site's class names, so a site that moves its header markup keeps working; a site's own skip
 * selector is still honoured on top.
 *
 * `chromeFilter` looks at the subtree once (code blocks are found with one query) and returns a
 * predicate the text walk calls per element; the per-element checks read only small subtrees.
 */

/**
 * Never shown as answer text: controls, media, assistive-only and hidden elements, icon-font
 * ligatures ("content_copy"), and KaTeX's MathML copy (the visible `.katex-html` twin is
 * aria-hidden but is what users read).
 */
const ALWAYS_SKIP = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'button',
  'input',
  'textarea',
  'select',
  'iframe',
  'canvas',
  'video',
  'audio',
  '[hidden]',
  '[inert]',
  '[aria-hidden="true"]:not(.katex-html)',
  '.sr-only',
  '.visually-hidden',
  '.cdk-visually-hidden',
  '.katex-mathml',
  'mat-icon',
  '[class*="material-icons"]',
  '[class*="material-symbols"]',
].join(',');

/** Elements that hold prose: a code-block header never contains or sits beside one of these. */
const PROSE = 'P,LI,UL,OL,H1,H2,H3,H4,H5,H6,TABLE,BLOCKQUOTE,DL';
const PROSE_TAGS = new Set(PROSE.split(','));

/** Longest text a code block's header row (language label, "Copy code") may hold. */
const HEADER_MAX = 48;
/** Longest text of a chip or badge (an icon with a file name, type or count). */
const CHIP_MAX = 60;

/** A reference marker: "1", "[2]", "(3)", "1, 4", "-1-4", "5-6-12". */
const MARKER = /^[[(]?\s*(?:[-–]?\s*\d{1,3}\s*[,;]?\s*)+[\])]?$/;
/** Class, test id or data attribute naming a citation, source pill or footnote reference. */
const CITATION_NAME = /(?:^|[-_\s])(?:cite|citation|citations|footnote-ref|fnref)(?:$|[-_\s])/i;
/** Math renderers: their markup is content even where it looks like an icon with short text. */
const MATH = '.katex, mjx-container, .MathJax, math';
const COLUMN_HEADER = 'th, [role="columnheader"]';

/** Predicate: true for an element whose subtree is left out of the answer's text. */
export type ChromeFilter = (el: Element) => boolean;

/** The chrome predicate for the subtree under `root`, with a site's extra `skip` selector. */
export function chromeFilter(root: Element, skip?: string): ChromeFilter {
  const selector = skip ? `${ALWAYS_SKIP},${skip}` : ALWAYS_SKIP;
  const codeChrome = codeBlockChrome(root);
  return (el) => {
    if (el instanceof HTMLElement && el.style.display === 'none') return true;
    if (codeChrome.has(el)) return true;
    // A column header's sort button is the header's label.
    if (el.tagName === 'BUTTON' && el.parentElement?.closest(COLUMN_HEADER)) return false;
    if (el.matches(selector)) return true;
    if (el.getAttribute('role') === 'button') return !isInlineLink(el);
    return isCitation(el) || isChip(el, root);
  };
}

/**
 * Header rows and labels around each `<pre>`: the language label and copy bar that sites put
 * above the code (as siblings inside a wrapper, or inside the `<pre>` beside its `<code>`).
 */
function codeBlockChrome(root: Element): Set<Element> {
  const chrome = new Set<Element>();
  for (const pre of root.querySelectorAll('pre')) {
    // Inside the <pre>: everything beside the path down to its <code> (a label row, a copy bar).
    const code = pre.querySelector('code');
    if (code) addSiblingsOfPath(code, pre, chrome);
    // Around it: climb while the wrapper adds only a short label row and no prose.
    let box: Element = pre;
    for (let depth = 0; depth < 8; depth++) {
      const parent = box.parentElement;
      if (!parent || parent === root || !isCodeWrapper(parent, box)) break;
      box = parent;
    }
    if (box !== pre) addSiblingsOfPath(pre, box, chrome);
  }
  return chrome;
}

/** Whether `parent` holds `child` plus at most a short header row (no prose, no other code). */
function isCodeWrapper(parent: Element, child: Element): boolean {
  let extra = 0;
  for (const node of parent.childNodes) {
    if (node === child) continue;
    if (node.nodeType === Node.TEXT_NODE) {
      if ((node.textContent ?? '').trim()) return false;
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    if (PROSE_TAGS.has(el.tagName) || el.querySelector(`pre,${PROSE}`)) return false;
    extra += (el.textContent ?? '').trim().length;
    if (extra > HEADER_MAX) return false;
  }
  return true;
}

/** Adds every element beside the path from `leaf` up to (not including) `top`. */
function addSiblingsOfPath(leaf: Element, top: Element, out: Set<Element>): void {
  for (let node: Element = leaf; node !== top && node.parentElement; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && !sibling.contains(leaf)) out.add(sibling);
    }
  }
}

/**
 * A link rendered as role="button" (it carries the URL it opens) inside a sentence is text; other
 * role="button" elements are controls.
 */
function isInlineLink(el: Element): boolean {
  const url = [el.getAttribute('title'), el.getAttribute('data-url'), el.getAttribute('data-href')];
  const linkLike =
    url.some((v) => v != null && /^https?:\/\//.test(v)) || !!el.querySelector('a[href]');
  return linkLike && inRunningText(el);
}

/** Whether `el` has words of its own beside it in its parent (it sits inside a sentence). */
function inRunningText(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent) return false;
  for (const node of parent.childNodes) {
    if (node !== el && node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim())
      return true;
  }
  return false;
}

/**
 * Citation markers and source pills: elements named as citations, footnote references, and links
 * or superscripts whose whole text is a reference number. A plain number in bold is not one.
 */
function isCitation(el: Element): boolean {
  const tag = el.tagName;
  if (
    CITATION_NAME.test(el.getAttribute('class') ?? '') ||
    CITATION_NAME.test(el.getAttribute('data-testid') ?? '') ||
    el.hasAttribute('data-footnote-ref')
  ) {
    return (el.textContent ?? '').trim().length <= CHIP_MAX;
  }
  if (tag !== 'A' && tag !== 'SUP') return false;
  const text = (el.textContent ?? '').trim();
  if (!MARKER.test(text)) return false;
  if (tag === 'A') return true;
  // A superscript number is a footnote when it is a link or follows punctuation or a space;
  // right after a letter or digit it is an exponent (x², 10³).
  if (el.querySelector('a')) return true;
  const before = previousChar(el);
  return before === '' || /[\s.,;:!?)\]”"’']/.test(before);
}

/** The last character of text before `el` within its parent, or '' when there is none. */
function previousChar(el: Element): string {
  for (let node = el.previousSibling; node; node = node.previousSibling) {
    const text = node.textContent ?? '';
    if (text.length > 0) return text[text.length - 1]!;
  }
  return '';
}

/**
 * Chips and badges: an icon (svg, img, icon element) with a short label that is not prose — a
 * generated file's name and type, an image strip's count. Math is never a chip.
 */
function isChip(el: Element, root: Element): boolean {
  if (el === root || PROSE_TAGS.has(el.tagName) || el.tagName === 'TD' || el.tagName === 'TH')
    return false;
  let icon = false;
  for (const child of el.children) {
    const tag = child.tagName;
    // An empty <i> is an icon font's glyph; with text it is italics.
    const emptyI = tag === 'I' && !(child.textContent ?? '').trim();
    if (tag === 'svg' || tag === 'SVG' || tag === 'IMG' || tag === 'MAT-ICON' || emptyI) {
      icon = true;
      break;
    }
    if (child.getAttribute('role') === 'img') {
      icon = true;
      break;
    }
  }
  if (!icon) return false;
  const text = (el.textContent ?? '').trim();
  if (text.length > CHIP_MAX || el.querySelector(PROSE)) return false;
  if (el.closest(MATH) || el.querySelector(MATH)) return false;
  // An icon beside words inside a sentence (an emoji image, a favicon in a link) stays text;
  // a chip stands on its own, with no running text around it.
  return !inRunningText(el);
}
