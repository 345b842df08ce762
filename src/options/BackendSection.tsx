/**
 * Choosing the backend that answers again: a preset (those that need no key first, each listed
 * once), its address, model and key, the sampling settings tucked under "Advanced", Save (which
 * asks for permission to reach that address at that moment) and Test connection (run by the
 * background, which is where requests and keys live). Until a choice is saved the form says so,
 * and leaving with unsaved changes asks first.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '../shared/messaging.ts';
import { errorMessage } from '../shared/messages.ts';
import { updateSettings } from '../shared/settings-store.ts';
import {
  OLLAMA_ORIGINS_SETTING,
  PRESETS,
  originPatternFor,
  presetById,
  settingsFromPreset,
} from '../sampling/presets.ts';
import { TIMEOUT_SETTING_LABEL } from '../sampling/errors.ts';
import type { BackendSettings, ConnectionResult } from '../shared/backend.ts';
import { builtinUnavailableReason } from '../sampling/backends/chrome-builtin.ts';

export const CUSTOM_PRESET = 'custom';
/** An hour, the most the stored settings accept (settings-schema.ts). */
const MAX_TIMEOUT_SECONDS = 3600;

/** Settings for a choice in the preset list; "custom" is an OpenAI-compatible server of your own. */
export function backendForPreset(id: string): BackendSettings {
  if (id === CUSTOM_PRESET) {
    return settingsFromPreset('openai', { presetId: CUSTOM_PRESET, baseUrl: '', model: '' });
  }
  return settingsFromPreset(id);
}

type Notice = { kind: 'ok' | 'error' | 'info'; text: string; detail?: string } | null;

/** Whether the form differs from what is stored (a key typed but not saved counts). */
export function isDirty(draft: BackendSettings, saved: BackendSettings | null): boolean {
  return saved === null || JSON.stringify(draft) !== JSON.stringify(saved);
}

/** Zero-key choices lead: the browser's own model, then servers on this computer, then cloud. */
const IN_BROWSER = PRESETS.filter((p) => p.kind === 'chrome-builtin');
const ON_COMPUTER = PRESETS.filter((p) => p.local && p.kind !== 'chrome-builtin');
const CLOUD = PRESETS.filter((p) => !p.local);

export function BackendSection(props: { saved: BackendSettings | null }) {
  const [draft, setDraft] = useState<BackendSettings>(props.saved ?? backendForPreset('ollama'));
  const [showKey, setShowKey] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  // When storage changes elsewhere (another options tab), follow it unless mid-edit.
  useEffect(() => {
    if (props.saved && !busy) setDraft(props.saved);
  }, [props.saved]);

  // Nothing saved yet: start from the browser's own model where it has one (no key, no server).
  useEffect(() => {
    if (props.saved) return;
    void builtinUnavailableReason().then(
      (reason) => {
        if (reason === null)
          setDraft((d) => (d.presetId === 'ollama' ? backendForPreset('chrome-builtin') : d));
      },
      () => undefined,
    );
  }, []);

  const dirty = isDirty(draft, props.saved);
  // Leaving with unsaved changes asks first (the browser words the question).
  useEffect(() => {
    if (!dirty || props.saved === null) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, props.saved]);

  const preset = presetById(draft.presetId);
  const builtin = draft.kind === 'chrome-builtin';
  const needsKey = preset?.needsKey ?? false;
  const set = (patch: Partial<BackendSettings>) => setDraft({ ...draft, ...patch });

  async function save(): Promise<void> {
    setNotice(null);
    // permissions.request must run inside the click that asked for it, before any other await.
    let granted = true;
    if (!builtin) {
      let origin: string;
      try {
        origin = originPatternFor(draft.baseUrl);
      } catch {
        setNotice({ kind: 'error', text: `“${draft.baseUrl}” is not a valid address.` });
        return;
      }
      granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
    }
    setBusy(true);
    try {
      await updateSettings({ backend: draft });
      setNotice(
        granted
          ? { kind: 'ok', text: 'Saved.' }
          : {
              kind: 'error',
              text: 'Saved, but without permission to reach this address Crosscheck cannot ask it for answers. Save again and allow access.',
            },
      );
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  async function test(): Promise<void> {
    setBusy(true);
    setNotice({ kind: 'info', text: 'Testing…' });
    try {
      const result: ConnectionResult = await sendToBackground('ui/test-connection', {
        backend: draft,
      });
      setNotice(
        result.ok
          ? {
              kind: 'ok',
              text: `Connected: ${result.model} answered in ${result.latencyMs} ms.`,
            }
          : {
              kind: 'error',
              text: result.error.message,
              ...(result.error.detail ? { detail: result.error.detail } : {}),
            },
      );
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="backend-heading">
      <h2 id="backend-heading">Backend</h2>
      <p class="muted">
        Crosscheck sends the conversation you are reading to this backend to get extra answers.
      </p>
      <form
        class="grid"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label for="preset">Service</label>
        <select
          id="preset"
          value={draft.presetId}
          onChange={(event) => {
            setNotice(null);
            setDraft({ ...backendForPreset(event.currentTarget.value), apiKey: '' });
          }}
        >
          <optgroup label="In the browser (no key)">
            {IN_BROWSER.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="On this computer (no key)">
            {ON_COMPUTER.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value={CUSTOM_PRESET}>Other OpenAI-compatible server</option>
          </optgroup>
          <optgroup label="Cloud (API key)">
            {CLOUD.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </optgroup>
        </select>

        {!builtin && (
          <>
            <label for="base-url">Address (base URL)</label>
            <div>
              <input
                id="base-url"
                type="url"
                required
                placeholder="https://…/v1"
                aria-describedby="base-url-hint"
                value={draft.baseUrl}
                onInput={(event) => set({ baseUrl: event.currentTarget.value.trim() })}
              />
              <p id="base-url-hint" class="small muted hint">
                The API’s base URL; for OpenAI-compatible servers it usually ends in /v1.
              </p>
            </div>
            <label for="model">Model</label>
            <input
              id="model"
              required
              value={draft.model}
              onInput={(event) => set({ model: event.currentTarget.value.trim() })}
            />
            <label for="api-key">API key{needsKey ? '' : ' (optional)'}</label>
            <div class="row">
              <input
                id="api-key"
                type={showKey ? 'text' : 'password'}
                autocomplete="off"
                spellcheck={false}
                required={needsKey}
                value={draft.apiKey}
                onInput={(event) => set({ apiKey: event.currentTarget.value.trim() })}
              />
              <button type="button" class="button" onClick={() => setShowKey(!showKey)}>
                {showKey ? 'Hide' : 'Show'}
              </button>
            </div>
          </>
        )}

        <details class="advanced">
          <summary>Advanced: temperature, answer length, requests at once, time limit</summary>
          <div class="grid">
            <label for="temperature">Temperature</label>
            <input
              id="temperature"
              type="number"
              min="0"
              max="2"
              step="0.1"
              value={draft.temperature}
              onInput={(event) => set({ temperature: Number(event.currentTarget.value) })}
            />
            <label for="max-tokens">Longest answer (tokens)</label>
            <input
              id="max-tokens"
              type="number"
              min="16"
              max="32000"
              value={draft.maxTokens}
              onInput={(event) => set({ maxTokens: Math.round(Number(event.currentTarget.value)) })}
            />
            <label for="concurrency">Requests at once</label>
            <input
              id="concurrency"
              type="number"
              min="1"
              max="16"
              value={draft.concurrency}
              onInput={(event) =>
                set({ concurrency: Math.round(Number(event.currentTarget.value)) })
              }
            />
            <label for="timeout">{TIMEOUT_SETTING_LABEL}</label>
            <input
              id="timeout"
              type="number"
              min="1"
              max={MAX_TIMEOUT_SECONDS}
              step="1"
              required
              value={Math.round(draft.timeoutMs / 1000)}
              onInput={(event) => {
                const seconds = Math.round(Number(event.currentTarget.value));
                if (seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS)
                  set({ timeoutMs: seconds * 1000 });
              }}
            />
          </div>
        </details>

        <p class="save-state small" data-testid="save-state" data-dirty={dirty}>
          {props.saved === null
            ? 'Not saved yet: Crosscheck asks no backend until you press Save.'
            : dirty
              ? 'Unsaved changes.'
              : 'No unsaved changes.'}
        </p>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            Save
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => void test()}>
            Test connection
          </button>
        </div>
      </form>
      {notice && (
        <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.detail && <p class="small muted">Server said: {notice.detail}</p>}
        </div>
      )}
      {draft.presetId === 'ollama' && (
        <p class="small muted">
          Ollama only answers browser extensions it trusts: start it with{' '}
          <code>{OLLAMA_ORIGINS_SETTING}</code>.
        </p>
      )}
      {preset?.keyUrl && (
        <p class="small muted">
          Get a key at{' '}
          <a href={preset.keyUrl} target="_blank" rel="noreferrer">
            {new URL(preset.keyUrl).host}
          </a>
          . It is kept in this browser’s extension storage only and sent only to {preset.label}.
        </p>
      )}
    </section>
  );
}
