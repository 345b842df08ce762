/**
 * Draws the analysis' flags on the answer with the CSS Custom Highlight API: one named highlight
 * per inconsistency type (`crosscheck-contradiction`, `-number`, `-entity`, `-unsupported`),
 * styled by `::highlight()` rules in a <style> element this module owns. The page's DOM is never
 * wrapped or rewritten, so the chat app's own rendering (React, Angular) is not disturbed.
 *
 * Each flag is kept as position + quote selectors against the captured answer text and anchored
 * in the text `domText` builds from the answer element. When the page re-renders the answer (new
 * nodes, same text) a debounced MutationObserver re-anchors every flag. Hit-testing (`flagAt`)
 * and client rects let the overlay open a card on hover or focus. Everything is removed when the
 * signal aborts.
 */
import { anchorSpan, describeSpan, type SpanSelectors } from '../core/anchoring/selectors.ts';
import { domText, rangeFromOffsets, type DomTextIndex } from './dom-text.ts';
import { highlightSink, type HighlightSink } from './make-firefox-highlights-work.ts';
// The same table the legend and cards use, so a flag looks the same on the page and in the bar.
import { SENTENCE_TYPES, type SeverityLevel } from '../core/types.ts';
import { TYPE_STYLES, highlightCss, highlightName } from './overlay/type-styles.ts';

/** The flag types drawn inline (omissions have no span in the answer). */
export type InlineFlagType = (typeof SENTENCE_TYPES)[number];
export const INLINE_FLAG_TYPES: readonly InlineFlagType[] = SENTENCE_TYPES;

/** One highlight per type; colours and underline styles come from the overlay's type table. */
export const HIGHLIGHT_NAME = Object.fromEntries(
  SENTENCE_TYPES.map((type) => [type, highlightName(type)]),
) as Record<InlineFlagType, string>;

/** The faint highlight of a type, for sentences only "uncertain"ly wrong. */
export const FAINT_HIGHLIGHT_NAME = Object.fromEntries(
  SENTENCE_TYPES.map((type) => [type, `${highlightName(type)}-faint`]),
) as Record<InlineFlagType, string>;

/**
 * A faint underline for "uncertain" sentences: the type's colour at low strength, thin and with
 * no tint, so a reader sees the likely errors first and the rest only when looking for them.
 */
export function faintHighlightCss(): string {
  const rule = (type: InlineFlagType, scheme: 'light' | 'dark') => {
    const style = TYPE_STYLES[type];
    const colour = `color-mix(in srgb, ${style[scheme]} 45%, transparent)`;
    return `::highlight(${FAINT_HIGHLIGHT_NAME[type]}) { text-decoration: underline ${style.underline} ${colour} 1px; }`;
  };
  const light = SENTENCE_TYPES.map((t) => rule(t, 'light'));
  const dark = SENTENCE_TYPES.map((t) => `  ${rule(t, 'dark')}`);
  return `${light.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}

export const STYLE_ELEMENT_ID = 'crosscheck-highlight-style';

/** One flag from the report: a span of the captured answer text. */
export interface FlagInput {
  id: string;
  type: InlineFlagType;
  start: number;
  end: number;
  /** "uncertain" draws the faint underline; default "likely". */
  level?: SeverityLevel;
}

export interface AnchoredFlag {
  id: string;
  type: InlineFlagType;
  level: SeverityLevel;
  /** Offsets in the current text of the answer element. */
  start: number;
  end: number;
  range: Range;
  method: 'position' | 'quote';
}

export interface HighlighterOptions {
  /** Finds the answer element now; called again when the page may have re-rendered it. */
  locate: () => Element | null;
  /** The site adapter's skip selector, so the text matches the captured one. */
  skip?: string;
  signal: AbortSignal;
  /** Quiet time after mutations of the answer before re-anchoring (ms). */
  debounceMs?: number;
  /** Called after every (re-)anchoring with the flags placed and the ids that could not be. */
  onAnchor?: (anchored: readonly AnchoredFlag[], lost: readonly string[]) => void;
  /** Override of the highlight registry (tests); defaults to the browser's. */
  sink?: HighlightSink | null;
}

export interface Highlighter {
  /** Replaces the drawn flags. `answerText` is the captured text the offsets refer to. */
  show(flags: readonly FlagInput[], answerText: string): readonly AnchoredFlag[];
  anchored(): readonly AnchoredFlag[];
  /** The flag under viewport point (x, y), or null. */
  flagAt(x: number, y: number): AnchoredFlag | null;
  /** Client rects of a flag's range (for positioning a card), empty when not anchored. */
  rects(id: string): DOMRect[];
  /** Anchors again now (the observer does this on re-renders). */
  reanchor(): void;
  clear(): void;
}

interface StoredFlag {
  id: string;
  type: InlineFlagType;
  level: SeverityLevel;
  selectors: SpanSelectors;
}

export function createHighlighter(options: HighlighterOptions): Highlighter {
  const { signal } = options;
  const doc = document;
  const sink = options.sink === undefined ? highlightSink() : options.sink;
  const debounceMs = options.debounceMs ?? 200;
  let stored: StoredFlag[] = [];
  let anchored: AnchoredFlag[] = [];
  let index: DomTextIndex | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  ensureStyle(doc);

  const register = (): void => {
    if (!sink) return;
    for (const type of INLINE_FLAG_TYPES) {
      for (const [level, name] of [
        ['likely', HIGHLIGHT_NAME[type]],
        ['uncertain', FAINT_HIGHLIGHT_NAME[type]],
      ] as const) {
        const ranges = anchored
          .filter((f) => f.type === type && f.level === level)
          .map((f) => f.range);
        if (ranges.length > 0) sink.set(name, ranges);
        else sink.delete(name);
      }
    }
  };

  const anchorAll = (): void => {
    const root = options.locate();
    index = root ? domText(root, { skip: options.skip }) : null;
    anchored = [];
    const lost: string[] = [];
    for (const flag of stored) {
      const span = index ? anchorSpan(index.text, flag.selectors) : null;
      const range = span && index ? rangeFromOffsets(index, span.start, span.end) : null;
      if (!span || !range) {
        lost.push(flag.id);
        continue;
      }
      anchored.push({
        id: flag.id,
        type: flag.type,
        level: flag.level,
        start: span.start,
        end: span.end,
        range,
        method: span.method,
      });
    }
    register();
    options.onAnchor?.(anchored, lost);
  };

  /** True when a mutation may have changed the answer: inside it, or it left the document. */
  const touchesAnswer = (records: MutationRecord[]): boolean => {
    const root = index?.root;
    if (!root || !root.isConnected) return stored.length > 0;
    return records.some((r) => root.contains(r.target) || r.target.contains(root));
  };

  const observer = new MutationObserver((records) => {
    if (stored.length === 0 || !touchesAnswer(records)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) anchorAll();
    }, debounceMs);
  });
  observer.observe(doc.body ?? doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
  });

  const clear = (): void => {
    stored = [];
    anchored = [];
    index = null;
    if (sink) {
      for (const type of INLINE_FLAG_TYPES) {
        sink.delete(HIGHLIGHT_NAME[type]);
        sink.delete(FAINT_HIGHLIGHT_NAME[type]);
      }
    }
  };

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      clear();
      doc.getElementById(STYLE_ELEMENT_ID)?.remove();
    },
    { once: true },
  );

  return {
    show(flags, answerText) {
      if (signal.aborted) return [];
      stored = flags
        .filter((f) => f.end > f.start)
        .map((f) => ({
          id: f.id,
          type: f.type,
          level: f.level ?? 'likely',
          selectors: describeSpan(answerText, f.start, f.end),
        }));
      anchorAll();
      return anchored;
    },
    anchored: () => anchored,
    flagAt(x, y) {
      const caret = caretAt(doc, x, y);
      for (const flag of anchored) {
        if (caret && !flag.range.isPointInRange(caret.node, caret.offset)) continue;
        // The caret snaps to the nearest text even from blank space: require the point on the text.
        for (const r of flag.range.getClientRects()) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return flag;
        }
      }
      return null;
    },
    rects(id) {
      const flag = anchored.find((f) => f.id === id);
      return flag ? [...flag.range.getClientRects()] : [];
    },
    reanchor: anchorAll,
    clear,
  };
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ELEMENT_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ELEMENT_ID;
  style.textContent = highlightCss() + faintHighlightCss();
  (doc.head ?? doc.documentElement).append(style);
}

/** The text position under a viewport point: the standard API, else WebKit/Blink's older one. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const p = withPosition.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
