/**
 * Describing a span of a text so it can be found again after the text changes a little, and
 * finding it again. Two selectors in the W3C Web Annotation shape: a position (fast, exact while
 * the text is unchanged) and a quote with some context (survives re-renders that shift offsets).
 * `anchorSpan` tries the position first and checks that it still holds the quote, then falls
 * back to the fuzzy quote search, as hypothesis' `anchor()` does.
 */
import { matchQuote, type MatchOptions } from './match-quote.ts';

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Both selectors for one span: what a flag stores to find its text again. */
export interface SpanSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

export interface AnchoredSpan {
  start: number;
  end: number;
  /** How the span was found: its old position still held the quote, or the quote was searched. */
  method: 'position' | 'quote';
  /** 0..1; 1 for a position hit. */
  score: number;
}

/** Characters of context kept on each side of a quote (enough to tell repeats apart). */
export const DEFAULT_CONTEXT_LENGTH = 32;

export function positionSelector(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

export function quoteSelector(
  text: string,
  start: number,
  end: number,
  contextLength = DEFAULT_CONTEXT_LENGTH,
): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, end + contextLength),
  };
}

/** Selectors for text[start, end); offsets are clamped into the text. */
export function describeSpan(
  text: string,
  start: number,
  end: number,
  contextLength = DEFAULT_CONTEXT_LENGTH,
): SpanSelectors {
  const s = clamp(start, 0, text.length);
  const e = clamp(end, s, text.length);
  return { position: positionSelector(s, e), quote: quoteSelector(text, s, e, contextLength) };
}

/** Where the span described by `selectors` is in `text` now, or null when it cannot be found. */
export function anchorSpan(
  text: string,
  selectors: SpanSelectors,
  options: MatchOptions & { minScore?: number } = {},
): AnchoredSpan | null {
  const { position, quote } = selectors;
  if (text.slice(position.start, position.end) === quote.exact && quote.exact.length > 0) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }
  const match = matchQuote(
    text,
    quote.exact,
    { prefix: quote.prefix, suffix: quote.suffix, hint: position.start },
    options,
  );
  if (!match || match.score < (options.minScore ?? 0.5)) return null;
  return { start: match.start, end: match.end, method: 'quote', score: match.score };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
