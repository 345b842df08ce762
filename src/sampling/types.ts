/**
 * Types of the sampling layer: what the background asks for (a `SamplingRequest` under some
 * `BackendSettings`), what comes back one sample at a time (`SampleEvent`), and the one backend
 * interface every wire format (OpenAI-compatible, Anthropic, Gemini, Chrome built-in) implements.
 *
 * Everything that crosses extension contexts (events, errors) is plain data, because class
 * instances and `Error`s do not survive structured cloning between the background, offscreen
 * document and UI pages. Settings, and with them API keys, stay in the background: nothing here
 * hands a key to a caller.
 */
import type { BackendKind, BackendSettings, TokenUsage } from '../shared/backend.ts';
import type { Turn } from '../shared/conversation.ts';
import type { SamplingErrorData } from './errors.ts';

// Defined in shared/ because settings and usage cross contexts; re-exported for this layer.
export type { BackendKind, BackendSettings, TokenUsage };

/** One sampling run: the same conversation sampled `n` times. */
export interface SamplingRequest {
  /** Earlier turns, oldest first, ending with the user prompt (see Capture.turns). */
  turns: Turn[];
  n: number;
  temperature: number;
  maxTokens: number;
  /** Aborting ends the run promptly; samples not yet delivered end as 'cancelled' errors. */
  signal: AbortSignal;
}

/** One delivered sample. `index` is in 0..n-1 and each index is delivered exactly once. */
export interface Sample {
  index: number;
  text: string;
  /**
   * Usage of the API call that produced this sample. A call that returned several samples
   * (OpenAI `n`, Gemini `candidateCount`) reports its usage on the first of them only, so
   * summing `usage` over samples gives the run's total.
   */
  usage?: TokenUsage;
  /** Model name the API reported, when it did. */
  model?: string;
  /** True when the sample came from the cache rather than a fresh request. */
  cached?: boolean;
}

export type SampleEvent =
  ({ type: 'sample' } & Sample) | { type: 'error'; index: number; error: SamplingErrorData };

/** What one API call is asked to do. The scheduler owns retries, timeouts and concurrency. */
export interface BackendCall {
  turns: Turn[];
  /** Samples wanted from this one call (1 unless the backend batches, see `maxPerCall`). */
  count: number;
  temperature: number;
  maxTokens: number;
  /** Aborted on cancellation or per-request timeout. */
  signal: AbortSignal;
}

export interface BackendCallResult {
  /** The samples the reply carried: may be fewer than asked when a server ignores `n`. */
  texts: string[];
  usage?: TokenUsage;
  model?: string;
}

/** One wire format. `call` makes a single attempt and throws a `SamplingError` on failure. */
export interface Backend {
  readonly kind: BackendKind;
  /** Most samples one call may ask for: 1 when the API has no working `n`/`candidateCount`. */
  readonly maxPerCall: number;
  call(request: BackendCall): Promise<BackendCallResult>;
}

/** `fetch` as the backends use it; injectable so tests and odd contexts can supply their own. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
