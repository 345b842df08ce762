/**
 * Choosing the embedding model: the bundled one (offline, the default) or an optional larger one
 * from the catalogue, downloaded from the Hugging Face hub when the user asks. The background
 * does the download and writes its progress to storage.session (shared/model-download.ts); this
 * section shows it as a progress bar, then "Ready: …" or what went wrong, and the model is used
 * for analysis only once it worked.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  BUNDLED_MODEL_ID,
  findModel,
  selectableModels,
  type CatalogueModel,
} from '../shared/model-catalogue.ts';
import { HUB_HOST, hostLabel, hostPermissionsFor } from '../shared/model-host.ts';
import { modelHost } from '../shared/model-host-store.ts';
import { errorMessage } from '../shared/messages.ts';
import { sendToBackground } from '../shared/messaging.ts';
import { MODEL_DOWNLOAD_KEY, type ModelDownloadState } from '../shared/model-download.ts';
import type { EmbeddingModelChoice } from '../shared/settings-schema.ts';
import { updateSettings } from '../shared/settings-store.ts';
import { ChoiceCard } from './ChoiceCard.tsx';

type Notice = { kind: 'ok' | 'error'; text: string; detail?: string } | null;

function describeSize(model: CatalogueModel): string {
  if (model.source === 'bundled') return 'included, no download';
  return `about ${Math.round(model.downloadBytes / 1_000_000)} MB download`;
}

/** The download state in storage.session, kept current. */
function useDownloadState(): ModelDownloadState | null {
  const [state, setState] = useState<ModelDownloadState | null>(null);
  useEffect(() => {
    let live = true;
    void browser.storage.session.get(MODEL_DOWNLOAD_KEY).then((stored) => {
      if (live) setState((stored[MODEL_DOWNLOAD_KEY] as ModelDownloadState | undefined) ?? null);
    });
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      const change = changes[MODEL_DOWNLOAD_KEY];
      if (area === 'session' && change) {
        setState((change.newValue as ModelDownloadState | undefined) ?? null);
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}

export function ModelSection(props: { saved: EmbeddingModelChoice }) {
  const models = selectableModels(__TEST_HOOKS__);
  const [selected, setSelected] = useState(props.saved.id);
  const [host, setHost] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const stored = useDownloadState();
  // The answer of our own request wins over a storage write that may still be on its way.
  const [own, setOwn] = useState<ModelDownloadState | null>(null);

  useEffect(() => {
    void modelHost()
      .catch(() => HUB_HOST)
      .then(setHost);
  }, []);

  const model = findModel(selected, __TEST_HOOKS__) ?? models[0]!;
  const inUse = model.id === props.saved.id;
  const latest = !own
    ? stored
    : own.phase !== 'downloading'
      ? own
      : stored?.phase === 'downloading'
        ? stored
        : own;
  const download = latest?.modelId === model.id ? latest : null;
  const busy = download?.phase === 'downloading';

  function startDownload(): void {
    if (!host) return;
    setNotice(null);
    const modelId = model.id;
    // permissions.request must run inside the click that asked for it, before any await.
    const asked = browser.permissions.request({ origins: hostPermissionsFor(host) });
    void (async () => {
      const granted = await asked.catch(() => false);
      if (!granted) {
        setNotice({
          kind: 'error',
          text: `Crosscheck needs your permission to download from ${hostLabel(host)}.`,
        });
        return;
      }
      setOwn({ phase: 'downloading', modelId, file: null, progress: 0 });
      try {
        setOwn(await sendToBackground('ui/model-download', { modelId }));
      } catch (error) {
        setOwn({ phase: 'error', modelId, error: errorMessage(error) });
      }
    })();
  }

  async function useBundled(): Promise<void> {
    setNotice(null);
    try {
      await updateSettings({ embeddingModel: { id: BUNDLED_MODEL_ID } });
      setNotice({ kind: 'ok', text: 'Using the bundled model: nothing leaves your computer.' });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    }
  }

  return (
    <section aria-labelledby="model-heading">
      <h2 id="model-heading">Embedding model</h2>
      <p class="muted">
        Compares the answers sentence by sentence, in your browser. The bundled model works offline;
        a larger one is downloaded from {hostLabel(host ?? HUB_HOST)} once, when you ask, and kept
        by the browser.
      </p>
      <fieldset class="choices models">
        <legend class="visually-hidden">Model</legend>
        {models.map((m) => (
          <ChoiceCard
            key={m.id}
            name="embedding-model"
            value={m.id}
            checked={m.id === selected}
            onChoose={() => {
              setSelected(m.id);
              setNotice(null);
            }}
          >
            <strong>{m.label}</strong>
            {m.id === props.saved.id && <span class="badge">in use</span>}
            <span class="small muted block">
              {m.languages} · {describeSize(m)} · {m.dimensions} dimensions
            </span>
            <span class="small muted block">{m.description}</span>
          </ChoiceCard>
        ))}
      </fieldset>

      <div class="model-actions">
        {model.source === 'remote' ? (
          <button
            type="button"
            class="button primary"
            disabled={busy || host === null}
            onClick={startDownload}
          >
            {inUse ? 'Download again' : 'Download and use'}
          </button>
        ) : (
          <button
            type="button"
            class="button primary"
            disabled={inUse}
            onClick={() => void useBundled()}
          >
            {inUse ? 'In use' : 'Use the bundled model'}
          </button>
        )}
      </div>

      {download?.phase === 'downloading' && (
        <div class="download">
          <label for="model-progress" class="small">
            Downloading {model.label}
            {download.file ? `: ${download.file}` : '…'}
          </label>
          <div class="download-bar">
            <progress id="model-progress" max={100} value={download.progress}>
              {Math.round(download.progress)}%
            </progress>
            <span class="small" aria-hidden="true">
              {Math.round(download.progress)}%
            </span>
          </div>
        </div>
      )}
      {download?.phase === 'ready' && (
        <div class="notice ok" role="status">
          <p>
            {inUse
              ? `Ready: ${model.label}, ${download.dimensions} dimensions. Crosscheck uses it from now on.`
              : `${model.label} was downloaded before: “Download and use” switches back to it.`}
          </p>
        </div>
      )}
      {download?.phase === 'error' && (
        <div class="notice error" role="alert">
          <p>{download.error}</p>
          {download.detail && <p class="small">Details: {download.detail}</p>}
        </div>
      )}
      {notice && (
        <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
        </div>
      )}
    </section>
  );
}
