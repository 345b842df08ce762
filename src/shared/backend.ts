/**
 * What every context may know about LLM backends: the registry of wire formats (`BACKEND_KINDS`,
 * the one list of them), the settings shape the options page edits and the background uses, and
 * the plain-data results that cross contexts (token usage, errors, a connection test). Types and
 * data only: the requests themselves live in src/sampling, which only the background and the
 * options page import.
 */

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
}

/** Every wire format, one entry each. Adding one: an entry here and its module in src/sampling/backends. */
export const BACKEND_KINDS = {
  openai: { label: 'OpenAI-compatible', maxPerCall: 1, needsKey: false, http: true },
  anthropic: { label: 'Anthropic', maxPerCall: 1, needsKey: true, http: true },
  gemini: { label: 'Google Gemini', maxPerCall: 8, needsKey: true, http: true },
  'chrome-builtin': {
    label: 'Chrome built-in model',
    maxPerCall: 1,
    needsKey: false,
    http: false,
  },
} as const satisfies Record<string, BackendKindInfo>;

export type BackendKind = keyof typeof BACKEND_KINDS;

export const BACKEND_KIND_IDS = Object.keys(BACKEND_KINDS) as readonly BackendKind[];

export function isBackendKind(value: unknown): value is BackendKind {
  return typeof value === 'string' && Object.hasOwn(BACKEND_KINDS, value);
}

/** What the user configures in the options page, one backend at a time. */
export interface BackendSettings {
  kind: BackendKind;
  /** Id of the preset the settings started from (see sampling/presets.ts), or 'custom'. */
  presetId: string;
  /** API root without a trailing slash, e.g. "https://api.openai.com/v1". Unused by chrome-builtin. */
  baseUrl: string;
  model: string;
  /** Empty when the backend needs none (Ollama, LM Studio, Chrome built-in). */
  apiKey: string;
  temperature: number;
  maxTokens: number;
  /** Most requests in flight at once to this backend (shared by all runs). */
  concurrency: number;
  /** Per-request timeout; a request slower than this fails with kind 'timeout'. */
  timeoutMs: number;
}

/** Token counts as an API reported them, or summed over a run; absent fields were not reported. */
export interface TokenUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
}

export type SamplingErrorKind =
  | 'auth'
  | 'not-found'
  | 'forbidden'
  | 'bad-request'
  | 'rate-limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'malformed'
  | 'cancelled'
  | 'unavailable';

/** A sampling failure as plain data, which survives structured cloning (an `Error` does not). */
export interface SamplingErrorData {
  kind: SamplingErrorKind;
  /** One or two sentences for the user: what happened and what to do. */
  message: string;
  /** HTTP status when the failure was an HTTP reply. */
  status?: number;
  /** The server's own words (redacted, shortened), for a "details" line. */
  detail?: string;
  /** Whether trying again later may succeed; the scheduler retries only these. */
  retryable: boolean;
  /** How long the server asked us to wait (Retry-After, Gemini RetryInfo), in ms. */
  retryAfterMs?: number;
  /**
   * The server refused several samples in one request (`n`, `candidateCount`): worth asking again
   * one sample per request. Any other 400 would fail the same way again, so it is not retried.
   */
  refusesBatching?: boolean;
}

/** The options page's "Test connection", answered by the background. */
export type ConnectionResult =
  | { ok: true; model: string; latencyMs: number; reply: string }
  | { ok: false; error: SamplingErrorData; latencyMs: number };
