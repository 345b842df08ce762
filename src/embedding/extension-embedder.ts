/**
 * The Embedder for extension pages — Chrome's offscreen document and Firefox's background page.
 * The bundled model and the onnxruntime wasm files are loaded from the extension's own files,
 * with remote models off, so nothing is fetched from the hub or a CDN. A remote model from the
 * catalogue (chosen in the options page) is fetched from the hub once and kept in the browser's
 * Cache API; `createEmbedderFor` is the one place that makes this choice.
 */
import browser from 'webextension-polyfill';
import { BUNDLED_MODEL } from '../shared/bundled-model.ts';
import { findModel, type ModelRequest } from '../shared/model-catalogue.ts';
import type { EmbeddingLoadProgress } from '../shared/model-download.ts';
import { createTransformersEmbedder, type TransformersEmbedder } from './transformers-embedder.ts';
import { createWorkerPoolEmbedder, type EmbeddingWorker } from './worker-pool-embedder.ts';
import { bundledEmbedderOptions, packagedWasm } from './bundled-embedder-options.ts';
// The emitted worker's path, resolved against the extension's root below: Firefox's background
// bundle has no import.meta.url, so vite's usual `new URL(…, import.meta.url)` came out undefined.
import workerPath from './embedding-worker.ts?worker&url';

/** The extension's base URL, e.g. chrome-extension://<id>/. */
const extensionRoot = (): string => browser.runtime.getURL('/');

/**
 * Two workers where there are two cores (see worker-pool-embedder.ts): a check's samples are
 * embedded in about half the time. More would only compete with the page and the browser.
 */
const MAX_WORKERS = 2;

/**
 * The bundled model, in a pool of workers when `inWorkers` (Chrome's offscreen document and
 * Firefox's background page), else on the page's own thread.
 */
export function createExtensionEmbedder(inWorkers: boolean): TransformersEmbedder {
  if (!inWorkers || typeof Worker === 'undefined') return createInPageEmbedder();
  return createWorkerPoolEmbedder({
    id: `${BUNDLED_MODEL.modelId}@${BUNDLED_MODEL.revision}`,
    dimensions: BUNDLED_MODEL.dimensions,
    size: Math.max(1, Math.min(MAX_WORKERS, navigator.hardwareConcurrency || 1)),
    spawn: () =>
      new Worker(new URL(workerPath, extensionRoot()), { type: 'module' }) as EmbeddingWorker,
  });
}

/** The bundled model on the page's own thread. */
function createInPageEmbedder(): TransformersEmbedder {
  return createTransformersEmbedder(bundledEmbedderOptions(extensionRoot()));
}

/**
 * The embedder for a catalogue model: the bundled one offline, or a remote one from
 * `request.remoteHost` (the hub; a 127.0.0.1 server in tests) with the browser cache on.
 */
export function createEmbedderFor(
  request: ModelRequest,
  options: { onProgress?: (event: EmbeddingLoadProgress) => void; inWorkers?: boolean } = {},
): TransformersEmbedder {
  const { onProgress } = options;
  const model = findModel(request.id, __TEST_HOOKS__);
  if (!model) throw new Error(`Unknown embedding model "${request.id}"`);
  if (model.source === 'bundled') return createExtensionEmbedder(options.inWorkers ?? false);
  return createTransformersEmbedder({
    modelId: model.id,
    revision: 'main',
    dimensions: model.dimensions,
    dtype: model.dtype,
    ...(model.textPrefix ? { textPrefix: model.textPrefix } : {}),
    environment: {
      // No local folder: transformers.js would otherwise look for the repository among the
      // extension's files first.
      allowRemoteModels: true,
      remoteHost: request.remoteHost,
      useBrowserCache: true,
      wasmPaths: packagedWasm(extensionRoot()),
      numThreads: 1,
    },
    ...(onProgress ? { onProgress } : {}),
  });
}
