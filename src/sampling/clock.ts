/**
 * Time as the scheduler and the cache see it: `now()` and a cancellable `sleep()`. Injected so
 * backoff and expiry rules are tested with a fake clock instead of real waiting.
 */
import { cancelledError } from './errors.ts';

export interface Clock {
  /** Milliseconds since the epoch (only differences and Retry-After dates matter). */
  now(): number;
  /** Resolves after `ms`; rejects with a 'cancelled' SamplingError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelledError());
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelledError());
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
