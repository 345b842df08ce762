/**
 * The Embedder for extension pages — Chrome's offscreen document and Firefox's background page:
 * the bundled model and the onnxruntime wasm files are loaded from the extension's own files,
 * with remote models off, so nothing is fetched from the hub or a CDN.
 */
import browser from 'webextension-polyfill';
import { BUNDLED_MODEL, MODELS_FOLDER } from './bundled-model.ts';
import { createTransformersEmbedder, type TransformersEmbedder } from './transformers-embedder.ts';

export function createExtensionEmbedder(): TransformersEmbedder {
  return createTransformersEmbedder({
    modelId: BUNDLED_MODEL.modelId,
    revision: BUNDLED_MODEL.revision,
    dimensions: BUNDLED_MODEL.dimensions,
    environment: {
      localModelPath: browser.runtime.getURL(MODELS_FOLDER),
      allowRemoteModels: false,
      // The plain SIMD build, packaged by scripts/build.ts (half the size of the JSEP build).
      wasmPaths: {
        mjs: browser.runtime.getURL('ort/ort-wasm-simd-threaded.mjs'),
        wasm: browser.runtime.getURL('ort/ort-wasm-simd-threaded.wasm'),
      },
      numThreads: 1,
    },
  });
}
