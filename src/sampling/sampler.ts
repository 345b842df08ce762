/**
 * The entry point the background uses: `sample(settings, request)` yields N samples (or
 * per-sample errors) as they arrive, reusing cached samples first. It picks the backend,
 * shares the backend's concurrency limiter between runs, and redacts the key from every error
 * it hands out. Settings (and the key) are passed in by the background and never returned.
 *
 *   for await (const event of sample(settings, { turns, n, temperature, maxTokens, signal })) …
 *   const { samples, errors } = await collectSamples(sample(…), onEvent);
 */
import type { RetryPolicy } from './backoff.ts';
import { type BackendDeps, createBackend } from './backends/index.ts';
import { type CachedSample, type SampleCache, sampleCacheKey } from './cache.ts';
import type { Clock } from './clock.ts';
import { type SamplingErrorData, redactErrorData } from './errors.ts';
import { type ConcurrencyLimiter, sharedLimiter } from './limiter.ts';
import { type RetryNotice, scheduleSamples, validateRequest } from './scheduler.ts';
import { validateSettings } from './settings.ts';
import type { BackendSettings, Sample, SampleEvent, SamplingRequest } from './types.ts';

/**
 * Backends (kind, base URL, model) seen ignoring or refusing `n` in this session: later runs
 * send them parallel single requests straight away instead of losing a round trip each time.
 */
const batchingUnsupported = new Set<string>();

function backendIdentity(settings: BackendSettings): string {
  return JSON.stringify([
    settings.kind,
    settings.baseUrl.trim().replace(/\/+$/, ''),
    settings.model.trim(),
  ]);
}

/** Forgets what was learned about `n` support (tests, benchmarks, or after a server upgrade). */
export function forgetLearnedBatching(): void {
  batchingUnsupported.clear();
}

export interface SampleOptions {
  /** Reuse and store samples here; omit to always sample afresh. */
  cache?: SampleCache;
  /** Defaults to the limiter shared by every run against the same backend. */
  limiter?: ConcurrencyLimiter;
  /** fetch / LanguageModel injection (tests, odd contexts). */
  deps?: BackendDeps;
  policy?: RetryPolicy;
  clock?: Clock;
  random?: () => number;
  onRetry?: (notice: RetryNotice) => void;
}

/**
 * Validates eagerly (a bad request or setting throws a SamplingError here, before any network
 * use), then returns the stream of events.
 */
export function sample(
  settings: BackendSettings,
  request: SamplingRequest,
  options: SampleOptions = {},
): AsyncIterable<SampleEvent> {
  validateSettings(settings);
  validateRequest(request);
  // The backend reads Retry-After dates against the same clock the scheduler sleeps on.
  const backend = createBackend(settings, {
    ...(options.clock ? { now: options.clock.now } : {}),
    ...options.deps,
  });
  const limiter = options.limiter ?? sharedLimiter(settings);
  const secrets = [settings.apiKey];
  const identity = backendIdentity(settings);
  const onRetry = options.onRetry;
  const cache = options.cache;
  const key = cache
    ? sampleCacheKey({
        ...settings,
        turns: request.turns,
        temperature: request.temperature,
        maxTokens: request.maxTokens,
      })
    : '';

  async function* events(): AsyncGenerator<SampleEvent> {
    // An already-aborted run reports 'cancelled' (from the scheduler) rather than cache hits.
    const cached = cache && !request.signal.aborted ? cache.get(key, request.n) : [];
    for (const [index, hit] of cached.entries()) {
      const event: SampleEvent = { type: 'sample', index, text: hit.text, cached: true };
      if (hit.model) event.model = hit.model;
      yield event;
    }
    if (cached.length >= request.n) return;

    const fresh: CachedSample[] = [];
    const offset = cached.length;
    try {
      const stream = scheduleSamples(
        backend,
        { ...request, n: request.n - offset },
        {
          limiter,
          timeoutMs: settings.timeoutMs,
          ...(options.policy ? { policy: options.policy } : {}),
          ...(options.clock ? { clock: options.clock } : {}),
          ...(options.random ? { random: options.random } : {}),
          ...(onRetry
            ? {
                onRetry: (notice) =>
                  onRetry({ ...notice, error: redactErrorData(notice.error, secrets) }),
              }
            : {}),
          ...(batchingUnsupported.has(identity) ? { maxPerCall: 1 } : {}),
          onBatchingUnsupported: () => batchingUnsupported.add(identity),
        },
      );
      for await (const event of stream) {
        if (event.type === 'sample') {
          const stored: CachedSample = { text: event.text };
          if (event.usage) stored.usage = event.usage;
          if (event.model) stored.model = event.model;
          fresh.push(stored);
          yield { ...event, index: event.index + offset };
        } else {
          yield {
            ...event,
            index: event.index + offset,
            error: redactErrorData(event.error, secrets),
          };
        }
      }
    } finally {
      // Store what was sampled even if the run was cut short: those samples are still good.
      if (cache && fresh.length > 0) cache.put(key, [...cached, ...fresh]);
    }
  }
  return events();
}

export interface SamplingOutcome {
  /** Delivered samples, sorted by index. */
  samples: Sample[];
  errors: { index: number; error: SamplingErrorData }[];
}

/** Drains a sample stream into samples and errors, telling `onEvent` about each as it comes. */
export async function collectSamples(
  events: AsyncIterable<SampleEvent>,
  onEvent?: (event: SampleEvent) => void,
): Promise<SamplingOutcome> {
  const samples: Sample[] = [];
  const errors: SamplingOutcome['errors'] = [];
  for await (const event of events) {
    onEvent?.(event);
    if (event.type === 'sample') {
      const { type: _type, ...sampleData } = event;
      samples.push(sampleData);
    } else {
      errors.push({ index: event.index, error: event.error });
    }
  }
  samples.sort((a, b) => a.index - b.index);
  errors.sort((a, b) => a.index - b.index);
  return { samples, errors };
}
