/**
 * A small deterministic Embedder for logic tests: a hashed bag of lower-cased words, so two
 * sentences are as similar as the words they share. Not a model — quality figures come from the
 * real one in the benchmarks.
 */
import type { Embedder } from '../../src/core/embedder.ts';

const DIMENSIONS = 256;

function hash(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function bagOfWordsEmbedder(): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'test-bag-of-words',
    dimensions: DIMENSIONS,
    calls,
    embed(texts) {
      calls.push([...texts]);
      return Promise.resolve(
        texts.map((text) => {
          const v = new Float32Array(DIMENSIONS);
          for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
            const h = hash(w);
            v[h % DIMENSIONS]! += h & 1 ? 1 : -1;
          }
          const norm = Math.hypot(...v) || 1;
          return v.map((x) => x / norm);
        }),
      );
    },
  };
}
