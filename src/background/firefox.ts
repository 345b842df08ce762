/**
 * Firefox's background event page. Firefox has no offscreen API, and an event page is a full
 * document, so the embedding model runs right here — the bundled one, or the downloaded one the
 * settings name.
 */
import { startBackground } from './main.ts';
import { currentModelRequest, modelRequestFor } from './model-download.ts';
import { ModelSwitcher } from '../embedding/model-switcher.ts';

const models = new ModelSwitcher();
startBackground({
  embedder: models.following(currentModelRequest),
  embedderFor: (settings) => models.following(modelRequestFor(settings)),
  models,
});
