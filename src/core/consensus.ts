/**
 * Groups the answers (the user's and the samples) by what they say and picks the consensus: the
 * most central answer of the largest group ("cosine-consistency self-voting"). Where most answers
 * state an explicit final answer, they are grouped by it first; otherwise by meaning, with
 * average-linkage clustering of whole-answer similarities.
 */
import type { SimilarityRow } from './candidates.ts';
import { extractFinalAnswer, normaliseFinalAnswer } from './final-answer.ts';
import type { Consensus } from './types.ts';

/**
 * Similarity of two whole answers from their sentences' similarity rows: how well each one's
 * sentences are matched in the other, averaged both ways (a sentence-level BERTScore). 0 when
 * either is empty.
 * @param ab for each sentence of answer a, its cosines with (candidate) sentences of b.
 * @param ba the same from b to a.
 */
export function answerSimilarity(
  ab: readonly SimilarityRow[],
  ba: readonly SimilarityRow[],
): number {
  if (ab.length === 0 || ba.length === 0) return 0;
  const meanBest = (rows: readonly SimilarityRow[]) => {
    let sum = 0;
    for (const row of rows) {
      let best = -1;
      for (const c of row.cosines) best = Math.max(best, c);
      sum += best;
    }
    return sum / rows.length;
  };
  return (meanBest(ab) + meanBest(ba)) / 2;
}

/**
 * @param texts the answer first, then the samples.
 * @param similarity symmetric matrix of answer similarities by meaning, similarity[i][j].
 * @param wording symmetric matrix of content-word overlap (Jaccard). Centrality uses the mean of
 *   both, so among answers that mean much the same, one repeating the details most others share
 *   (the same year, the same name) wins over one with a detail of its own.
 */
export function pickConsensus(
  texts: readonly string[],
  similarity: readonly (readonly number[])[],
  wording: readonly (readonly number[])[],
  groupThreshold: number,
): Consensus {
  const n = texts.length;
  const meaning = (i: number, j: number) => similarity[i]?.[j] ?? 0;
  const sim = (i: number, j: number) => (meaning(i, j) + (wording[i]?.[j] ?? 0)) / 2;
  const meanTo = (i: number, others: readonly number[]) => {
    const rest = others.filter((j) => j !== i);
    return rest.length === 0 ? 0 : rest.reduce((s, j) => s + sim(i, j), 0) / rest.length;
  };
  const everyone = [...Array(n).keys()];
  const finals = texts.map(extractFinalAnswer);
  const stated = finals.filter((f) => f !== null).length;
  const byFinal = n > 1 && stated * 2 >= n;

  const groups = byFinal ? groupByFinalAnswer(finals) : groupByMeaning(n, meaning, groupThreshold);
  // Largest group first; between equal sizes, the group closer to all the answers.
  const cohesion = (g: readonly number[]) =>
    g.reduce((s, i) => s + meanTo(i, everyone), 0) / g.length;
  groups.sort((a, b) => b.length - a.length || cohesion(b) - cohesion(a) || a[0]! - b[0]!);

  const largest = groups[0] ?? [0];
  let index = largest[0] ?? 0;
  let bestScore = -Infinity;
  for (const i of largest) {
    // Central within its group; the mean to everyone breaks ties (e.g. identical members).
    const score = meanTo(i, largest) + 1e-3 * meanTo(i, everyone);
    if (score > bestScore) {
      bestScore = score;
      index = i;
    }
  }
  const finalAnswer = finals[index] ?? null;
  const who = index === 0 ? 'your answer' : `sample ${index}`;
  let reason: string;
  if (n === 1) {
    reason = 'Only your answer is available; there are no samples to compare it with.';
  } else if (byFinal && finalAnswer !== null) {
    reason =
      `${largest.length} of ${n} answers give the final answer "${finalAnswer}"; ` +
      `${who} is the most similar to the others among them.`;
  } else if (largest.length === 1) {
    reason =
      `No two of the ${n} answers say much the same; ${who} is the closest to all of them ` +
      `(mean similarity ${meanTo(index, everyone).toFixed(2)}).`;
  } else {
    reason =
      `${largest.length} of ${n} answers say much the same; ${who} is the most central of them ` +
      `(mean similarity ${meanTo(index, largest).toFixed(2)}).`;
  }
  return { index, groupSize: largest.length, groups, finalAnswer, reason };
}

function groupByFinalAnswer(finals: readonly (string | null)[]): number[][] {
  const groups = new Map<string, number[]>();
  const singles: number[][] = [];
  finals.forEach((f, i) => {
    if (f === null) {
      singles.push([i]);
      return;
    }
    const key = normaliseFinalAnswer(f);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values(), ...singles];
}

/** Average-linkage agglomerative clustering, merging while the closest pair is ≥ threshold. */
function groupByMeaning(
  n: number,
  sim: (i: number, j: number) => number,
  threshold: number,
): number[][] {
  const clusters: number[][] = [...Array(n).keys()].map((i) => [i]);
  const linkage = (a: number[], b: number[]) => {
    let s = 0;
    for (const i of a) for (const j of b) s += sim(i, j);
    return s / (a.length * b.length);
  };
  for (;;) {
    let best = -Infinity;
    let pair: [number, number] | null = null;
    for (let x = 0; x < clusters.length; x++) {
      for (let y = x + 1; y < clusters.length; y++) {
        const l = linkage(clusters[x]!, clusters[y]!);
        if (l > best) {
          best = l;
          pair = [x, y];
        }
      }
    }
    if (!pair || best < threshold) break;
    const [x, y] = pair;
    clusters[x] = [...clusters[x]!, ...clusters[y]!].sort((a, b) => a - b);
    clusters.splice(y, 1);
  }
  return clusters;
}
