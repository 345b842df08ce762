/**
 * Chrome's offscreen document: hosts the embedding model for the background, which cannot run
 * the wasm runtime for long in a service worker (the bundled model runs in workers this document
 * starts, see worker-pool-embedder.ts). Answers only the background. The model is the
 * one each request names (settings.embeddingModel, resolved by the background, which can read
 * storage; this document cannot).
 */
import { listen, sendToBackground } from '../shared/messaging.ts';
import { BUNDLED_MODEL_ID } from '../shared/model-catalogue.ts';
import { ModelSwitcher } from '../embedding/model-switcher.ts';
import { thinProgress } from '../shared/model-download.ts';

const models = new ModelSwitcher({ bundledInWorkers: true });

listen(['off/embed', 'off/load-model'], ['extension'], {
  'off/embed': async ({ texts, model }) => {
    const embedder = models.embedderFor(model ?? { id: BUNDLED_MODEL_ID, remoteHost: '' });
    const vectors = await embedder.embed(texts);
    return { vectors: vectors.map((v) => Array.from(v)), modelId: embedder.id };
  },
  'off/load-model': ({ model }) =>
    models.download(
      model,
      thinProgress((event) => {
        void sendToBackground('off/model-progress', { modelId: model.id, event }).catch(() => {
          // The background restarted; the download goes on and its result still returns.
        });
      }),
    ),
});
