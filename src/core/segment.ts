/**
 * Splits an answer into the pieces the analysis judges one by one: sentences, list items, table
 * rows, headings and code blocks, each with [start, end) offsets into the original text so the
 * UI can highlight exactly what was judged. Markdown markers stay in the slice (offsets must be
 * exact) but list markers and surrounding whitespace are left out of it.
 *
 * Linear in the length of the text: one pass over lines, one scan per line for sentence ends.
 * Sentence ends are found with English abbreviations in mind; other languages are split by
 * Intl.Segmenter (see language.ts).
 */
import { segmenterSentences, type Language } from './language.ts';
import type { Segment, SegmentKind } from './types.ts';

/** Words that end with a period without ending the sentence (compared lower-case, no dot). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft vs v e.g i.e cf inc ltd co corp ' +
    'approx ca c gen col lt sgt capt cmdr gov sen rep rev hon pres jan feb mar apr jun jul aug ' +
    'sep sept oct nov dec u.s u.k u.n e.u a.m p.m b.a m.a ph.d b.sc m.sc est dept univ assn ' +
    'bros ed eds trans min max avg'
  ).split(' '),
);

/** Abbreviations only before a number ("No. 5", "Vol. 2", "p. 14"): "The answer is no. The…"
 * ends its sentence. */
const NUMBER_ABBREVIATIONS = new Set('no nos vol fig figs pp p op'.split(' '));

/** Characters that may close a sentence after its final punctuation: quotes and brackets. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '*', '_']);

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+/;
const LIST_MARKER = /^\s*(?:[-*+•]|\d{1,3}[.)]|[a-zA-Z][.)])\s+/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const HAS_WORD = /[\p{L}\p{N}]/u;
const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u200D|\uFE0F/u;

/** Segments of `text` in reading order, indexed from 0. */
export function segment(text: string, language: Language = 'en'): Segment[] {
  const out: Omit<Segment, 'index'>[] = [];
  let lineStart = 0;
  let fenceOpen: { start: number; marker: string } | null = null;

  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const fence = FENCE.exec(line);

    if (fenceOpen) {
      if (fence && fence[1] === fenceOpen.marker) {
        out.push(piece(text, fenceOpen.start, lineEnd, 'code', false));
        fenceOpen = null;
      }
    } else if (fence) {
      fenceOpen = { start: lineStart + line.indexOf(fence[1]!), marker: fence[1]! };
    } else {
      segmentLine(text, lineStart, lineEnd, out, language);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  // An unclosed fence (e.g. an answer cut off mid-stream) still holds code to the end.
  if (fenceOpen) out.push(piece(text, fenceOpen.start, text.length, 'code', false));

  const kept = out.filter((s) => s.kind === 'code' || HAS_WORD.test(s.text));
  // A sentence that only introduces the code block, list or table after it ("Here is how to
  // compute it in Python:") makes no claim of its own: it is kept but not judged.
  kept.forEach((s, i) => {
    const next = kept[i + 1];
    if (
      s.kind === 'sentence' &&
      s.judged &&
      next !== undefined &&
      next.kind !== 'sentence' &&
      next.kind !== 'heading' &&
      INTRODUCES.test(s.text) &&
      text.slice(s.end, next.start).includes('\n')
    ) {
      s.judged = false;
    }
  });
  return kept.map((s, index) => ({ ...s, index }));
}

/** Ends with a colon (emphasis markers and closers allowed after it). */
const INTRODUCES = /:[*_)\]"'”’\s]*$/;

/** The line before or after [lineStart, lineEnd), or null at either end of the text. */
function neighbourLine(text: string, lineStart: number, lineEnd: number, dir: -1 | 1) {
  if (dir === -1) {
    if (lineStart === 0) return null;
    return text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  }
  if (lineEnd >= text.length) return null;
  const end = text.indexOf('\n', lineEnd + 1);
  return text.slice(lineEnd + 1, end === -1 ? text.length : end);
}

/**
 * Whether a table row is the table's header, which names the columns and states nothing: the row
 * above a separator ("|---|---|"), or — when the separator is not there, as in text read from a
 * rendered page — a first row without any digit followed by more rows.
 */
function isHeaderRow(text: string, lineStart: number, lineEnd: number): boolean {
  const next = neighbourLine(text, lineStart, lineEnd, 1);
  if (next !== null && TABLE_SEPARATOR.test(next)) return true;
  const previous = neighbourLine(text, lineStart, lineEnd, -1);
  const first = previous === null || !previous.trimStart().startsWith('|');
  return (
    first &&
    next !== null &&
    next.trimStart().startsWith('|') &&
    !/\p{N}/u.test(text.slice(lineStart, lineEnd))
  );
}

function segmentLine(
  text: string,
  lineStart: number,
  lineEnd: number,
  out: Omit<Segment, 'index'>[],
  language: Language,
): void {
  const line = text.slice(lineStart, lineEnd);
  if (line.trim() === '') return;

  const heading = HEADING.exec(line);
  if (heading) {
    out.push(piece(text, lineStart + heading[0].length, lineEnd, 'heading', false));
    return;
  }
  if (line.trimStart().startsWith('|')) {
    if (TABLE_SEPARATOR.test(line)) return;
    out.push(piece(text, lineStart, lineEnd, 'table-row', !isHeaderRow(text, lineStart, lineEnd)));
    return;
  }
  const marker = LIST_MARKER.exec(line);
  const bodyStart = lineStart + (marker ? marker[0].length : 0);
  // A quoted line ("> ...") is judged like any other text; only the marker is left out.
  const quote = /^\s*>\s?/.exec(text.slice(bodyStart, lineEnd));
  const start = bodyStart + (quote ? quote[0].length : 0);
  const kind: SegmentKind = marker ? 'list-item' : 'sentence';
  const spans =
    language === 'en'
      ? sentenceSpans(text, start, lineEnd)
      : segmenterSentences(text, start, lineEnd);
  for (const [s, e] of spans) {
    out.push(piece(text, s, e, kind, true));
  }
}

/** Builds a segment, trimming whitespace so the slice starts and ends on visible text. */
function piece(
  text: string,
  start: number,
  end: number,
  kind: SegmentKind,
  judged: boolean,
): Omit<Segment, 'index'> {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { text: text.slice(start, end), start, end, kind, judged };
}

/** [start, end) spans of the sentences in text[from, to). */
export function sentenceSpans(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  let sentenceStart = from;
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…' && ch !== '。') {
      i++;
      continue;
    }
    // The whole run of terminal punctuation and closers ends the candidate sentence.
    let end = i + 1;
    while (end < to && /[.!?…]/.test(text[end]!)) end++;
    while (end < to && CLOSERS.has(text[end]!)) end++;
    let next = end;
    while (next < to && /[ \t\u00a0]/.test(text[next]!)) next++;
    // Emoji after the punctuation belong to the sentence they follow ("Done! 🎉 Next...").
    if (next > end && next < to && EMOJI.test(String.fromCodePoint(text.codePointAt(next)!))) {
      while (next < to && EMOJI.test(String.fromCodePoint(text.codePointAt(next)!))) {
        next += text.codePointAt(next)! > 0xffff ? 2 : 1;
      }
      end = next;
      while (next < to && /[ \t\u00a0]/.test(text[next]!)) next++;
    }
    if (next >= to) break;
    if (next > end && isBoundary(text, sentenceStart, i, next)) {
      spans.push([sentenceStart, end]);
      sentenceStart = next;
    }
    i = Math.max(end, i + 1);
  }
  if (sentenceStart < to) spans.push([sentenceStart, to]);
  return spans;
}

/**
 * Whether the punctuation at `punct` ends a sentence, given that the next visible character is at
 * `next` (after whitespace). A period after an abbreviation or an initial does not; neither does
 * one followed by a lower-case word.
 */
function isBoundary(text: string, sentenceStart: number, punct: number, next: number): boolean {
  const following = text[next]!;
  // Only a lower-case start continues the sentence; capitals, digits, quotes, brackets, emoji
  // and scripts without case all start a new one.
  if (/\p{Ll}/u.test(following)) return false;
  if (text[punct] !== '.') return true;

  // The word before the period, including inner dots ("U.S", "e.g").
  let w = punct;
  while (w > sentenceStart && /[\p{L}.]/u.test(text[w - 1]!)) w--;
  const word = text.slice(w, punct);
  if (word === '') return true;
  // A single capital is an initial ("J. R. R. Tolkien"), unless it is the whole sentence so far.
  if (/^\p{Lu}$/u.test(word) && w > sentenceStart) return false;
  const lower = word.toLowerCase();
  // "etc." is left out of the list on purpose: it ends sentences often enough.
  if (ABBREVIATIONS.has(lower)) return false;
  if (NUMBER_ABBREVIATIONS.has(lower)) return !/\p{N}/u.test(following);
  // "et al." goes on; the airline "El Al." or a man called "Al." ends the sentence.
  if (lower === 'al') return !/\bet\s+$/i.test(text.slice(Math.max(0, w - 4), w));
  // Dotted acronyms like "U.S.A" that are not in the list rarely end a sentence.
  return !/^(\p{L}\.)+\p{L}$/u.test(word);
}
