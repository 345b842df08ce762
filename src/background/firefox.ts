/**
 * Firefox's background event page. Firefox has no offscreen API, and an event page is a full
 * document, so the embedding model runs right here.
 */
import { startBackground } from './main.ts';
import { createExtensionEmbedder } from '../embedding/extension-embedder.ts';

startBackground({ embedder: createExtensionEmbedder() });
