/**
 * Retry rules as pure functions (Retry-After in both forms, Gemini's RetryInfo, exponential
 * backoff with jitter, the attempt and wait caps), then the scheduler applying them to a
 * scripted in-memory backend with a fake clock, so no test waits for real.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  decideRetry,
  parseGoogleDuration,
  parseRetryAfter,
  retryDelayFromGoogleError,
} from '../../src/sampling/backoff.ts';
import { SamplingError, type SamplingErrorData } from '../../src/sampling/errors.ts';
import { ConcurrencyLimiter } from '../../src/sampling/limiter.ts';
import { scheduleSamples } from '../../src/sampling/scheduler.ts';
import { collectSamples } from '../../src/sampling/sampler.ts';
import type { Backend, BackendCallResult } from '../../src/sampling/types.ts';
import { VADER, fakeClock, within } from './sampling-kit.ts';

const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds, including fractions', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:59:00 GMT', NOW)).toBe(0);
  });
  it('ignores absent or unparseable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-3', NOW)).toBeUndefined();
  });
});

describe("Gemini's RetryInfo", () => {
  it('parses protobuf durations', () => {
    expect(parseGoogleDuration('7s')).toBe(7000);
    expect(parseGoogleDuration('0.25s')).toBe(250);
    expect(parseGoogleDuration('1.234567s')).toBe(1235);
    expect(parseGoogleDuration('7')).toBeUndefined();
    expect(parseGoogleDuration(7)).toBeUndefined();
  });
  it('finds retryDelay among error.details', () => {
    const body = {
      error: {
        code: 429,
        details: [
          { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
        ],
      },
    };
    expect(retryDelayFromGoogleError(body)).toBe(7000);
    expect(retryDelayFromGoogleError({ error: { details: [] } })).toBeUndefined();
    expect(retryDelayFromGoogleError(null)).toBeUndefined();
  });
});

describe('backoff and retry decisions', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 5000, maxTotalWaitMs: 20_000 };

  it('doubles per retry, caps, and keeps jitter within [half, full]', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(1000);
    expect(backoffDelayMs(2, policy, () => 1)).toBe(2000);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(2000);
    expect(backoffDelayMs(10, policy, () => 1)).toBe(5000);
  });

  it('retries retryable errors only', () => {
    const retryable: SamplingErrorData = { kind: 'server', message: '', retryable: true };
    const fatal: SamplingErrorData = { kind: 'auth', message: '', retryable: false };
    expect(decideRetry(retryable, 1, 0, policy, () => 0.5)).toEqual({ retry: true, delayMs: 750 });
    expect(decideRetry(fatal, 1, 0, policy, () => 0.5)).toEqual({
      retry: false,
      reason: 'not-retryable',
    });
  });

  it('honours a server-requested delay over its own backoff, stretched by at most 10 %', () => {
    const error = { retryable: true, retryAfterMs: 7000 };
    expect(decideRetry(error, 1, 0, policy, () => 0)).toEqual({ retry: true, delayMs: 7000 });
    expect(decideRetry(error, 1, 0, policy, () => 1)).toEqual({ retry: true, delayMs: 7700 });
  });

  it('stops at the attempt cap and before passing the total wait budget', () => {
    const error = { retryable: true };
    expect(decideRetry(error, 4, 0, policy, () => 0)).toEqual({ retry: false, reason: 'attempts' });
    expect(decideRetry({ retryable: true, retryAfterMs: 60_000 }, 1, 0, policy, () => 0)).toEqual({
      retry: false,
      reason: 'wait-budget',
    });
    expect(decideRetry(error, 2, 19_500, policy, () => 0)).toEqual({
      retry: false,
      reason: 'wait-budget',
    });
  });
});

/** A backend that plays a script: each call takes the next step (an error to throw or texts). */
function scriptedBackend(steps: (SamplingErrorData | string)[]): Backend & { calls: number } {
  const backend = {
    kind: 'openai' as const,
    maxPerCall: 1,
    calls: 0,
    call: (): Promise<BackendCallResult> => {
      const step = steps[Math.min(backend.calls, steps.length - 1)] as SamplingErrorData | string;
      backend.calls += 1;
      return typeof step === 'string'
        ? Promise.resolve({ texts: [step] })
        : Promise.reject(new SamplingError(step));
    },
  };
  return backend;
}

describe('scheduler retries (fake clock, scripted backend)', () => {
  const request = () => ({
    turns: VADER,
    n: 1,
    temperature: 1,
    maxTokens: 50,
    signal: new AbortController().signal,
  });
  const rateLimited: SamplingErrorData = {
    kind: 'rate-limit',
    message: 'slow down',
    status: 429,
    retryable: true,
    retryAfterMs: 3000,
  };
  const serverError: SamplingErrorData = {
    kind: 'server',
    message: 'oops',
    status: 500,
    retryable: true,
  };
  const badKey: SamplingErrorData = {
    kind: 'auth',
    message: 'The API key was rejected (401).',
    status: 401,
    retryable: false,
  };

  it(
    'waits as told by Retry-After, then backs off exponentially, then succeeds',
    { timeout: 5000 },
    async () => {
      const clock = fakeClock();
      const backend = scriptedBackend([rateLimited, serverError, serverError, 'finally']);
      const outcome = await within(
        2000,
        collectSamples(
          scheduleSamples(backend, request(), {
            limiter: new ConcurrencyLimiter(1),
            timeoutMs: 1000,
            clock,
            random: () => 0,
            policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 },
          }),
        ),
      );
      expect(outcome.samples.map((s) => s.text)).toEqual(['finally']);
      expect(backend.calls).toBe(4);
      expect(clock.sleeps).toEqual([3000, 100, 200]);
    },
  );

  it('never retries a rejected key', { timeout: 5000 }, async () => {
    const clock = fakeClock();
    const backend = scriptedBackend([badKey, 'never reached']);
    const outcome = await within(
      2000,
      collectSamples(
        scheduleSamples(backend, request(), {
          limiter: new ConcurrencyLimiter(1),
          timeoutMs: 1000,
          clock,
        }),
      ),
    );
    expect(backend.calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(outcome.errors).toEqual([{ index: 0, error: badKey }]);
  });

  it('gives up after maxAttempts with the last error', { timeout: 5000 }, async () => {
    const clock = fakeClock();
    const backend = scriptedBackend([serverError]);
    const outcome = await within(
      2000,
      collectSamples(
        scheduleSamples(backend, request(), {
          limiter: new ConcurrencyLimiter(1),
          timeoutMs: 1000,
          clock,
          policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 },
        }),
      ),
    );
    expect(backend.calls).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(outcome.errors[0]?.error.kind).toBe('server');
  });

  it(
    'gives up at once when the server asks for a wait longer than the budget',
    { timeout: 5000 },
    async () => {
      const clock = fakeClock();
      const backend = scriptedBackend([{ ...rateLimited, retryAfterMs: 120_000 }, 'unused']);
      const notices: number[] = [];
      const outcome = await within(
        2000,
        collectSamples(
          scheduleSamples(backend, request(), {
            limiter: new ConcurrencyLimiter(1),
            timeoutMs: 1000,
            clock,
            onRetry: (n) => notices.push(n.delayMs),
          }),
        ),
      );
      expect(backend.calls).toBe(1);
      expect(notices).toEqual([]);
      expect(outcome.errors[0]?.error.kind).toBe('rate-limit');
    },
  );

  it('tells onRetry about each wait', { timeout: 5000 }, async () => {
    const clock = fakeClock();
    const backend = scriptedBackend([rateLimited, 'ok']);
    const notices: { attempt: number; delayMs: number; kind: string }[] = [];
    await within(
      2000,
      collectSamples(
        scheduleSamples(backend, request(), {
          limiter: new ConcurrencyLimiter(1),
          timeoutMs: 1000,
          clock,
          random: () => 0,
          onRetry: (n) =>
            notices.push({ attempt: n.attempt, delayMs: n.delayMs, kind: n.error.kind }),
        }),
      ),
    );
    expect(notices).toEqual([{ attempt: 1, delayMs: 3000, kind: 'rate-limit' }]);
  });
});
