/**
 * Wraps an Embedder so each distinct text is embedded once per run: benchmark sets repeat many
 * sentences (the same original in many pairs, near-identical samples). With `cacheFile`, vectors
 * also persist between runs (a tuning aid; the file lives in the git-ignored .cache/).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Embedder } from '../../src/core/embedder.ts';

export interface MemoEmbedder extends Embedder {
  /** Time spent inside the wrapped embedder, in ms. */
  readonly inferenceMs: number;
  readonly embeddedTexts: number;
  save(): void;
}

export function memoEmbedder(inner: Embedder, cacheFile?: string): MemoEmbedder {
  const cache = new Map<string, Float32Array>();
  if (cacheFile && existsSync(cacheFile)) load(cacheFile, inner, cache);
  let inferenceMs = 0;
  let embeddedTexts = 0;
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    get inferenceMs() {
      return inferenceMs;
    },
    get embeddedTexts() {
      return embeddedTexts;
    },
    async embed(texts, signal) {
      const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
      if (missing.length > 0) {
        const t0 = performance.now();
        const vectors = await inner.embed(missing, signal);
        inferenceMs += performance.now() - t0;
        embeddedTexts += missing.length;
        missing.forEach((t, i) => cache.set(t, vectors[i]!));
      }
      return texts.map((t) => cache.get(t)!);
    },
    save() {
      if (!cacheFile) return;
      mkdirSync(dirname(cacheFile), { recursive: true });
      // Merge with what other runs saved meanwhile, so parallel runs do not drop each other's.
      if (existsSync(cacheFile)) {
        const saved = new Map<string, Float32Array>();
        load(cacheFile, inner, saved);
        for (const [k, v] of saved) if (!cache.has(k)) cache.set(k, v);
      }
      const keys = [...cache.keys()];
      const header = Buffer.from(
        JSON.stringify({ id: inner.id, dimensions: inner.dimensions, keys }),
      );
      const body = new Float32Array(keys.length * inner.dimensions);
      keys.forEach((k, i) => body.set(cache.get(k)!, i * inner.dimensions));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      writeFileSync(cacheFile, Buffer.concat([length, header, Buffer.from(body.buffer)]));
    },
  };
}

function load(file: string, inner: Embedder, cache: Map<string, Float32Array>): void {
  const buf = readFileSync(file);
  const headerLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as {
    id: string;
    dimensions: number;
    keys: string[];
  };
  if (header.id !== inner.id || header.dimensions !== inner.dimensions) return;
  const bodyStart = 4 + headerLength;
  const body = new Float32Array(
    buf.buffer.slice(buf.byteOffset + bodyStart, buf.byteOffset + buf.length),
  );
  header.keys.forEach((k, i) => {
    cache.set(k, body.slice(i * header.dimensions, (i + 1) * header.dimensions));
  });
}
