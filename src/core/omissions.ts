/**
 * Finds what most samples say and the answer leaves out. A sample sentence is "left out" when no
 * answer sentence is close to it and the answer repeats few of its content words; left-out
 * sentences of different samples that say the same thing are pooled, and a pool counts as an
 * omission when more than half of the samples (at least two) contribute to it.
 */
import type { PreparedText } from './prepare.ts';
import type { Omission } from './types.ts';
import { cosine } from './vectors.ts';
import { coverage, distinctTokens, type TokenWeight } from './weights.ts';

/** A sample sentence this close to some answer sentence is covered. */
const COVERED_COSINE = 0.85;
/** A sample sentence whose content words the answer repeats this much (weighted) is covered. */
const COVERED_WORDS = 0.7;
/** Two left-out sentences this close say the same thing. */
const SAME_COSINE = 0.7;
/** Bounds the pairwise pooling on very long samples. */
const MAX_CANDIDATES = 400;

interface Candidate {
  sample: number;
  text: string;
  vector: Float32Array;
}

/**
 * @param answerCosines for each sample, the answer-sentence × sample-sentence cosine matrix
 *   (row-major, rows = answer sentences).
 * @param sampleIndexes index of each prepared sample in the report's samples array.
 */
export function findOmissions(
  answer: PreparedText,
  samples: readonly PreparedText[],
  sampleIndexes: readonly number[],
  answerCosines: readonly Float32Array[],
  weight: TokenWeight,
): Omission[] {
  if (samples.length < 2) return [];
  const rows = answer.sentences.length;
  const candidates: Candidate[] = [];
  samples.forEach((sample, k) => {
    const matrix = answerCosines[k]!;
    const cols = sample.sentences.length;
    sample.sentences.forEach((sentence, j) => {
      let best = 0;
      for (let i = 0; i < rows; i++) best = Math.max(best, matrix[i * cols + j]!);
      if (best >= COVERED_COSINE) return;
      const tokens = distinctTokens(sentence.tokens);
      if (tokens.length < 2 || coverage(tokens, answer.norms, weight) >= COVERED_WORDS) return;
      candidates.push({
        sample: sampleIndexes[k]!,
        text: sentence.segment.text,
        vector: sample.vectors[j]!,
      });
    });
  });
  const pool = candidates.slice(0, MAX_CANDIDATES);
  const needed = Math.max(2, Math.floor(samples.length / 2) + 1);

  const used = new Set<number>();
  const omissions: Omission[] = [];
  for (;;) {
    // The candidate echoed by the most samples, not yet reported.
    let bestAt = -1;
    let bestMembers = new Map<number, Echo>();
    for (let at = 0; at < pool.length; at++) {
      if (used.has(at)) continue;
      const members = echoes(pool, at, used);
      if (members.size > bestMembers.size) {
        bestAt = at;
        bestMembers = members;
      }
    }
    if (bestAt === -1 || bestMembers.size < needed) break;
    const ordered = [...bestMembers.entries()].sort((a, b) => a[0] - b[0]);
    omissions.push({
      text: pool[bestAt]!.text,
      samples: ordered.map(([s]) => s),
      wording: ordered.map(([, m]) => m.text),
    });
    for (const m of bestMembers.values()) used.add(m.at);
  }
  return omissions;
}

interface Echo {
  at: number;
  text: string;
  sim: number;
}

/** For each sample, its left-out sentence closest to pool[at] (if close enough). */
function echoes(
  pool: readonly Candidate[],
  at: number,
  used: ReadonlySet<number>,
): Map<number, Echo> {
  const c = pool[at]!;
  const members = new Map<number, Echo>([[c.sample, { at, text: c.text, sim: 1 }]]);
  pool.forEach((d, other) => {
    if (used.has(other) || d.sample === c.sample) return;
    const sim = cosine(c.vector, d.vector);
    const current = members.get(d.sample);
    if (sim >= SAME_COSINE && (!current || sim > current.sim)) {
      members.set(d.sample, { at: other, text: d.text, sim });
    }
  });
  return members;
}
