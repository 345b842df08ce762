/**
 * Runs one sampling request against one backend: splits the N samples into API calls (batched
 * where `n`/`candidateCount` works, else single), runs them in parallel under the backend's
 * concurrency cap, applies a per-request timeout, retries what is worth retrying (see
 * backoff.ts), and yields each sample or per-sample error as soon as it is known.
 *
 * Guarantees the caller relies on:
 * - every index 0..n-1 is delivered exactly once, as a sample or an error, then the stream ends;
 * - aborting `request.signal` (or leaving the `for await` loop) ends the stream at once, the
 *   undelivered indices as 'cancelled', and aborts the requests in flight — never a hang, even
 *   if a backend ignores its signal;
 * - a server that returns fewer choices than asked for (ignored `n`) gets the rest asked as
 *   single requests; one that rejects a batched request because of `n` (400) gets single
 *   requests instead, while any other 400 is reported at once.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy, decideRetry } from './backoff.ts';
import { EventChannel } from './channel.ts';
import { type Clock, realClock } from './clock.ts';
import {
  SamplingError,
  type SamplingErrorData,
  abortReason,
  cancelledError,
  timeoutError,
  toSamplingErrorData,
} from './errors.ts';
import type { ConcurrencyLimiter } from './limiter.ts';
import { normalizeTurns } from './turns.ts';
import type { Backend, BackendCallResult, SampleEvent, SamplingRequest } from './types.ts';

/** Most samples one run may ask for; more is a settings mistake, not a wish. */
export const MAX_SAMPLES = 64;

export interface RetryNotice {
  /** Sample indices the failed call was for. */
  indices: number[];
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  /** Plain data, so the background can forward it as a status message. */
  error: SamplingErrorData;
}

export interface ScheduleOptions {
  limiter: ConcurrencyLimiter;
  timeoutMs: number;
  policy?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  /** Told before each backoff wait, e.g. to show "rate-limited, retrying in 7 s". */
  onRetry?: (notice: RetryNotice) => void;
  /** Lowers the backend's `maxPerCall` (e.g. to 1 once a server was seen ignoring `n`). */
  maxPerCall?: number;
  /** Told when a batched call came back short or was refused: the server does not honour `n`. */
  onBatchingUnsupported?: () => void;
}

/** Checks a request; throws a 'bad-request' SamplingError that says what is wrong. */
export function validateRequest(request: SamplingRequest): void {
  const fail = (message: string): never => {
    throw new SamplingError({ kind: 'bad-request', message, retryable: false });
  };
  if (!request || typeof request !== 'object') fail('No sampling request was given.');
  if (!Number.isInteger(request.n) || request.n < 1 || request.n > MAX_SAMPLES) {
    fail(
      `The number of samples must be a whole number from 1 to ${MAX_SAMPLES}, got ${String(request.n)}.`,
    );
  }
  if (
    typeof request.temperature !== 'number' ||
    !(request.temperature >= 0 && request.temperature <= 2)
  ) {
    fail(`The temperature must be between 0 and 2, got ${String(request.temperature)}.`);
  }
  if (!Number.isInteger(request.maxTokens) || request.maxTokens < 1) {
    fail(
      `The maximum answer length must be a whole number of tokens ≥ 1, got ${String(request.maxTokens)}.`,
    );
  }
  if (!(request.signal instanceof AbortSignal)) fail('The sampling request needs an AbortSignal.');
  if (!Array.isArray(request.turns) || request.turns.length === 0)
    fail('The conversation to sample is empty.');
  normalizeTurns(request.turns); // throws on unknown roles, no text, or no user prompt at the end
}

export function scheduleSamples(
  backend: Backend,
  request: SamplingRequest,
  options: ScheduleOptions,
): AsyncIterable<SampleEvent> {
  validateRequest(request);
  validateOptions(options);
  const delivery = openDelivery(request.n, request.signal);
  const context: BatchContext = {
    delivery,
    call: (count, job) => callOnce(backend, request, count, job, options),
    retry: {
      policy: options.policy ?? DEFAULT_RETRY_POLICY,
      clock: options.clock ?? realClock,
      random: options.random ?? Math.random,
      run: delivery.signal,
      onRetry: options.onRetry,
    },
    onBatchingUnsupported: options.onBatchingUnsupported,
  };
  if (!delivery.signal.aborted) {
    const perCall = Math.min(backend.maxPerCall, options.maxPerCall ?? Infinity);
    for (const indices of batches(request.n, perCall)) void runBatch(indices, context);
  }
  return delivery.channel;
}

function validateOptions(options: ScheduleOptions): void {
  if (!(options.timeoutMs > 0)) {
    throw new SamplingError({
      kind: 'bad-request',
      message: 'The request timeout must be positive.',
      retryable: false,
    });
  }
}

/** Where one run's events go, and how the run is cancelled. */
interface Delivery {
  channel: EventChannel<SampleEvent>;
  /** Aborts when the caller aborts or leaves the `for await` loop. */
  signal: AbortSignal;
  /** Passes an event on unless its index was already delivered; ends the stream after the last. */
  deliver(event: SampleEvent): void;
  /** Calls `hook` when the run is cancelled; returns its removal. */
  onCancel(hook: () => void): () => void;
}

/**
 * The stream of a run of `n` samples: each index delivered once, and on cancellation every call
 * aborted and every undelivered index reported as 'cancelled'.
 */
function openDelivery(n: number, caller: AbortSignal): Delivery {
  const run = new AbortController();
  const channel = new EventChannel<SampleEvent>(() => run.abort());
  const settled = new Set<number>();
  // Calls hook into cancellation through this set rather than each adding an abort listener to
  // one signal: Node warns (MaxListenersExceededWarning) past 10 listeners on an AbortSignal.
  const cancelHooks = new Set<() => void>();

  const finish = (): void => {
    caller.removeEventListener('abort', onCallerAbort);
    run.signal.removeEventListener('abort', onRunAbort);
    channel.end();
  };
  const deliver = (event: SampleEvent): void => {
    if (settled.has(event.index)) return;
    settled.add(event.index);
    channel.push(event);
    if (settled.size === n) finish();
  };
  const onCallerAbort = (): void => run.abort();
  const onRunAbort = (): void => {
    for (const hook of [...cancelHooks]) hook();
    const error = cancelledError().toData();
    for (let index = 0; index < n; index += 1) deliver({ type: 'error', index, error });
    finish();
  };
  caller.addEventListener('abort', onCallerAbort, { once: true });
  run.signal.addEventListener('abort', onRunAbort, { once: true });
  if (caller.aborted) run.abort();

  return {
    channel,
    signal: run.signal,
    deliver,
    onCancel(hook) {
      cancelHooks.add(hook);
      return () => cancelHooks.delete(hook);
    },
  };
}

/** What every batch of a run shares. */
interface BatchContext {
  delivery: Delivery;
  /** One attempt at a call for `count` samples. */
  call: (count: number, job: AbortSignal) => Promise<BackendCallResult>;
  retry: RetryContext;
  onBatchingUnsupported: (() => void) | undefined;
}

/**
 * One call for the samples at `indices`, with retries. What a short reply leaves out, or what a
 * refused batch asked for, is asked again one sample per call.
 */
async function runBatch(indices: number[], context: BatchContext): Promise<void> {
  const { delivery } = context;
  const job = new AbortController();
  const cancelJob = (): void => job.abort(cancelledError());
  const removeHook = delivery.onCancel(cancelJob);
  if (delivery.signal.aborted) cancelJob();
  try {
    const result = await withRetries(context.call, indices, job.signal, context.retry);
    const delivered = deliverTexts(indices, result, delivery.deliver);
    // The server ignored `n` (or capped it): ask for the rest one by one.
    if (delivered < indices.length) context.onBatchingUnsupported?.();
    for (const index of indices.slice(delivered)) void runBatch([index], context);
  } catch (thrown) {
    if (delivery.signal.aborted) return; // the run's cancellation delivered 'cancelled' for these
    const error = asSamplingError(thrown);
    if (indices.length > 1 && error.refusesBatching) {
      // Batching refused (Groq: "n must be at most 1"; Gemini models without candidateCount).
      // Any other 400 would fail the same way as single requests: reported as it is.
      context.onBatchingUnsupported?.();
      for (const index of indices) void runBatch([index], context);
      return;
    }
    for (const index of indices) delivery.deliver({ type: 'error', index, error: error.toData() });
  } finally {
    removeHook();
  }
}

/** Delivers a call's texts to the indices it was for, usage on the first; returns how many. */
function deliverTexts(
  indices: number[],
  result: BackendCallResult,
  deliver: (event: SampleEvent) => void,
): number {
  const texts = result.texts.slice(0, indices.length);
  texts.forEach((text, i) => {
    const event: SampleEvent = { type: 'sample', index: indices[i] as number, text };
    if (i === 0 && result.usage) event.usage = result.usage;
    if (result.model) event.model = result.model;
    deliver(event);
  });
  return texts.length;
}

function asSamplingError(thrown: unknown): SamplingError {
  return thrown instanceof SamplingError ? thrown : new SamplingError(toSamplingErrorData(thrown));
}

/** Sample indices 0..n-1 cut into calls of at most `perCall` (at least 1) each. */
function batches(n: number, perCall: number): number[][] {
  const size = Math.max(1, Math.floor(perCall));
  const out: number[][] = [];
  for (let start = 0; start < n; start += size) {
    out.push(Array.from({ length: Math.min(n, start + size) - start }, (_, i) => start + i));
  }
  return out;
}

/**
 * One attempt at one call: a limiter slot, a timeout, and an abort race so a stuck backend
 * cannot hang the run.
 */
async function callOnce(
  backend: Backend,
  request: SamplingRequest,
  count: number,
  job: AbortSignal,
  { limiter, timeoutMs }: Pick<ScheduleOptions, 'limiter' | 'timeoutMs'>,
): Promise<BackendCallResult> {
  const release = await limiter.acquire(job);
  const attempt = new AbortController();
  const onAbort = (): void => attempt.abort(cancelledError());
  job.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => attempt.abort(timeoutError(timeoutMs)), timeoutMs);
  try {
    return await raceAbort(
      backend.call({
        turns: request.turns,
        count,
        temperature: request.temperature,
        maxTokens: request.maxTokens,
        signal: attempt.signal,
      }),
      attempt.signal,
    );
  } finally {
    clearTimeout(timer);
    job.removeEventListener('abort', onAbort);
    release();
  }
}

/** What the retry loop needs from the run: the policy, its time and dice, and its signal. */
interface RetryContext {
  policy: RetryPolicy;
  clock: Clock;
  random: () => number;
  /** The whole run's signal: once aborted, a failure is a cancellation, not worth a retry. */
  run: AbortSignal;
  onRetry: ((notice: RetryNotice) => void) | undefined;
}

/** Calls until one attempt succeeds or the retry policy gives up (see backoff.ts). */
async function withRetries(
  call: (count: number, job: AbortSignal) => Promise<BackendCallResult>,
  indices: number[],
  job: AbortSignal,
  { policy, clock, random, run, onRetry }: RetryContext,
): Promise<BackendCallResult> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call(indices.length, job);
    } catch (thrown) {
      if (run.aborted) throw cancelledError();
      const error = asSamplingError(thrown);
      const decision = decideRetry(error, attempt, waitedMs, policy, random);
      if (!decision.retry) throw error;
      onRetry?.({ indices, attempt, delayMs: decision.delayMs, error: error.toData() });
      await clock.sleep(decision.delayMs, job);
      waitedMs += decision.delayMs;
    }
  }
}

/** Settles with `promise`, or rejects with the abort reason as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
