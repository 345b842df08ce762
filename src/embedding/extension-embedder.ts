/**
 * The Embedder for extension pages (Chrome's offscreen document, Firefox's background page).
 * Provisional until the bundled model lands: it fails with a clear message.
 */
import type { Embedder } from './embedder.ts';

export function createExtensionEmbedder(): Embedder {
  return {
    id: 'none',
    dimensions: 512,
    embed() {
      return Promise.reject(new Error('The embedding model is not bundled in this build.'));
    },
  };
}
