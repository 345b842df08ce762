/**
 * The known backends (presets) of every wire format, in the order the options page offers them,
 * and what follows from a preset: fresh settings, the batch size, the Ollama hint. The presets
 * themselves are data in their kind's entry of backend-kinds.ts.
 */
import {
  BACKEND_KIND_IDS,
  BACKEND_KINDS,
  type BackendKind,
  type PresetDefaults,
} from './backend-kinds.ts';
import type { BackendSettings } from './backend.ts';

export { PRICES_AS_OF } from './backend-kinds.ts';

export interface Preset extends PresetDefaults {
  kind: BackendKind;
}

/** Every preset, kind by kind in registry order. */
export const PRESETS: readonly Preset[] = BACKEND_KIND_IDS.flatMap((kind) =>
  BACKEND_KINDS[kind].presets.map((preset): Preset => ({ kind, ...preset })),
);

/** What the user sets for Ollama so it accepts requests from the extension (else: 403). */
export const OLLAMA_ORIGINS_SETTING = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';

export const OLLAMA_FORBIDDEN_HINT =
  'Ollama refused the request from the extension (403). Ollama only accepts browser extensions ' +
  `it is told to trust: set ${OLLAMA_ORIGINS_SETTING} in Ollama's environment and restart it ` +
  '(macOS: launchctl setenv OLLAMA_ORIGINS "chrome-extension://*,moz-extension://*"; Linux: ' +
  'add it to the ollama service with systemctl edit ollama).';

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

export const DEFAULT_TEMPERATURE = 1.0;
export const DEFAULT_MAX_TOKENS = 1024;

/** Settings for a preset, ready to show in the options page; the user adds a key if needed. */
export function settingsFromPreset(
  id: string,
  overrides: Partial<BackendSettings> = {},
): BackendSettings {
  const preset = presetById(id);
  if (!preset) throw new Error(`Unknown backend preset "${id}".`);
  return {
    kind: preset.kind,
    presetId: preset.id,
    baseUrl: preset.baseUrl,
    model: preset.defaultModel,
    apiKey: '',
    temperature: DEFAULT_TEMPERATURE,
    maxTokens: DEFAULT_MAX_TOKENS,
    concurrency: preset.defaultConcurrency,
    timeoutMs: preset.defaultTimeoutMs,
    ...overrides,
  };
}

/**
 * Whether settings point at an Ollama server: the preset, or a custom entry on Ollama's port.
 * Used to turn a bare 403 into the OLLAMA_ORIGINS hint.
 */
export function isOllama(settings: Pick<BackendSettings, 'presetId' | 'baseUrl'>): boolean {
  if (settings.presetId === 'ollama') return true;
  try {
    return new URL(settings.baseUrl).port === '11434';
  } catch {
    return false;
  }
}

/** Samples per request for these settings; without a matching preset, what the kind allows. */
export function maxPerCallFor(settings: Pick<BackendSettings, 'presetId' | 'kind'>): number {
  const preset = presetById(settings.presetId);
  if (preset && preset.kind === settings.kind) return preset.maxPerCall;
  return BACKEND_KINDS[settings.kind].maxPerCall;
}

/**
 * The host-permission pattern the extension must hold to call this backend, e.g.
 * "https://api.openai.com/*", for `permissions.request` in the options page.
 */
export function originPatternFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
