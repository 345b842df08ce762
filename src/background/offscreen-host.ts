/**
 * Chrome only: creates the offscreen document when work needs it and closes it after a quiet
 * minute, so the model's memory is given back. Exposes it to the background as an Embedder.
 */
import type { Embedder } from '../embedding/embedder.ts';
import { sendToOffscreen } from '../shared/messaging.ts';

const OFFSCREEN_PATH = 'src/offscreen/index.html';
const IDLE_CLOSE_MS = 60_000;

let creating: Promise<void> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

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
  if (await hasOffscreenDocument()) return;
  // Two callers at once must not both create it: Chrome allows one offscreen document.
  creating ??= chrome.offscreen
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
  idleTimer = setTimeout(() => {
    void hasOffscreenDocument().then((open) =>
      open ? chrome.offscreen.closeDocument() : undefined,
    );
  }, IDLE_CLOSE_MS);
}

export function createOffscreenEmbedder(): Embedder {
  let id = 'offscreen';
  return {
    get id() {
      return id;
    },
    dimensions: 512,
    async embed(texts) {
      if (texts.length === 0) return [];
      await ensureOffscreenDocument();
      try {
        const { vectors, modelId } = await sendToOffscreen('off/embed', { texts: [...texts] });
        id = modelId;
        return vectors.map((v) => Float32Array.from(v));
      } finally {
        closeWhenIdle();
      }
    },
  };
}
