/**
 * Fuzzy search for a quote in a text, tolerant of small edits, in the spirit of
 * hypothesis/client's `match-quote.ts` (own code): find every place where the quote occurs with at
 * most k edits, then rank those places by how well the quote, its prefix and suffix match and how
 * close they are to where the quote used to be.
 *
 * Pure string code (no DOM): the content script runs it against the text of an answer element, the
 * tests run it in Node. Exact occurrences are found with `indexOf` (the usual case, linear); the
 * edit-tolerant search (Sellers' dynamic programme, O(text × quote)) only runs when there is none,
 * first in a window around the position hint and only then over the whole text.
 */

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
 * Places in text[from, to) that match `quote` with at most `maxErrors` edits. A forward pass finds
 * where matches end (keeping only local minima of the error count, so one fuzzy match yields one
 * candidate); a backward pass from each end finds where that match starts.
 */
function approximateMatches(
  text: string,
  quote: string,
  maxErrors: number,
  from: number,
  to: number,
): Omit<QuoteMatch, 'score'>[] {
  const m = quote.length;
  const ends: { end: number; errors: number }[] = [];
  // column[i] = fewest edits turning quote[0, i) into some text slice ending at the current j.
  let column = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let previousBottom = m;
  let previousWasCandidate = false;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    next[0] = 0; // a match may start anywhere
    for (let i = 1; i <= m; i++) {
      const substitute = column[i - 1]! + (quote.charCodeAt(i - 1) === c ? 0 : 1);
      const skipText = column[i]! + 1;
      const skipQuote = next[i - 1]! + 1;
      next[i] = Math.min(substitute, skipText, skipQuote);
    }
    [column, next] = [next, column];
    const bottom = column[m]!;
    if (bottom <= maxErrors) {
      if (previousWasCandidate && bottom < previousBottom)
        ends[ends.length - 1] = { end: j + 1, errors: bottom };
      else if (!previousWasCandidate || bottom < previousBottom)
        ends.push({ end: j + 1, errors: bottom });
      previousWasCandidate = true;
    } else {
      previousWasCandidate = false;
    }
    previousBottom = bottom;
  }
  return ends.map(({ end, errors }) => ({
    start: startOf(text, quote, end, maxErrors, from),
    end,
    errors,
  }));
}

/** Start of the best match of `quote` that ends exactly at `end` (backward edit distance). */
function startOf(
  text: string,
  quote: string,
  end: number,
  maxErrors: number,
  floor: number,
): number {
  const m = quote.length;
  const longest = Math.min(end - floor, m + maxErrors);
  // row[t] = edits turning the last i chars of quote into the t chars of text before `end`.
  let row = new Int32Array(longest + 1);
  let next = new Int32Array(longest + 1);
  for (let t = 0; t <= longest; t++) row[t] = t;
  for (let i = 1; i <= m; i++) {
    const q = quote.charCodeAt(m - i);
    next[0] = i;
    for (let t = 1; t <= longest; t++) {
      const substitute = row[t - 1]! + (text.charCodeAt(end - t) === q ? 0 : 1);
      next[t] = Math.min(substitute, row[t]! + 1, next[t - 1]! + 1);
    }
    [row, next] = [next, row];
  }
  let bestT = 0;
  for (let t = 1; t <= longest; t++) if (row[t]! < row[bestT]!) bestT = t;
  return end - bestT;
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
