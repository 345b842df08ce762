/**
 * What every context may know about LLM backends: the settings shape the options page edits and
 * the background uses, and the plain-data results that cross contexts (token usage, errors, a
 * connection test). Types and data only: the requests themselves live in src/sampling, which only
 * the background and the options page import. The registry of wire formats (`BACKEND_KINDS`, the
 * one list of them) is backend-kinds.ts, re-exported here beside the settings it types.
 */
import type { BackendKind } from './backend-kinds.ts';

export {
  BACKEND_KINDS,
  BACKEND_KIND_IDS,
  isBackendKind,
  type BackendKind,
} from './backend-kinds.ts';

/** What the user configures in the options page, one backend at a time. */
export interface BackendSettings {
  kind: BackendKind;
  /** Id of the preset the settings started from (see presets.ts), or 'custom'. */
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
