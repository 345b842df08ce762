/**
 * Page script for embedding-wasm.test.ts: exposes the extension's embedder (transformers.js on
 * onnxruntime-web's wasm backend) to the test, configured the way the extension configures it.
 */
import { createTransformersEmbedder } from '../../src/embedding/transformers-embedder.ts';

export interface WasmCheckInput {
  texts: string[];
  /** Same-length sentences for timing, at least 32 + 16. */
  timingTexts: string[];
  wasmMjs: string;
  wasmBinary: string;
}

export interface WasmCheckOutput {
  vectors: number[][];
  loadMs: number;
  batch1Ms: number;
  batch32Ms: number;
}

async function runEmbeddingCheck(input: WasmCheckInput): Promise<WasmCheckOutput> {
  const started = performance.now();
  const embedder = createTransformersEmbedder({
    modelId: 'use-lite',
    dimensions: 512,
    cacheSize: 0,
    environment: {
      // A path, not an http URL: transformers.js 4.3.2 only checks that local files exist (and so
      // only loads the tokenizer) for non-http paths. Extension URLs are not http either.
      localModelPath: '/models/',
      allowRemoteModels: false,
      wasmPaths: { mjs: input.wasmMjs, wasm: input.wasmBinary },
      numThreads: 1,
    },
  });
  await embedder.load();
  const loadMs = performance.now() - started;
  const vectors = await embedder.embed(input.texts);

  const singles = input.timingTexts.slice(0, 16);
  let t = performance.now();
  for (const text of singles) await embedder.embed([text]);
  const batch1Ms = (performance.now() - t) / singles.length;
  const batch = input.timingTexts.slice(16, 48);
  t = performance.now();
  await embedder.embed(batch);
  const batch32Ms = (performance.now() - t) / batch.length;
  await embedder.dispose();
  return { vectors: vectors.map((v) => Array.from(v)), loadMs, batch1Ms, batch32Ms };
}

(globalThis as { runEmbeddingCheck?: typeof runEmbeddingCheck }).runEmbeddingCheck =
  runEmbeddingCheck;
