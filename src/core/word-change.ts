/**
 * Nearly identical sentences that differ in a word or two ("in the third quarter" / "in the
 * second quarter", "an explicit reference" / "an implicit reference"): whether the changed words
 * are a paraphrase (synonyms) or a change of fact (opposites, sibling terms), by WordNet.
 */
import { replacedRuns } from './align.ts';
import { opposites } from './antonyms.ts';
import { jaccard } from './vectors.ts';
import { isStopword, lemma, NEGATORS, wordNorm } from './lexical.ts';
import type { PreparedSentence } from './prepare.ts';
import type { WordChange } from './types.ts';
import { wordRelation } from './wordnet.ts';

export interface ChangedWord {
  change: WordChange;
  answerWord: string;
  sampleWord: string;
}

/** Cosine from which two sentences count as nearly the same (as for a flipped negation). */
const NEARLY_SAME_COSINE = 0.8;
/** At most this many words may differ on each side for it to be a "one-word" change. */
const MAX_CHANGED = 2;

const RANK: Record<Exclude<WordChange, 'swap'>, number> = { antonym: 3, sibling: 2, synonym: 1 };

/**
 * The strongest WordNet relation between the words each side changes (changedWords); "swap" when
 * some word of the answer's, in one place, has no synonym among the counterpart's (a word
 * replaced by one WordNet does not call the same: "personalized" / "generic"); null when the
 * sentences are not nearly the same or differ in more than MAX_CHANGED words on a side, or one
 * side only adds words.
 */
export function changedWord(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  cosine: number,
): ChangedWord | null {
  if (cosine < NEARLY_SAME_COSINE && jaccard(sentence.norms, counterpart.norms) < 0.5) return null;
  const content = (w: string) => /\p{L}{3,}/u.test(w) && !NEGATORS.has(w) && !w.endsWith("n't");
  const { a, b, places, runA, runB } = changedWords(sentence.words, counterpart.words, content);
  if (a.length === 0 || b.length === 0 || a.length > MAX_CHANGED || b.length > MAX_CHANGED) {
    return null;
  }
  let best: ChangedWord | null = null;
  let explained = 0;
  for (const x of a) {
    let synonym = false;
    for (const y of b) {
      const change = wordRelation(x, y);
      if (change === 'synonym') synonym = true;
      if (change && (!best || RANK[change] > RANK[best.change as Exclude<WordChange, 'swap'>])) {
        best = {
          change,
          answerWord: asWritten(sentence, x),
          sampleWord: asWritten(counterpart, y),
        };
      }
    }
    if (synonym) explained++;
  }
  // Paraphrases swap each word for a synonym; a word left unexplained is a change of wording
  // WordNet cannot vouch for — likelier a change of fact when it is the only change.
  if ((!best || best.change === 'synonym') && explained < a.length && places === 1) {
    // Shown as the two runs that differ where they stand ("judoka" / "Hiroshi Izumi").
    return {
      change: 'swap',
      answerWord: runAsWritten(sentence, runA),
      sampleWord: runAsWritten(counterpart, runB),
    };
  }
  return best;
}

/** At most this many words on each side of one replaced place are read for an opposite. */
const MAX_REPLACED = 3;

/**
 * An opposite put in the place of a word, read where it stands: "being the bottom two" against
 * "being the top two" even when "top" occurs elsewhere in both sentences, which the
 * whole-sentence check (antonymPair) must leave alone. Words as the two sentences write them, or
 * null. Only for nearly the same sentences (the caller decides).
 */
export function replacedOpposite(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
): [string, string] | null {
  const a = sentence.words.map(wordNorm);
  const b = counterpart.words.map(wordNorm);
  for (const [runA, runB] of replacedRuns(a, b)) {
    if (runA.length === 0 || runB.length === 0) continue;
    if (runA.length > MAX_REPLACED || runB.length > MAX_REPLACED) continue;
    for (const i of runA) {
      const x = sentence.words[i]!;
      for (const j of runB) {
        const y = counterpart.words[j]!;
        if (opposites(x).has(lemma(y)) || wordRelation(x, y) === 'antonym') {
          return [asWritten(sentence, x), asWritten(counterpart, y)];
        }
      }
    }
  }
  return null;
}

/**
 * The content words each side changes, read where they stand by a word alignment: "liked sunny
 * weather" / "liked cloudy weather" changes "sunny" even when "it was sunny" follows in both. A
 * word both sides change is moved, not changed. `places`: how many aligned places change a
 * content word.
 */
function changedWords(
  mine: readonly string[],
  theirs: readonly string[],
  content: (w: string) => boolean,
): { a: string[]; b: string[]; places: number; runA: string[]; runB: string[] } {
  const runs = replacedRuns(mine.map(wordNorm), theirs.map(wordNorm));
  const pick = (words: readonly string[], at: readonly number[]) =>
    at.map((i) => words[i]!).filter(content);
  const normsOf = (side: 0 | 1, words: readonly string[]) =>
    new Set(runs.flatMap((run) => pick(words, run[side]).map(wordNorm)));
  const movedA = normsOf(1, theirs);
  const movedB = normsOf(0, mine);
  let places = 0;
  const a = new Set<string>();
  const b = new Set<string>();
  // The words of the last changed place, from its first changed content word to its last.
  let runA: string[] = [];
  let runB: string[] = [];
  // Function words at its ends are left out ("judoka", not "judoka from"); of a run of function
  // words only, the first ("between" / "from").
  const span = (words: readonly string[], at: readonly number[], changed: readonly string[]) => {
    const inRun = at.filter((i) => changed.includes(words[i]!));
    const shown = inRun.filter((i) => !isStopword(words[i]!));
    const ends = shown.length > 0 ? shown : inRun.slice(0, 1);
    return ends.length === 0 ? [] : words.slice(ends[0], ends[ends.length - 1]! + 1);
  };
  for (const [atA, atB] of runs) {
    const x = pick(mine, atA).filter((w) => !movedA.has(wordNorm(w)));
    const y = pick(theirs, atB).filter((w) => !movedB.has(wordNorm(w)));
    if (x.length === 0 && y.length === 0) continue;
    places++;
    x.forEach((w) => a.add(w));
    y.forEach((w) => b.add(w));
    runA = span(mine, atA, x);
    runB = span(theirs, atB, y);
  }
  return { a: [...a], b: [...b], places, runA, runB };
}

/** A lower-cased word as the sentence writes it ("Explicit"), for spans shown on the page. */
export function asWritten(s: PreparedSentence, word: string): string {
  return runAsWritten(s, [word]);
}

/** A run of lower-cased words as the sentence writes it ("Hiroshi Izumi"). */
function runAsWritten(s: PreparedSentence, run: readonly string[]): string {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
  const pattern = run.map(escape).join('[^\\p{L}\\p{N}]+');
  return new RegExp(`(?<!\\p{L})${pattern}(?!\\p{L})`, 'iu').exec(s.plain)?.[0] ?? run.join(' ');
}
