/**
 * Batching, caching, serialisation, abort and input checks of the transformers.js embedder, on the
 * real bundled model (loading it takes well under a second).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BundledModelMissingError,
  createNodeEmbedder,
  DEFAULT_MODELS_DIR,
} from '../../src/embedding/node-embedder.ts';
import { createTransformersEmbedder } from '../../src/embedding/transformers-embedder.ts';

const TEXTS = [
  'The cat sat on the mat.',
  'Paris is the capital of France.',
  'Water boils at 100 degrees Celsius.',
  'The Eiffel Tower was completed in 1889.',
  'Stock prices fell sharply today.',
  'Marie Curie won two Nobel Prizes.',
  'Photosynthesis happens in chloroplasts.',
  'Neil Armstrong walked on the Moon in 1969.',
  'Knead the dough for ten minutes.',
  'The answer is 42.',
];

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

describe('transformers embedder', () => {
  it('embeds in chunks of batchSize and returns vectors in input order', async () => {
    const batched = createNodeEmbedder({ batchSize: 4 });
    const vectors = await batched.embed(TEXTS);
    expect(batched.stats.modelCalls).toBe(3);
    expect(vectors).toHaveLength(TEXTS.length);
    const single = createNodeEmbedder({ batchSize: 1 });
    for (const [i, text] of TEXTS.entries()) {
      const [alone] = await single.embed([text]);
      // Padding inside a batch must not change a text's vector.
      expect(cosine(vectors[i]!, alone!)).toBeGreaterThan(0.99999);
    }
    expect(single.stats.modelCalls).toBe(TEXTS.length);
    await Promise.all([batched.dispose(), single.dispose()]);
  });

  it('embeds repeated texts once and serves later calls from the cache', async () => {
    const embedder = createNodeEmbedder();
    const first = await embedder.embed(['a b c', 'd e f', 'a b c']);
    expect(embedder.stats.textsEmbedded).toBe(2);
    expect(Array.from(first[0]!)).toEqual(Array.from(first[2]!));
    const again = await embedder.embed(['d e f', 'a b c']);
    expect(embedder.stats.modelCalls).toBe(1);
    expect(embedder.stats.cacheHits).toBe(2);
    expect(Array.from(again[1]!)).toEqual(Array.from(first[0]!));
    await embedder.dispose();
  });

  it('forgets the least recently used texts beyond cacheSize', async () => {
    const embedder = createNodeEmbedder({ cacheSize: 2 });
    await embedder.embed(['one', 'two', 'three']);
    await embedder.embed(['three']);
    expect(embedder.stats.textsEmbedded).toBe(3);
    await embedder.embed(['one']);
    expect(embedder.stats.textsEmbedded).toBe(4);
    await embedder.dispose();
  });

  it('hands out copies, so changing a result cannot corrupt the cache', async () => {
    const embedder = createNodeEmbedder();
    const [v] = await embedder.embed(['mutable']);
    const original = Array.from(v!);
    v!.fill(0);
    const [again] = await embedder.embed(['mutable']);
    expect(Array.from(again!)).toEqual(original);
    await embedder.dispose();
  });

  it('runs calls one at a time, in the order they were made', async () => {
    const embedder = createNodeEmbedder({ batchSize: 2 });
    await embedder.load();
    const finished: string[] = [];
    const long = embedder.embed(TEXTS).then(() => finished.push('long'));
    const short = embedder.embed(['short']).then(() => finished.push('short'));
    await Promise.all([long, short]);
    expect(finished).toEqual(['long', 'short']);
    await embedder.dispose();
  });

  it('gives unit vectors for empty and whitespace-only texts, also inside a batch', async () => {
    const embedder = createNodeEmbedder();
    const vectors = await embedder.embed(['', ' ', 'text', '']);
    for (const v of vectors) {
      expect(v.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expect(cosine(vectors[0]!, vectors[2]!)).toBeLessThan(0.999);
    await embedder.dispose();
  });

  it('stops between chunks when the signal aborts', async () => {
    const embedder = createNodeEmbedder({ batchSize: 2 });
    await expect(embedder.embed(['x'], { aborted: true })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(embedder.stats.modelCalls).toBe(0);
    const abortAfterFirstChunk = {
      get aborted() {
        return embedder.stats.modelCalls >= 1;
      },
    };
    await expect(embedder.embed(TEXTS, abortAfterFirstChunk)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(embedder.stats.modelCalls).toBe(1);
    // The chunk that finished (chunks go shortest text first) is cached; the embedder keeps working.
    await embedder.embed([...TEXTS].sort((a, b) => a.length - b.length).slice(0, 2));
    expect(embedder.stats.modelCalls).toBe(1);
    await embedder.dispose();
  });

  it('rejects non-string input with a clear error', async () => {
    const embedder = createNodeEmbedder();
    await expect(embedder.embed('one text' as unknown as string[])).rejects.toThrow(
      /expects an array of strings, got string/,
    );
    await expect(embedder.embed([42 as unknown as string])).rejects.toThrow(
      /expects strings; item 0 is number/,
    );
    expect(() => createNodeEmbedder({ batchSize: 0 })).toThrow(
      /batchSize must be a positive integer/,
    );
  });

  it('tells to run build:model when the bundled model is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'crosscheck-no-model-'));
    expect(() => createNodeEmbedder({ modelsDir: empty })).toThrow(BundledModelMissingError);
    expect(() => createNodeEmbedder({ modelsDir: empty })).toThrow(/npm run build:model/);
  });

  it('prepends textPrefix (as E5 models expect) to what the model sees, not to cache keys', async () => {
    const prefixed = createTransformersEmbedder({
      modelId: 'use-lite',
      dimensions: 512,
      textPrefix: 'query: ',
      environment: { localModelPath: DEFAULT_MODELS_DIR, allowRemoteModels: false },
    });
    const plain = createNodeEmbedder();
    const [withPrefix] = await prefixed.embed(['Paris is the capital of France.']);
    const [spelledOut, bare] = await plain.embed([
      'query: Paris is the capital of France.',
      'Paris is the capital of France.',
    ]);
    expect(cosine(withPrefix!, spelledOut!)).toBeGreaterThan(0.99999);
    expect(cosine(withPrefix!, bare!)).toBeLessThan(0.999);
    await Promise.all([prefixed.dispose(), plain.dispose()]);
  });

  it('identifies the model and revision', () => {
    const embedder = createNodeEmbedder();
    expect(embedder.id).toMatch(/^use-lite@/);
    expect(embedder.dimensions).toBe(512);
  });
});
