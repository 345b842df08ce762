/**
 * A small word-level diff, used by the overlay to mark the words in which two answers differ
 * ("born in 1820" vs "born in 1829"). Pure: no DOM, so it is tested in Node and could serve the
 * CLI too.
 *
 * Words are compared case-insensitively with quotes and dashes folded, because a sample that
 * writes “Paris” where the answer wrote "paris" does not disagree. Whitespace never counts as a
 * difference; each part carries the whitespace that follows its words, so concatenating the
 * `same` and `added` parts rebuilds the `to` text exactly (what the overlay shows), while
 * `removed` parts keep `from`'s spelling.
 */

import { isStopword } from '../core/lexical.ts';

export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

interface Token {
  /** The token with the whitespace that follows it. */
  raw: string;
  /** Comparison key. */
  key: string;
}

/**
 * Words (keeping "3.5", "1,000", "don't", "co-founder" whole), or single punctuation marks;
 * each followed by its trailing whitespace.
 */
const TOKEN = /(?:[\p{L}\p{N}]+(?:['’.,\-–][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])\s*/gu;

/** Above this many LCS cells the middle is reported as one replaced block, to bound the cost. */
const MAX_CELLS = 4_000_000;

function normalise(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-');
}

function tokenize(text: string): { lead: string; tokens: Token[] } {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const tokens: Token[] = [];
  for (const match of text.slice(lead.length).matchAll(TOKEN)) {
    tokens.push({ raw: match[0], key: normalise(match[0]) });
  }
  return { lead, tokens };
}

/** Appends a part, merging it into the previous one when the op is the same. */
function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Diffs the token runs a[ai..aEnd) and b[bi..bEnd) by longest common subsequence. */
function lcsDiff(
  a: Token[],
  b: Token[],
  aStart: number,
  aEnd: number,
  bStart: number,
  bEnd: number,
  parts: DiffPart[],
): void {
  const n = aEnd - aStart;
  const m = bEnd - bStart;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    for (let i = aStart; i < aEnd; i++) push(parts, 'removed', a[i]!.raw);
    for (let j = bStart; j < bEnd; j++) push(parts, 'added', b[j]!.raw);
    return;
  }
  // lengths[i][j] = LCS length of a[aStart+i..aEnd) and b[bStart+j..bEnd), flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[aStart + i]!.key === b[bStart + j]!.key
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const ta = a[aStart + i]!;
    const tb = b[bStart + j]!;
    if (ta.key === tb.key) {
      push(parts, 'same', tb.raw);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', ta.raw);
      i++;
    } else {
      push(parts, 'added', tb.raw);
      j++;
    }
  }
  for (; i < n; i++) push(parts, 'removed', a[aStart + i]!.raw);
  for (; j < m; j++) push(parts, 'added', b[bStart + j]!.raw);
}

/**
 * Word diff from `from` to `to`: `same` words (in `to`'s spelling), words only in `to`
 * (`added`) and words only in `from` (`removed`), in reading order; a replacement lists the
 * removed words before the added ones.
 */
export function diffWords(from: string, to: string): DiffPart[] {
  const a = tokenize(from);
  const b = tokenize(to);
  const parts: DiffPart[] = [];
  push(parts, 'same', b.lead);
  // Trim the common head and tail first: answers usually differ in a few places, and this keeps
  // the quadratic part small.
  let head = 0;
  while (
    head < a.tokens.length &&
    head < b.tokens.length &&
    a.tokens[head]!.key === b.tokens[head]!.key
  ) {
    push(parts, 'same', b.tokens[head]!.raw);
    head++;
  }
  let tail = 0;
  while (
    tail < a.tokens.length - head &&
    tail < b.tokens.length - head &&
    a.tokens[a.tokens.length - 1 - tail]!.key === b.tokens[b.tokens.length - 1 - tail]!.key
  ) {
    tail++;
  }
  lcsDiff(a.tokens, b.tokens, head, a.tokens.length - tail, head, b.tokens.length - tail, parts);
  for (let k = b.tokens.length - tail; k < b.tokens.length; k++) {
    push(parts, 'same', b.tokens[k]!.raw);
  }
  return parts;
}

/** What may stand between two marks of one phrase: spaces, commas and a few function words. */
function bridges(gap: string): boolean {
  if (!/^[\s\p{L},'’–—-]*$/u.test(gap)) return false;
  const words = gap.match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  return words.length <= 3 && words.every((w) => isStopword(w.toLowerCase()));
}

/**
 * Marks given spans of `text` as `added` (e.g. a sample's "1829" from the core's evidence), the
 * rest as `same`. Each span marks its first occurrence not already marked, matched
 * case-insensitively; spans that do not occur are ignored.
 */
export function markSpans(text: string, spans: readonly string[]): DiffPart[] {
  const lower = text.toLowerCase();
  const marked: Array<[number, number]> = [];
  const overlaps = (start: number, end: number): boolean =>
    marked.some(([s, e]) => start < e && s < end);
  // Longest first, so "1,829" is not split up by an earlier "829".
  const ordered = [...spans].filter((s) => s.trim() !== '').sort((x, y) => y.length - x.length);
  for (const span of ordered) {
    const needle = span.toLowerCase();
    let from = 0;
    for (;;) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      if (!overlaps(at, at + needle.length)) {
        marked.push([at, at + needle.length]);
        break;
      }
      from = at + 1;
    }
  }
  marked.sort((x, y) => x[0] - y[0]);
  // Marks a reader reads as one phrase are one mark: "[Another influential figure] in the
  // [development] of [TQM]" reads as a row of boxes; "[Another influential figure in the
  // development of TQM]" as the phrase it is.
  const runs: Array<[number, number]> = [];
  for (const [start, end] of marked) {
    const last = runs[runs.length - 1];
    if (last && bridges(text.slice(last[1], start))) last[1] = end;
    else runs.push([start, end]);
  }
  const parts: DiffPart[] = [];
  let pos = 0;
  for (const [start, end] of runs) {
    push(parts, 'same', text.slice(pos, start));
    push(parts, 'added', text.slice(start, end));
    pos = end;
  }
  push(parts, 'same', text.slice(pos));
  return parts;
}
