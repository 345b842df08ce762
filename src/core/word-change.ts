/**
 * Nearly identical sentences that differ in a word or two ("in the third quarter" / "in the
 * second quarter", "an explicit reference" / "an implicit reference"): whether the changed words
 * are a paraphrase (synonyms) or a change of fact (opposites, sibling terms), by WordNet.
 */
import { jaccard } from './vectors.ts';
import { NEGATORS, wordNorm } from './lexical.ts';
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

const RANK: Record<WordChange, number> = { antonym: 3, sibling: 2, synonym: 1 };

/** The strongest WordNet relation between the words only one side has, or null. */
export function changedWord(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  cosine: number,
): ChangedWord | null {
  if (cosine < NEARLY_SAME_COSINE && jaccard(sentence.norms, counterpart.norms) < 0.5) return null;
  const content = (w: string) => /\p{L}{3,}/u.test(w) && !NEGATORS.has(w) && !w.endsWith("n't");
  const theirs = new Set(counterpart.words.map(wordNorm));
  const mine = new Set(sentence.words.map(wordNorm));
  const only = (words: readonly string[], other: ReadonlySet<string>) => [
    ...new Set(words.filter((w) => content(w) && !other.has(wordNorm(w)))),
  ];
  const a = only(sentence.words, theirs);
  const b = only(counterpart.words, mine);
  if (a.length === 0 || b.length === 0 || a.length > MAX_CHANGED || b.length > MAX_CHANGED) {
    return null;
  }
  let best: ChangedWord | null = null;
  for (const x of a) {
    for (const y of b) {
      const change = wordRelation(x, y);
      if (change && (!best || RANK[change] > RANK[best.change])) {
        best = {
          change,
          answerWord: asWritten(sentence, x),
          sampleWord: asWritten(counterpart, y),
        };
      }
    }
  }
  return best;
}

/** A lower-cased word as the sentence writes it ("Explicit"), for spans shown on the page. */
function asWritten(s: PreparedSentence, word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'iu').exec(s.plain)?.[0] ?? word;
}
