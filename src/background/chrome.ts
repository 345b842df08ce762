/**
 * Chrome's background service worker. The embedding model runs in an offscreen document
 * (created on demand, closed when idle) because service workers cannot host the wasm runtime's
 * long-lived work reliably.
 */
import { startBackground } from './main.ts';
import { currentModelRequest, modelRequestFor } from './model-download.ts';
import {
  createOffscreenEmbedder,
  createOffscreenModelLoader,
  holdOffscreenDocument,
} from './offscreen-host.ts';
import { restrictStorageToTrustedContexts } from './storage-access.ts';

void restrictStorageToTrustedContexts();
startBackground({
  embedder: createOffscreenEmbedder(currentModelRequest),
  embedderFor: (settings) => createOffscreenEmbedder(modelRequestFor(settings)),
  holdEmbedder: holdOffscreenDocument,
  models: createOffscreenModelLoader(),
});
