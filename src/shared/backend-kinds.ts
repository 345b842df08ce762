/**
 * The registry of LLM wire formats, one entry per kind: its name for the user, what a custom
 * server of that kind may do, and the known services and servers of that kind (presets: base URL,
 * default model, whether a key is needed, and — the part that shapes scheduling — whether the
 * server honours `n`, several samples from one request). Plain data, for every context: settings
 * validation, source labels and the options page read it here. Adding a wire format is one entry
 * here, its module in src/sampling/backends/ (which exports `wireFormat` with the same kind and is
 * found by file) and, for an HTTP format, its format in the test server
 * (tests/helpers/llm-server.ts); tests/unit/additions.test.ts checks that the three agree.
 *
 * `n` in practice: OpenAI, Together and Mistral honour it; Groq rejects n > 1 with a 400;
 * OpenRouter, Ollama and LM Studio ignore it and return one choice; llama.cpp's server refuses it;
 * DeepSeek does not document it. Where it is not honoured we send parallel single requests, and
 * even where it is, the OpenAI-compatible backend checks the number of choices it got back.
 */
import type { ModelPrice } from './run-cost.ts';

/** A known service or server of one kind, offered by the options page with these defaults. */
export interface PresetDefaults {
  id: string;
  label: string;
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

export interface BackendKindInfo {
  /** The wire format's name, for the user. */
  label: string;
  /**
   * Most samples one call may ask for when no preset of this kind says otherwise (a custom
   * server): 1 unless the format's own API always honours a batch size (Gemini's
   * `candidateCount` allows up to 8).
   */
  maxPerCall: number;
  /** Whether a key is required when no preset says otherwise. */
  needsKey: boolean;
  /** Whether it sends HTTP requests to `baseUrl` (which then must be valid and permitted). */
  http: boolean;
  /** Its known services and servers, in the order the options page offers them. */
  presets: readonly PresetDefaults[];
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

/** Every wire format, one entry each (the kind is the key). */
export const BACKEND_KINDS = {
  openai: {
    label: 'OpenAI-compatible',
    maxPerCall: 1,
    needsKey: false,
    http: true,
    presets: [
      {
        id: 'openai',
        label: 'OpenAI',
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
        baseUrl: 'https://api.together.xyz/v1',
        defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        needsKey: true,
        maxPerCall: 16,
        defaultConcurrency: 8,
        defaultTimeoutMs: REMOTE_TIMEOUT_MS,
        local: false,
        keyUrl: 'https://api.together.ai/settings/api-keys',
        prices: {
          'meta-llama/Llama-3.3-70B-Instruct-Turbo': {
            inputPerMillion: 0.88,
            outputPerMillion: 0.88,
          },
        },
      },
      {
        id: 'mistral',
        label: 'Mistral',
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
    ],
  },
  anthropic: {
    label: 'Anthropic',
    maxPerCall: 1,
    needsKey: true,
    http: true,
    presets: [
      {
        id: 'anthropic',
        label: 'Anthropic',
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
    ],
  },
  gemini: {
    label: 'Google Gemini',
    maxPerCall: 8,
    needsKey: true,
    http: true,
    presets: [
      {
        id: 'gemini',
        label: 'Google Gemini',
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
    ],
  },
  'chrome-builtin': {
    label: 'Chrome built-in model',
    maxPerCall: 1,
    needsKey: false,
    http: false,
    presets: [
      {
        id: 'chrome-builtin',
        label: 'Chrome built-in (Gemini Nano)',
        baseUrl: '',
        defaultModel: 'gemini-nano',
        needsKey: false,
        maxPerCall: 1,
        // One on-device model: parallel sessions only queue behind each other.
        defaultConcurrency: 1,
        defaultTimeoutMs: LOCAL_TIMEOUT_MS,
        local: true,
      },
    ],
  },
} as const satisfies Record<string, BackendKindInfo>;

export type BackendKind = keyof typeof BACKEND_KINDS;

export const BACKEND_KIND_IDS = Object.keys(BACKEND_KINDS) as readonly BackendKind[];

export function isBackendKind(value: unknown): value is BackendKind {
  return typeof value === 'string' && Object.hasOwn(BACKEND_KINDS, value);
}
