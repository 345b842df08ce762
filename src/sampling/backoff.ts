/**
 * When to retry a failed request and how long to wait first. Pure functions: the scheduler
 * supplies the clock reading and the random source, so every rule is unit-testable.
 *
 * Rules: only retryable errors (429, 500/502/503/504, 529, network resets) are retried; a delay
 * the server asked for (Retry-After in seconds or as an HTTP date, Gemini's RetryInfo
 * `retryDelay`) wins over our own exponential backoff; attempts and the total time spent waiting
 * are both capped, so a run always ends.
 */
import type { SamplingErrorData } from './errors.ts';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** Backoff before the first retry; doubled for each further one. */
  baseDelayMs: number;
  /** Cap on one computed backoff (not on a server-requested delay). */
  maxDelayMs: number;
  /** Cap on the sum of all waits for one request; a wait that would pass it is not taken. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalWaitMs: 30_000,
};

/**
 * Parses an HTTP Retry-After value: delay-seconds ("7", "1.5" — some proxies send fractions) or
 * an HTTP date. Returns milliseconds from `nowMs` (never negative), or undefined if unparseable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only accept things that look like dates; Date.parse is lenient enough to read "12" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * Parses a protobuf Duration as JSON-encoded by Google APIs ("7s", "0.5s", "1.234567s"),
 * as found in `google.rpc.RetryInfo.retryDelay`. Returns milliseconds or undefined.
 */
export function parseGoogleDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
  if (!match?.[1]) return undefined;
  return Math.round(Number(match[1]) * 1000);
}

/** Finds RetryInfo's delay in a Google API error body (`error.details[]`). */
export function retryDelayFromGoogleError(body: unknown): number | undefined {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const d = detail as { '@type'?: unknown; retryDelay?: unknown } | null;
    if (d?.['@type'] === 'type.googleapis.com/google.rpc.RetryInfo') {
      const ms = parseGoogleDuration(d.retryDelay);
      if (ms !== undefined) return ms;
    }
  }
  return undefined;
}

/**
 * Our own delay before retry number `retry` (1 for the first retry): exponential, capped, with
 * "equal jitter" — half fixed, half random — so parallel requests that failed together spread
 * out yet never retry instantly.
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + (exponential / 2) * clamp01(random()));
}

/**
 * A server-requested delay, stretched by up to 10 % so that the N requests that were all told
 * "retry in 7 s" do not come back in the same millisecond.
 */
export function serverDelayMs(retryAfterMs: number, random: () => number): number {
  return Math.round(retryAfterMs * (1 + 0.1 * clamp01(random())));
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-retryable' | 'attempts' | 'wait-budget' };

/**
 * Decides what to do after attempt number `attempt` (1-based) failed with `error`, given the
 * time already spent waiting on earlier retries of the same request.
 */
export function decideRetry(
  error: Pick<SamplingErrorData, 'retryable' | 'retryAfterMs'>,
  attempt: number,
  waitedMs: number,
  policy: RetryPolicy,
  random: () => number,
): RetryDecision {
  if (!error.retryable) return { retry: false, reason: 'not-retryable' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts' };
  const delayMs =
    error.retryAfterMs !== undefined
      ? serverDelayMs(error.retryAfterMs, random)
      : backoffDelayMs(attempt, policy, random);
  if (waitedMs + delayMs > policy.maxTotalWaitMs) return { retry: false, reason: 'wait-budget' };
  return { retry: true, delayMs };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5;
}
