/**
 * Chrome only: creates the offscreen document when work needs it and closes it once nothing has
 * used it for a few seconds — runs hold it open between samples — so the model's memory is given
 * back. Exposes it to the background as an Embedder that
 * uses the model the settings name, and as the ModelLoader behind the options page's downloads.
 */
import type { Embedder } from '../core/embedder.ts';
import type { ModelRequest } from '../shared/model-catalogue.ts';
import type { EmbeddingLoadProgress } from '../shared/model-download.ts';
import { listen, sendToOffscreen } from '../shared/messaging.ts';
import type { ModelLoader } from './model-download.ts';

const OFFSCREEN_PATH = 'src/offscreen/index.html';
/** After the last run (or download) lets go of it. */
const IDLE_CLOSE_MS = 10_000;

let creating: Promise<void> | null = null;
let closing: Promise<void> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Calls in flight; the document is not closed under a running download or embedding. */
let busy = 0;

async function hasOffscreenDocument(): Promise<boolean> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

export async function ensureOffscreenDocument(): Promise<void> {
  clearTimeout(idleTimer);
  // A close already decided must finish before the document is looked for, or the lookup may
  // find the one about to go.
  if (closing) await closing;
  // Chrome lists a document being created before its script listens: a second caller that saw it
  // listed would send into nothing ("Receiving end does not exist"), so it waits for the creation.
  if (creating) return creating;
  const open = await hasOffscreenDocument();
  if (creating) return creating;
  if (open) return;
  // Two callers at once must not both create it: Chrome allows one offscreen document.
  creating = chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.WORKERS],
      justification: 'Runs the bundled sentence-embedding model (WebAssembly) to compare answers.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

function closeWhenIdle(): void {
  clearTimeout(idleTimer);
  if (busy > 0) return;
  idleTimer = setTimeout(() => {
    closing = (async () => {
      const open = await hasOffscreenDocument();
      // Work may have started while the lookup ran: then the document stays.
      if (open && busy === 0 && !creating) await chrome.offscreen.closeDocument();
    })()
      .catch(() => undefined)
      .finally(() => {
        closing = null;
      });
  }, IDLE_CLOSE_MS);
}

/** Keeps the document open (a run is waiting for samples to embed) until the release is called. */
export function holdOffscreenDocument(): () => void {
  busy++;
  clearTimeout(idleTimer);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    busy--;
    closeWhenIdle();
  };
}

/** `currentModel` names the model to use before each call (the bundled one when omitted). */
export function createOffscreenEmbedder(currentModel?: () => Promise<ModelRequest>): Embedder {
  let id = 'offscreen';
  let dimensions = 512;
  return {
    get id() {
      return id;
    },
    get dimensions() {
      return dimensions;
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      const model = await currentModel?.();
      busy++;
      try {
        await ensureOffscreenDocument();
        const { vectors, modelId } = await sendToOffscreen('off/embed', {
          texts: [...texts],
          ...(model ? { model } : {}),
        });
        id = modelId;
        dimensions = vectors[0]?.length ?? dimensions;
        return vectors.map((v) => Float32Array.from(v));
      } finally {
        busy--;
        closeWhenIdle();
      }
    },
  };
}

/** Downloads in the offscreen document, which reports progress back by message. */
export function createOffscreenModelLoader(signal?: AbortSignal): ModelLoader {
  const watchers = new Map<string, (event: EmbeddingLoadProgress) => void>();
  listen(
    ['off/model-progress'],
    ['extension'],
    {
      'off/model-progress': ({ modelId, event }) => {
        watchers.get(modelId)?.(event);
        return null;
      },
    },
    signal,
  );
  return {
    async download(model, onProgress) {
      watchers.set(model.id, onProgress);
      busy++;
      try {
        await ensureOffscreenDocument();
        return await sendToOffscreen('off/load-model', { model });
      } finally {
        watchers.delete(model.id);
        busy--;
        closeWhenIdle();
      }
    },
  };
}
