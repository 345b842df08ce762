/**
 * Firefox's background event page. Firefox has no offscreen API, and an event page is a full
 * document, so the embedding model runs from here — the bundled one in a pool of workers (one
 * wasm thread each, and the page stays free to answer messages), or the downloaded one the
 * settings name.
 */
import { startBackground } from './main.ts';
import { currentModelRequest, modelRequestFor } from './model-download.ts';
import { ModelSwitcher } from '../embedding/model-switcher.ts';

const models = new ModelSwitcher({ bundledInWorkers: true });
startBackground({
  embedder: models.following(currentModelRequest),
  embedderFor: (settings) => models.following(modelRequestFor(settings)),
  models,
});
