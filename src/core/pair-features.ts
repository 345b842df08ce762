/**
 * Features of an aligned pair — an answer sentence and a sample's counterpart — for the severity
 * model: where and how the two differ word by word (how many places, how many words on each
 * side, numbers, names, negations, the WordNet link between the changed words, where the first
 * change stands). Computed from the two texts alone, so a stored report can be graded again.
 */
import { matchedPositions } from './align.ts';
import { NEGATORS, tokenize, type Token } from './lexical.ts';
import { plainText } from './prepare.ts';
import type { SampleEvidence } from './types.ts';
import { wordLink } from './wordnet.ts';

/** Names of pairFeatures' values, in order. */
export const PAIR_FEATURES = [
  'places',
  'answerOnly',
  'sampleOnly',
  'answerOnlyShare',
  'numberSwap',
  'numberAdded',
  'nameSwap',
  'nameAdded',
  'negationDelta',
  'changeAt',
  'lengthRatio',
  'wordLink',
  'functionOnly',
] as const;

/** At most this many changed words per side are looked up in WordNet. */
const LINKED = 4;

interface Word {
  norm: string;
  kind: Token['kind'];
  content: boolean;
  raw: string;
}

function words(text: string): Word[] {
  const content = new Set(tokenize(text).map((t) => t.start));
  return tokenize(text, true).map((t) => ({
    norm: t.norm.toLowerCase(),
    kind: t.kind,
    content: content.has(t.start),
    raw: t.raw.toLowerCase(),
  }));
}

/** Which positions of a and of b a longest common subsequence of their norms keeps. */
const matched = (a: readonly Word[], b: readonly Word[]) =>
  matchedPositions(
    a.map((w) => w.norm),
    b.map((w) => w.norm),
  );

const negations = (ws: readonly Word[]) =>
  ws.filter((w) => NEGATORS.has(w.raw) || w.raw.endsWith("n't")).length;

/** The features of one pair; a missing counterpart reads as everything changed. */
export function pairFeatures(sentence: string, counterpart: string | null): number[] {
  const a = words(plainText(sentence));
  if (counterpart === null || a.length === 0) {
    return [5, a.filter((w) => w.content).length, 0, 1, 0, 0, 0, 0, 0, 0, 0, -2, 0];
  }
  const b = words(plainText(counterpart));
  const [inA, inB] = matched(a, b);
  // Changed places: runs of unmatched words, counted on the answer's side, or on the sample's
  // where the answer only lacks words.
  const runs = (flags: readonly boolean[]) =>
    flags.filter((keep, i) => !keep && (i === 0 || flags[i - 1])).length;
  const onlyA = a.filter((w, i) => !inA[i] && w.content);
  const onlyB = b.filter((w, i) => !inB[i] && w.content);
  const kinds = (ws: readonly Word[], kind: Token['kind']) => ws.some((w) => w.kind === kind);
  const firstChange = inA.findIndex((keep, i) => !keep && a[i]!.content);
  let link = -2;
  for (const x of onlyA.filter((w) => w.kind === 'word').slice(0, LINKED)) {
    for (const y of onlyB.filter((w) => w.kind === 'word').slice(0, LINKED)) {
      link = Math.max(link, wordLink(x.raw, y.raw));
    }
  }
  const contentA = a.filter((w) => w.content).length;
  return [
    Math.min(5, Math.max(runs(inA), runs(inB))),
    onlyA.length,
    onlyB.length,
    onlyA.length / Math.max(1, contentA),
    kinds(onlyA, 'number') && kinds(onlyB, 'number') ? 1 : 0,
    kinds(onlyA, 'number') && !kinds(onlyB, 'number') ? 1 : 0,
    kinds(onlyA, 'name') && kinds(onlyB, 'name') ? 1 : 0,
    kinds(onlyA, 'name') && !kinds(onlyB, 'name') ? 1 : 0,
    Math.min(2, Math.abs(negations(a) - negations(b))),
    firstChange < 0 ? 1 : firstChange / a.length,
    Math.min(a.length, b.length) / Math.max(1, a.length, b.length),
    link,
    // Only function words differ ("the" for "a", "was" for "is").
    onlyA.length === 0 && onlyB.length === 0 && (inA.includes(false) || inB.includes(false))
      ? 1
      : 0,
  ];
}

/** Mean of the pair features over a sentence's samples (each pair once). */
export function meanPairFeatures(sentence: string, evidence: readonly SampleEvidence[]): number[] {
  const sum = new Array<number>(PAIR_FEATURES.length).fill(0);
  const seen = new Map<string | null, number[]>();
  for (const e of evidence) {
    let f = seen.get(e.counterpart);
    if (!f) {
      f = pairFeatures(sentence, e.counterpart);
      seen.set(e.counterpart, f);
    }
    f.forEach((v, i) => (sum[i]! += v));
  }
  return sum.map((v) => v / Math.max(1, evidence.length));
}
