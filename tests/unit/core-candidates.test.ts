import { describe, expect, it } from 'vitest';
import {
  MAX_CANDIDATES,
  similarityRows,
  type ComparableText,
  type SimilarityRow,
} from '../../src/core/candidates.ts';
import { prepareText } from '../../src/core/prepare.ts';
import { cosine } from '../../src/core/vectors.ts';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';
import { cityFacts, shuffled } from './core-long-texts.ts';

const model = createNodeEmbedder();

/** The best cosine in a row, and the best over every sentence of `to` (as float32, like rows). */
const bestIn = (row: SimilarityRow) => Math.max(...row.cosines);
const bestOfAll = (vector: Float32Array, to: ComparableText) =>
  Math.max(...to.vectors.map((v) => Math.fround(cosine(vector, v))));

/** The same text without its words, so only position and meaning can guide the candidates. */
const withoutWords = (text: ComparableText): ComparableText => ({
  vectors: text.vectors,
  sentences: text.sentences.map(() => ({ norms: new Set<string>() })),
});

describe('similarity rows', () => {
  it('compares every pair, exactly, when the other text has at most 32 sentences', async () => {
    const embedder = bagOfWordsEmbedder();
    const from = await prepareText(cityFacts(0).slice(0, 40).join(' '), embedder);
    const to = await prepareText(cityFacts(3).slice(0, MAX_CANDIDATES).join(' '), embedder);
    expect(to.sentences).toHaveLength(MAX_CANDIDATES);
    const rows = similarityRows(from, to);
    expect(rows).toHaveLength(40);
    rows.forEach((row, i) => {
      expect([...row.cols]).toEqual([...Array(MAX_CANDIDATES).keys()]);
      row.cols.forEach((j, k) => {
        expect(row.cosines[k]).toBe(Math.fround(cosine(from.vectors[i]!, to.vectors[j]!)));
      });
    });
  });

  it('compares a sentence with at most 32 sentences of a longer text, in ascending order', async () => {
    const embedder = bagOfWordsEmbedder();
    const from = await prepareText(cityFacts(0).slice(0, 10).join(' '), embedder);
    const to = await prepareText(
      cityFacts(3)
        .slice(0, MAX_CANDIDATES + 1)
        .join(' '),
      embedder,
    );
    for (const row of similarityRows(from, to)) {
      expect(row.cols.length).toBeGreaterThan(0);
      expect(row.cols.length).toBeLessThanOrEqual(MAX_CANDIDATES);
      expect([...row.cols]).toEqual([...row.cols].sort((a, b) => a - b));
      expect(new Set(row.cols).size).toBe(row.cols.length);
    }
  });

  it('finds the true best match of every sentence in a long, reordered sample (real model)', async () => {
    const answer = await prepareText(cityFacts(0).join(' '), model);
    const sample = await prepareText(shuffled(cityFacts(5)).join(' '), model);
    expect(sample.sentences.length).toBe(120);
    const rows = similarityRows(answer, sample);
    rows.forEach((row, i) => {
      expect(row.cols.length).toBeLessThanOrEqual(MAX_CANDIDATES);
      expect(bestIn(row)).toBe(bestOfAll(answer.vectors[i]!, sample));
    });
  });

  it('finds the best matches by meaning alone when no words are shared (real model)', async () => {
    const answer = await prepareText(cityFacts(0).join(' '), model);
    const sample = await prepareText(shuffled(cityFacts(5), 11).join(' '), model);
    const from = withoutWords(answer);
    const to = withoutWords(sample);
    const rows = similarityRows(from, to);
    const found = rows.filter((row, i) => bestIn(row) === bestOfAll(answer.vectors[i]!, to));
    // The hyperplane buckets alone, in a shuffled text where position says nothing.
    expect(found.length).toBeGreaterThanOrEqual(0.95 * rows.length);
  });
});
