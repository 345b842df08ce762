/**
 * Fuzzy search for a quote in a text, tolerant of small edits, as hypothesis/client's
 * `match-quote.ts` does it: find the places where the quote occurs with fewest edits (at most k),
 * then rank those places by how well the quote, its prefix and suffix match and how close they
 * are to where the quote used to be.
 *
 * Pure string code (no DOM): the content script runs it against the text of an answer element, the
 * tests run it in Node. Exact occurrences are found with `indexOf` (the usual case, linear); the
 * edit-tolerant search (`approx-string-match`, Myers' bit-parallel algorithm, about O(k/32 × text))
 * only runs when there is none, first in a window around the position hint and only then over the
 * whole text.
 */
import search from 'approx-string-match';

export interface QuoteContext {
  /** Text just before the quote when it was made. */
  prefix?: string;
  /** Text just after the quote when it was made. */
  suffix?: string;
  /** Where the quote started when it was made. */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edit distance between the quote and text[start, end). */
  errors: number;
  /** 0..1, higher is better: quote, context and position agreement combined. */
  score: number;
}

export interface MatchOptions {
  /** Largest share of the quote's length that may be edited, 0..1 (default 0.25). */
  maxErrorRatio?: number;
}

/** Weights of the ranking, as in hypothesis: the quote matters most, the position least. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
/** Candidates beyond this many (ranked by edits) are not scored: ties that far down do not win. */
const MAX_CANDIDATES = 64;

/** The best place for `quote` in `text`, or null when nothing is within the edit budget. */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
  options: MatchOptions = {},
): QuoteMatch | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.floor(quote.length * (options.maxErrorRatio ?? 0.25));

  let candidates = exactMatches(text, quote);
  if (candidates.length === 0 && maxErrors > 0) {
    const hint = context.hint;
    if (hint !== undefined) {
      // Most edits are local: look near the old position before paying for the whole text.
      const slack = quote.length + 2 * maxErrors + 64;
      const from = Math.max(0, hint - slack);
      const to = Math.min(text.length, hint + quote.length + slack);
      candidates = approximateMatches(text, quote, maxErrors, from, to);
    }
    if (candidates.length === 0)
      candidates = approximateMatches(text, quote, maxErrors, 0, text.length);
  }
  if (candidates.length === 0) return null;

  candidates.sort((a, b) => a.errors - b.errors);
  let best: QuoteMatch | null = null;
  for (const c of candidates.slice(0, MAX_CANDIDATES)) {
    const scored = { ...c, score: score(text, quote, c, context) };
    if (!best || scored.score > best.score) best = scored;
  }
  return best;
}

function exactMatches(text: string, quote: string): Omit<QuoteMatch, 'score'>[] {
  const out: Omit<QuoteMatch, 'score'>[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    out.push({ start: at, end: at + quote.length, errors: 0 });
    if (out.length > MAX_CANDIDATES * 4) break;
  }
  return out;
}

/**
 * Places in text[from, to) that match `quote` with the fewest edits, at most `maxErrors`. One
 * fuzzy occurrence can end at several neighbouring positions with the same count; the scoring
 * picks among them.
 */
function approximateMatches(
  text: string,
  quote: string,
  maxErrors: number,
  from: number,
  to: number,
): Omit<QuoteMatch, 'score'>[] {
  return search(text.slice(from, to), quote, maxErrors).map((match) => ({
    start: match.start + from,
    end: match.end + from,
    errors: match.errors,
  }));
}

function score(
  text: string,
  quote: string,
  match: Omit<QuoteMatch, 'score'>,
  context: QuoteContext,
): number {
  let total = WEIGHT.quote * (1 - match.errors / quote.length);
  let weights = WEIGHT.quote;
  if (context.prefix) {
    const before = text.slice(Math.max(0, match.start - context.prefix.length), match.start);
    total += WEIGHT.prefix * similarity(before, context.prefix);
    weights += WEIGHT.prefix;
  }
  if (context.suffix) {
    const after = text.slice(match.end, match.end + context.suffix.length);
    total += WEIGHT.suffix * similarity(after, context.suffix);
    weights += WEIGHT.suffix;
  }
  if (context.hint !== undefined) {
    const distance = Math.abs(match.start - context.hint);
    total += WEIGHT.position * (1 - distance / Math.max(1, text.length));
    weights += WEIGHT.position;
  }
  return total / weights;
}

/** 1 − normalised edit distance; for short context strings only (quadratic). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      next[j] = Math.min(substitute, row[j]! + 1, next[j - 1]! + 1);
    }
    row = next;
  }
  return row[b.length]!;
}
