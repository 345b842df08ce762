/**
 * The text of an answer element as the analysis sees it, and conversion of character offsets in
 * that text to DOM Ranges (the way back, which only tests need, is in
 * tests/helpers/content-test-functions.ts).
 *
 * The capture sends `domText(body).text` to the analysis, and the highlighter turns the report's
 * [start, end) offsets back into Ranges with the index built here, so both must come from this one
 * function. The text follows the rendered page, not the markup: whitespace collapses as the
 * browser shows it, block elements start new lines, hidden and assistive-only nodes and controls
 * (buttons, "Copy code" bars) are left out. Because the core segmenter is line-based and reads a
 * little markdown, structure the page shows with CSS is written back as light markdown: list
 * items get "- " / "1. ", headings "# ", table rows "| a | b |", code blocks ``` fences, so code
 * is kept whole and not judged. Those synthetic characters have no DOM position; ranges over
 * them snap to the nearest real text.
 *
 * One walk over the subtree builds the text and, per character, the text node and offset it came
 * from (two typed arrays), so a 50,000-character answer costs one pass and offset look-ups are
 * O(1).
 */

import { chromeFilter } from './page-chrome.ts';

export interface DomTextOptions {
  /** Extra CSS selector of subtrees to leave out (a site's own chrome inside answers). */
  skip?: string;
}

export interface DomTextIndex {
  root: Element;
  text: string;
  /** Text nodes the characters came from, in document order. */
  nodes: Text[];
  /** For each character: index into `nodes`, or -1 for a synthetic character (newline, marker). */
  nodeOf: Int32Array;
  /** For each character: offset in its text node's data (unused when nodeOf is -1). */
  offsetOf: Uint32Array;
}

const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION ' +
    'FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE ' +
    'TBODY TFOOT THEAD TR UL'
  ).split(' '),
);
const BLOCK_SELECTOR = [...BLOCK].join(',');
/** Blocks separated from their neighbours by a blank line, as markdown would render them. */
const PARAGRAPH = new Set('BLOCKQUOTE H1 H2 H3 H4 H5 H6 HR OL P PRE TABLE UL'.split(' '));
const HEADING_LEVEL: Record<string, number> = { H1: 1, H2: 2, H3: 3, H4: 4, H5: 5, H6: 6 };
const COLLAPSIBLE = /[ \t\n\r\f]/;

/** Builds the text of `root` and the per-character index back into its text nodes. */
export function domText(root: Element, options: DomTextOptions = {}): DomTextIndex {
  const isChrome = chromeFilter(root, options.skip);
  const b = new TextBuilder();
  const nodes: Text[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && isChrome(node as Element)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });

  // Walk with firstChild/nextSibling/parentNode so that leaving an element is seen too.
  let node: Node | null = walker.firstChild();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      nodes.push(node as Text);
      b.text(node as Text, nodes.length - 1);
    } else {
      b.enter(node as Element);
      const child = walker.firstChild();
      if (child) {
        node = child;
        continue;
      }
      b.leave(node as Element);
    }
    // No children (or a text node): move to the next sibling, leaving finished parents.
    let next: Node | null = walker.nextSibling();
    while (!next) {
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      b.leave(parent as Element);
      next = walker.nextSibling();
    }
    node = next;
  }
  return { root, nodes, ...b.finish() };
}

/**
 * The HTML element an element stands for: ARIA tables (a grid of divs with role="table", "row",
 * "cell", "columnheader") are written like <table>, <tr>, <td>.
 */
function kindOf(el: Element): string {
  switch (el.getAttribute('role')) {
    case 'table':
    case 'grid':
    case 'treegrid':
      return 'TABLE';
    case 'rowgroup':
      return 'TBODY';
    case 'row':
      return 'TR';
    case 'cell':
    case 'gridcell':
    case 'columnheader':
    case 'rowheader':
      return 'TD';
    default:
      return el.tagName;
  }
}

/**
 * Columns of an ARIA grid that puts its cells straight in the table with no row elements (the
 * count of its column headers), or 0 when rows are marked up.
 */
function flatGridColumns(table: Element): number {
  if (table.tagName === 'TABLE' || table.querySelector('[role="row"], tr')) return 0;
  const headers = table.querySelectorAll('[role="columnheader"]').length;
  return headers || Number(table.getAttribute('aria-colcount')) || 0;
}

/** Accumulates characters with their sources, applying whitespace collapsing and block breaks. */
class TextBuilder {
  private chars: string[] = [];
  private nodeOf: number[] = [];
  private offsetOf: number[] = [];
  /** Newlines owed before the next visible character (0, 1 or 2). */
  private pendingBreak = 0;
  /** A collapsed space owed before the next visible character on the same line, with its source. */
  private pendingSpace: { node: number; offset: number } | null = null;
  /** Synthetic text owed at the start of the next line's content (list marker, table pipe). */
  private pendingPrefix = '';
  private preDepth = 0;
  private listStack: { ordered: boolean; next: number }[] = [];
  private liDepth = 0;
  private rowCells: number[] = [];
  /** Open tables; `columns` > 0 for a flat ARIA grid whose rows are implied by its column count. */
  private grids: { columns: number; cells: number }[] = [];
  /** Custom elements found to hold block content (cached: entering and leaving both ask). */
  private customBlock = new Map<Element, boolean>();
  /** Open table cells: blocks inside a cell stay on the row's line. */
  private cellDepth = 0;

  enter(el: Element): void {
    const tag = kindOf(el);
    if (tag === 'BR') {
      this.pushSynthetic('\n');
      this.pendingSpace = null;
      return;
    }
    if (this.isBlock(el)) this.requestBreak(this.breakSize(tag));
    switch (tag) {
      case 'UL':
      case 'OL': {
        const start = Number(el.getAttribute('start') ?? '1');
        this.listStack.push({ ordered: tag === 'OL', next: Number.isFinite(start) ? start : 1 });
        break;
      }
      case 'LI': {
        const list = this.listStack[this.listStack.length - 1];
        const indent = '  '.repeat(Math.max(0, this.listStack.length - 1));
        const marker = list?.ordered ? `${list.next++}. ` : '- ';
        this.pendingPrefix = indent + marker;
        this.liDepth++;
        break;
      }
      case 'PRE':
        if (this.preDepth++ === 0) {
          this.pushSynthetic('```', true);
          this.pushChar('\n', -1, 0);
        }
        break;
      case 'TABLE':
        this.grids.push({ columns: flatGridColumns(el), cells: 0 });
        break;
      case 'TR':
        this.startRow();
        break;
      case 'TD':
      case 'TH': {
        const grid = this.grids[this.grids.length - 1];
        if (grid && grid.columns > 0 && grid.cells++ % grid.columns === 0) {
          // A flat ARIA grid: every `columns` cells make a row.
          if (grid.cells > 1) this.endRow();
          this.requestBreak(1);
          this.startRow();
        }
        this.cellDepth++;
        const row = this.rowCells.length - 1;
        if (row >= 0 && this.rowCells[row]!++ > 0) this.pushSynthetic(' | ');
        break;
      }
      default: {
        const level = HEADING_LEVEL[tag];
        if (level) this.pendingPrefix = `${'#'.repeat(level)} `;
      }
    }
  }

  leave(el: Element): void {
    const tag = kindOf(el);
    switch (tag) {
      case 'UL':
      case 'OL':
        this.listStack.pop();
        break;
      case 'LI':
        this.liDepth--;
        this.pendingPrefix = '';
        break;
      case 'PRE':
        if (--this.preDepth === 0) {
          this.pendingBreak = 0;
          this.pushSynthetic('```', true);
        }
        break;
      case 'TD':
      case 'TH':
        this.cellDepth--;
        break;
      case 'TR':
        this.endRow();
        break;
      case 'TABLE': {
        const grid = this.grids.pop();
        if (grid && grid.columns > 0 && grid.cells > 0) this.endRow();
        break;
      }
      default:
        if (HEADING_LEVEL[tag]) this.pendingPrefix = '';
    }
    if (this.isBlock(el)) this.requestBreak(this.breakSize(tag));
  }

  text(node: Text, nodeIndex: number): void {
    const data = node.data;
    if (this.preDepth > 0) {
      for (let i = 0; i < data.length; i++) {
        const ch = data[i]!;
        if (ch === '\n') {
          this.flushBreak();
          this.pushChar('\n', nodeIndex, i);
        } else this.visible(ch, nodeIndex, i);
      }
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (COLLAPSIBLE.test(ch)) {
        // Collapsed runs become one space, and only between visible characters of one line.
        if (
          this.chars.length > 0 &&
          this.pendingBreak === 0 &&
          !this.pendingSpace &&
          !this.endsLine() &&
          this.chars[this.chars.length - 1] !== ' '
        ) {
          this.pendingSpace = { node: nodeIndex, offset: i };
        }
      } else this.visible(ch, nodeIndex, i);
    }
  }

  finish(): { text: string; nodeOf: Int32Array; offsetOf: Uint32Array } {
    return {
      text: this.chars.join(''),
      nodeOf: Int32Array.from(this.nodeOf),
      offsetOf: Uint32Array.from(this.offsetOf),
    };
  }

  private visible(ch: string, nodeIndex: number, offset: number): void {
    this.flushBreak();
    if (this.pendingPrefix) {
      this.pushSynthetic(this.pendingPrefix);
      this.pendingPrefix = '';
      this.pendingSpace = null;
    }
    if (this.pendingSpace) {
      this.pushChar(' ', this.pendingSpace.node, this.pendingSpace.offset);
      this.pendingSpace = null;
    }
    this.pushChar(ch, nodeIndex, offset);
  }

  private startRow(): void {
    this.rowCells.push(0);
    this.pendingPrefix = '| ';
  }

  private endRow(): void {
    if ((this.rowCells.pop() ?? 0) > 0 && this.pendingPrefix === '') this.pushSynthetic(' |');
    this.pendingPrefix = '';
  }

  private isBlock(el: Element): boolean {
    if (this.cellDepth > 0) return false;
    const kind = kindOf(el);
    if (BLOCK.has(kind)) return true;
    if (!kind.includes('-')) return false;
    // A custom element is a block when it wraps blocks (Gemini's <message-content>), and inline
    // when it wraps inline content (Gemini's <response-element> around a link in a sentence).
    let block = this.customBlock.get(el);
    if (block === undefined) {
      block = el.querySelector(BLOCK_SELECTOR) !== null;
      this.customBlock.set(el, block);
    }
    return block;
  }

  private breakSize(tag: string): number {
    if (this.preDepth > 0) return 1;
    return PARAGRAPH.has(tag) && this.liDepth === 0 ? 2 : 1;
  }

  private requestBreak(n: number): void {
    this.pendingSpace = null;
    if (this.chars.length > 0) this.pendingBreak = Math.max(this.pendingBreak, n);
  }

  private flushBreak(): void {
    if (this.pendingBreak === 0) return;
    let trailing = 0;
    for (let i = this.chars.length - 1; i >= 0 && this.chars[i] === '\n' && trailing < 2; i--)
      trailing++;
    for (let i = trailing; i < this.pendingBreak; i++) this.pushChar('\n', -1, 0);
    this.pendingBreak = 0;
  }

  private endsLine(): boolean {
    return this.chars[this.chars.length - 1] === '\n';
  }

  /** Synthetic text; `ownLine` puts it on a line of its own (code fences). */
  private pushSynthetic(s: string, ownLine = false): void {
    if (ownLine && this.chars.length > 0 && !this.endsLine())
      this.pendingBreak = Math.max(this.pendingBreak, 1);
    this.flushBreak();
    this.pendingSpace = null;
    for (const ch of s) this.pushChar(ch, -1, 0);
  }

  private pushChar(ch: string, node: number, offset: number): void {
    // Characters are UTF-16 code units, like the node data and JS string offsets.
    for (let k = 0; k < ch.length; k++) {
      this.chars.push(ch[k]!);
      this.nodeOf.push(node);
      this.offsetOf.push(offset + k);
    }
  }
}

/**
 * The DOM Range over text[start, end), or null when that span holds no real (non-synthetic)
 * character. Synthetic characters at either end are dropped, so the range starts and ends on text
 * the user sees.
 */
export function rangeFromOffsets(index: DomTextIndex, start: number, end: number): Range | null {
  const { nodeOf, offsetOf, nodes } = index;
  let s = Math.max(0, start);
  let e = Math.min(index.text.length, end);
  while (s < e && nodeOf[s]! < 0) s++;
  while (e > s && nodeOf[e - 1]! < 0) e--;
  if (s >= e) return null;
  const range = index.root.ownerDocument.createRange();
  range.setStart(nodes[nodeOf[s]!]!, offsetOf[s]!);
  range.setEnd(nodes[nodeOf[e - 1]!]!, offsetOf[e - 1]! + 1);
  return range;
}
