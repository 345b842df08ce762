/**
 * The background's side of the options page's "Download and use": checks the model and the host
 * permission, has the embedding host (offscreen document or this page) load the model while
 * progress goes to storage.session for the options page, and stores the model in settings only
 * once it produced a vector. Analysis then follows settings.embeddingModel (currentModelRequest).
 */
import browser from 'webextension-polyfill';
import { findModel, type ModelRequest } from '../shared/model-catalogue.ts';
import { hostLabel, hostPermissionsFor } from '../shared/model-host.ts';
import { modelHost } from '../shared/model-host-store.ts';
import type { LoadedModel } from '../embedding/model-switcher.ts';
import { errorMessage } from '../shared/messages.ts';
import { listen } from '../shared/messaging.ts';
import {
  applyProgress,
  describeDownloadError,
  MODEL_DOWNLOAD_KEY,
  thinProgress,
  type EmbeddingLoadProgress,
  type ModelDownloadState,
} from '../shared/model-download.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { loadSettings, updateSettings } from '../shared/settings-store.ts';
import { holdAlive } from './keep-alive.ts';

/** Where models are loaded: the offscreen document (Chrome) or the background page (Firefox). */
export interface ModelLoader {
  download(
    request: ModelRequest,
    onProgress: (event: EmbeddingLoadProgress) => void,
  ): Promise<LoadedModel>;
}

/** The model analysis should use now, and where it would be downloaded from. */
export async function currentModelRequest(): Promise<ModelRequest> {
  const [settings, remoteHost] = await Promise.all([loadSettings(), modelHost()]);
  return { id: settings.embeddingModel.id, remoteHost };
}

/** The model a run's settings snapshot names (RunServices.embedderFor pins a run to it). */
export function modelRequestFor(settings: Settings): () => Promise<ModelRequest> {
  return async () => ({ id: settings.embeddingModel.id, remoteHost: await modelHost() });
}

export function listenForModelDownloads(loader: ModelLoader, signal: AbortSignal): void {
  // A second click while a download runs joins it instead of starting another.
  const running = new Map<string, Promise<ModelDownloadState>>();
  // A download cut off by a stopped worker would otherwise show as running forever.
  void browser.storage.session.get(MODEL_DOWNLOAD_KEY).then((stored) => {
    const state = stored[MODEL_DOWNLOAD_KEY] as ModelDownloadState | undefined;
    if (state?.phase === 'downloading' && running.size === 0) {
      void write({
        phase: 'error',
        modelId: state.modelId,
        error: 'The download was interrupted. Press “Download and use” to try again.',
      });
    }
  });
  listen(
    ['ui/model-download'],
    ['extension'],
    {
      'ui/model-download': ({ modelId }) => {
        let run = running.get(modelId);
        if (!run) {
          run = downloadModel(loader, modelId).finally(() => running.delete(modelId));
          running.set(modelId, run);
        }
        return run;
      },
    },
    signal,
  );
}

async function write(state: ModelDownloadState): Promise<ModelDownloadState> {
  await browser.storage.session.set({ [MODEL_DOWNLOAD_KEY]: state });
  return state;
}

async function downloadModel(loader: ModelLoader, modelId: string): Promise<ModelDownloadState> {
  const model = findModel(modelId, __TEST_HOOKS__);
  if (model?.source !== 'remote') {
    return write({
      phase: 'error',
      modelId,
      error: `“${modelId}” is not a model Crosscheck can download.`,
    });
  }
  const host = await modelHost();
  if (!(await browser.permissions.contains({ origins: hostPermissionsFor(host) }))) {
    return write({
      phase: 'error',
      modelId,
      error: `Crosscheck may not download from ${hostLabel(host)} yet: press “Download and use” again and allow access.`,
    });
  }

  let state: Extract<ModelDownloadState, { phase: 'downloading' }> = {
    phase: 'downloading',
    modelId,
    file: null,
    progress: 0,
  };
  await write(state);
  // Progress writes are chained, so a late one cannot land after (and hide) the final state.
  let writes: Promise<unknown> = Promise.resolve();
  const onProgress = thinProgress((event) => {
    state = applyProgress(state, event);
    const snapshot = state;
    writes = writes.then(() => write(snapshot)).catch(() => undefined);
  });
  // Chrome stops an idle service worker after 30 s even while it awaits the offscreen document.
  const release = holdAlive();
  try {
    const loaded = await loader.download({ id: modelId, remoteHost: host }, onProgress);
    await writes;
    await updateSettings({ embeddingModel: { id: modelId } });
    return await write({ phase: 'ready', modelId, ...loaded });
  } catch (error) {
    await writes;
    const described = describeDownloadError(model.label, hostLabel(host), errorMessage(error));
    return write({ phase: 'error', modelId, ...described });
  } finally {
    release();
  }
}
