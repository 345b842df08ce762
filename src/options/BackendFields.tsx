/**
 * The fields of one backend: preset, address, model, key (hidden unless asked), and the sampling
 * settings under "Advanced". Used by the main backend and by each other voice; `idPrefix` keeps
 * the ids (and so the labels) of several forms on one page apart.
 */
import { useState } from 'preact/hooks';
import { OLLAMA_ORIGINS_SETTING, presetById } from '../shared/presets.ts';
import { TIMEOUT_SETTING_LABEL } from '../sampling/errors.ts';
import { BACKEND_KINDS, type BackendSettings } from '../shared/backend.ts';
import {
  CLOUD,
  CUSTOM_PRESET,
  IN_BROWSER,
  ON_COMPUTER,
  backendForPreset,
} from './backend-choice.ts';

/** An hour, the most the stored settings accept (settings-schema.ts). */
const MAX_TIMEOUT_SECONDS = 3600;

export function BackendFields(props: {
  draft: BackendSettings;
  onChange: (draft: BackendSettings) => void;
  /** Called when another preset is picked (the form starts afresh). */
  onPresetChange?: () => void;
  idPrefix?: string;
}) {
  const { draft } = props;
  const id = (name: string) => `${props.idPrefix ?? ''}${name}`;
  const [showKey, setShowKey] = useState(false);
  const needsKey = presetById(draft.presetId)?.needsKey ?? false;
  const set = (patch: Partial<BackendSettings>) => props.onChange({ ...draft, ...patch });

  return (
    <>
      <label for={id('preset')}>Service</label>
      <select
        id={id('preset')}
        value={draft.presetId}
        onChange={(event) => {
          props.onPresetChange?.();
          props.onChange({ ...backendForPreset(event.currentTarget.value), apiKey: '' });
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

      {BACKEND_KINDS[draft.kind].http && (
        <>
          <label for={id('base-url')}>Address (base URL)</label>
          <div>
            <input
              id={id('base-url')}
              type="url"
              required
              placeholder="https://…/v1"
              aria-describedby={id('base-url-hint')}
              value={draft.baseUrl}
              onInput={(event) => set({ baseUrl: event.currentTarget.value.trim() })}
            />
            <p id={id('base-url-hint')} class="small muted hint">
              The API’s base URL; for OpenAI-compatible servers it usually ends in /v1.
            </p>
          </div>
          <label for={id('model')}>Model</label>
          <input
            id={id('model')}
            required
            value={draft.model}
            onInput={(event) => set({ model: event.currentTarget.value.trim() })}
          />
          <label for={id('api-key')}>API key{needsKey ? '' : ' (optional)'}</label>
          <div class="row">
            <input
              id={id('api-key')}
              type={showKey ? 'text' : 'password'}
              autocomplete="off"
              spellcheck={false}
              required={needsKey}
              value={draft.apiKey}
              onInput={(event) => set({ apiKey: event.currentTarget.value.trim() })}
            />
            <button
              type="button"
              class="button"
              aria-controls={id('api-key')}
              onClick={() => setShowKey(!showKey)}
            >
              {showKey ? 'Hide' : 'Show'}
            </button>
          </div>
        </>
      )}

      <details class="advanced">
        <summary>Advanced: temperature, answer length, requests at once, time limit</summary>
        <div class="grid">
          <label for={id('temperature')}>Temperature</label>
          <input
            id={id('temperature')}
            type="number"
            min="0"
            max="2"
            step="0.1"
            value={draft.temperature}
            onInput={(event) => set({ temperature: Number(event.currentTarget.value) })}
          />
          <label for={id('max-tokens')}>Longest answer (tokens)</label>
          <input
            id={id('max-tokens')}
            type="number"
            min="16"
            max="32000"
            value={draft.maxTokens}
            onInput={(event) => set({ maxTokens: Math.round(Number(event.currentTarget.value)) })}
          />
          <label for={id('concurrency')}>Requests at once</label>
          <input
            id={id('concurrency')}
            type="number"
            min="1"
            max="16"
            value={draft.concurrency}
            onInput={(event) => set({ concurrency: Math.round(Number(event.currentTarget.value)) })}
          />
          <label for={id('timeout')}>{TIMEOUT_SETTING_LABEL}</label>
          <input
            id={id('timeout')}
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
    </>
  );
}

/** What the chosen service needs from the user outside this page: Ollama's setting, a key. */
export function BackendHints(props: { draft: BackendSettings }) {
  const preset = presetById(props.draft.presetId);
  return (
    <>
      {props.draft.presetId === 'ollama' && (
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
    </>
  );
}
