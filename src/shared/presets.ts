/**
 * Known backends as data: base URL, default model, whether a key is needed, and — the part that
 * shapes scheduling — whether the server honours `n` (several samples from one request).
 *
 * `n` in practice: OpenAI, Together and Mistral honour it; Groq rejects n > 1 with a 400;
 * OpenRouter, Ollama and LM Studio ignore it and return one choice; llama.cpp's server refuses it;
 * DeepSeek does not document it. Where it is not honoured we send parallel single requests, and
 * even where it is, the OpenAI-compatible backend checks the number of choices it got back.
 */
import { BACKEND_KINDS, type BackendKind, type BackendSettings } from './backend.ts';
import type { ModelPrice } from './run-cost.ts';

export interface Preset {
  id: string;
  label: string;
  kind: BackendKind;
  /** API root without a trailing slash; '' for chrome-builtin. */
  baseUrl: string;
  defaultModel: string;
  needsKey: boolean;
  /** Most samples one request may ask for: >1 only where `n`/`candidateCount` really works. */
  maxPerCall: number;
  defaultConcurrency: number;
  defaultTimeoutMs: number;
  /** Runs on the user's machine (no key, slower, one GPU). */
  local: boolean;
  /**
   * Name of the output-length field. OpenAI's newer models reject `max_tokens` in favour of
   * `max_completion_tokens`; most compatible servers only know `max_tokens`.
   */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Where the user gets a key, for the options page. */
  keyUrl?: string;
  /** Standard (non-batch, uncached) prices of the preset's default model, by model name. */
  prices?: Readonly<Record<string, ModelPrice>>;
}

/**
 * When the prices below were published on the providers' public pricing pages (standard tier, US
 * dollars per million tokens); they were not re-read since, and providers change them. The popup
 * names this date next to every figure, and a model not listed gets tokens only, no guess.
 */
export const PRICES_AS_OF = '2025-01';

const REMOTE_TIMEOUT_MS = 60_000;
// Local models on a laptop can take minutes for a long answer, and a cold start loads weights.
const LOCAL_TIMEOUT_MS = 180_000;

export const PRESETS: readonly Preset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    kind: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    needsKey: true,
    maxPerCall: 16,
    defaultConcurrency: 8,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    maxTokensField: 'max_completion_tokens',
    keyUrl: 'https://platform.openai.com/api-keys',
    prices: { 'gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 } },
  },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:11434/v1',
    defaultModel: 'llama3.2',
    needsKey: false,
    maxPerCall: 1,
    // Ollama serves OLLAMA_NUM_PARALLEL requests at once and queues the rest; more gains nothing.
    defaultConcurrency: 2,
    defaultTimeoutMs: LOCAL_TIMEOUT_MS,
    local: true,
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:1234/v1',
    defaultModel: 'local-model',
    needsKey: false,
    maxPerCall: 1,
    defaultConcurrency: 2,
    defaultTimeoutMs: LOCAL_TIMEOUT_MS,
    local: true,
  },
  {
    id: 'llamacpp',
    label: 'llama.cpp server (local)',
    kind: 'openai',
    baseUrl: 'http://localhost:8080/v1',
    defaultModel: 'default',
    needsKey: false,
    maxPerCall: 1,
    defaultConcurrency: 2,
    defaultTimeoutMs: LOCAL_TIMEOUT_MS,
    local: true,
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    kind: 'openai',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4o-mini',
    needsKey: true,
    maxPerCall: 1,
    defaultConcurrency: 8,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://openrouter.ai/keys',
    prices: { 'openai/gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 } },
  },
  {
    id: 'groq',
    label: 'Groq',
    kind: 'openai',
    baseUrl: 'https://api.groq.com/openai/v1',
    defaultModel: 'llama-3.1-8b-instant',
    needsKey: true,
    maxPerCall: 1,
    // Free-tier rate limits are tight; fewer parallel requests means fewer 429s.
    defaultConcurrency: 4,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://console.groq.com/keys',
    prices: { 'llama-3.1-8b-instant': { inputPerMillion: 0.05, outputPerMillion: 0.08 } },
  },
  {
    id: 'together',
    label: 'Together AI',
    kind: 'openai',
    baseUrl: 'https://api.together.xyz/v1',
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    needsKey: true,
    maxPerCall: 16,
    defaultConcurrency: 8,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://api.together.ai/settings/api-keys',
    prices: {
      'meta-llama/Llama-3.3-70B-Instruct-Turbo': { inputPerMillion: 0.88, outputPerMillion: 0.88 },
    },
  },
  {
    id: 'mistral',
    label: 'Mistral',
    kind: 'openai',
    baseUrl: 'https://api.mistral.ai/v1',
    defaultModel: 'mistral-small-latest',
    needsKey: true,
    maxPerCall: 16,
    defaultConcurrency: 4,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://console.mistral.ai/api-keys',
    prices: { 'mistral-small-latest': { inputPerMillion: 0.1, outputPerMillion: 0.3 } },
  },
  {
    id: 'deepseek',
    label: 'DeepSeek',
    kind: 'openai',
    baseUrl: 'https://api.deepseek.com/v1',
    defaultModel: 'deepseek-chat',
    needsKey: true,
    maxPerCall: 1,
    defaultConcurrency: 8,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://platform.deepseek.com/api_keys',
    prices: { 'deepseek-chat': { inputPerMillion: 0.27, outputPerMillion: 1.1 } },
  },
  {
    id: 'anthropic',
    label: 'Anthropic',
    kind: 'anthropic',
    baseUrl: 'https://api.anthropic.com',
    defaultModel: 'claude-3-5-haiku-latest',
    needsKey: true,
    // The Messages API has no `n`: one request per sample.
    maxPerCall: 1,
    defaultConcurrency: 4,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://console.anthropic.com/settings/keys',
    prices: { 'claude-3-5-haiku-latest': { inputPerMillion: 0.8, outputPerMillion: 4 } },
  },
  {
    id: 'gemini',
    label: 'Google Gemini',
    kind: 'gemini',
    baseUrl: 'https://generativelanguage.googleapis.com',
    defaultModel: 'gemini-2.0-flash',
    needsKey: true,
    // generationConfig.candidateCount allows up to 8; models that refuse it get single requests.
    maxPerCall: 8,
    defaultConcurrency: 4,
    defaultTimeoutMs: REMOTE_TIMEOUT_MS,
    local: false,
    keyUrl: 'https://aistudio.google.com/app/apikey',
    prices: { 'gemini-2.0-flash': { inputPerMillion: 0.1, outputPerMillion: 0.4 } },
  },
  {
    id: 'chrome-builtin',
    label: 'Chrome built-in (Gemini Nano)',
    kind: 'chrome-builtin',
    baseUrl: '',
    defaultModel: 'gemini-nano',
    needsKey: false,
    maxPerCall: 1,
    // One on-device model: parallel sessions only queue behind each other.
    defaultConcurrency: 1,
    defaultTimeoutMs: LOCAL_TIMEOUT_MS,
    local: true,
  },
];

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
