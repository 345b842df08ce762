/**
 * How an extension context runs the bundled model: from the extension's own files (found under
 * `root`, the extension's base URL), with remote models off, so nothing is fetched from the hub
 * or a CDN. Shared by extension pages (which get `root` from the runtime API) and the embedding
 * workers (which have no extension APIs and use their own origin).
 */
import { BUNDLED_MODEL, MODELS_FOLDER } from '../shared/bundled-model.ts';
import type { TransformersEmbedderOptions } from './transformers-embedder.ts';

/** The plain SIMD build, packaged by scripts/build.ts (half the size of the JSEP build). */
export function packagedWasm(root: string): { mjs: string; wasm: string } {
  return {
    mjs: `${root}ort/ort-wasm-simd-threaded.mjs`,
    wasm: `${root}ort/ort-wasm-simd-threaded.wasm`,
  };
}

export function bundledEmbedderOptions(root: string): TransformersEmbedderOptions {
  return {
    modelId: BUNDLED_MODEL.modelId,
    revision: BUNDLED_MODEL.revision,
    dimensions: BUNDLED_MODEL.dimensions,
    environment: {
      localModelPath: `${root}${MODELS_FOLDER}`,
      allowRemoteModels: false,
      wasmPaths: packagedWasm(root),
      numThreads: 1,
    },
  };
}
