/**
 * Which language the word-level analysis reads a text in. Its word lists and rules — stopwords,
 * the stemmer, number words and months, negation, antonyms, names found by their capital letter,
 * abbreviations that do not end a sentence — are written for English (lexical.ts, segment.ts,
 * antonyms.ts). Any other language gets `Intl.Segmenter` for words and sentences: its sentences
 * are still compared by meaning (the embedding model) and by the words and numbers they share,
 * written the same way, but without stemming, names, or contradictions found by negation and
 * antonyms.
 *
 * One analysis reads the answer and every sample in the language detected in the answer, so that
 * both sides of a comparison are tokenised alike.
 */

export type Language = 'en' | 'other';

/** What a report on a text not in English says about it (the overlay shows it as a note). */
export const OTHER_LANGUAGE_NOTICE =
  'This answer does not read as English: it was compared by meaning and by the words and ' +
  'numbers it shares with the samples; names, negations and opposites are checked in English only.';

/** The commonest English function words: English prose is about a fifth these. */
const COMMON_ENGLISH = new Set(
  'the of and to in is was for that it on with as are by this be at from or an a not have has'.split(
    ' ',
  ),
);

/** Below this many words a text is too short to tell; it is read as English, as before. */
const MIN_WORDS = 20;
/** English prose stays far above this share of common function words (tables included). */
const MIN_ENGLISH_SHARE = 0.04;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** Words of a text (letters or digits), with their [start, end) offsets. */
export function segmenterWords(text: string): { raw: string; start: number; end: number }[] {
  const words: { raw: string; start: number; end: number }[] = [];
  for (const s of wordSegmenter.segment(text)) {
    if (s.isWordLike)
      words.push({ raw: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return words;
}

/** [start, end) spans of the sentences in text[from, to), as Intl.Segmenter splits them. */
export function segmenterSentences(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const s of sentenceSegmenter.segment(text.slice(from, to))) {
    spans.push([from + s.index, from + s.index + s.segment.length]);
  }
  return spans;
}

/** English, unless the text is long enough to tell and reads as something else. */
export function detectLanguage(text: string): Language {
  const words = segmenterWords(text).filter((w) => /\p{L}/u.test(w.raw));
  if (words.length < MIN_WORDS) return 'en';
  const latin = words.filter((w) =>
    /^\p{Script=Latin}+$/u.test(w.raw.replace(/\P{L}/gu, '')),
  ).length;
  if (latin < words.length / 2) return 'other';
  const common = words.filter((w) => COMMON_ENGLISH.has(w.raw.toLowerCase())).length;
  return common / words.length < MIN_ENGLISH_SHARE ? 'other' : 'en';
}
