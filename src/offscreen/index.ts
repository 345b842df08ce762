/**
 * Chrome's offscreen document: hosts the embedding model for the background, which cannot run
 * the wasm runtime for long in a service worker. Answers only the background.
 */
import { listen } from '../shared/messaging.ts';
import { createExtensionEmbedder } from '../embedding/extension-embedder.ts';

const embedder = createExtensionEmbedder();

listen(['off/ping', 'off/embed'], ['extension'], {
  'off/ping': () => ({ ready: true as const }),
  'off/embed': async ({ texts }) => {
    const vectors = await embedder.embed(texts);
    return { vectors: vectors.map((v) => Array.from(v)), modelId: embedder.id };
  },
});
