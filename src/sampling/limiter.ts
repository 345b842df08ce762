/**
 * A counting semaphore that caps requests in flight to one backend. Shared by every run against
 * the same backend (see `sharedLimiter`), so a new answer arriving while the previous run still
 * samples does not double the load on a rate-limited API or a single local GPU.
 */
import { cancelledError } from './errors.ts';
import type { BackendSettings } from './types.ts';

export type Release = () => void;

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiters: { grant: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private max: number) {
    this.setMax(max);
  }

  get inFlight(): number {
    return this.active;
  }

  get limit(): number {
    return this.max;
  }

  /** Changes the cap (the user edited the settings); waiters start if the cap went up. */
  setMax(max: number): void {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`Concurrency must be a whole number ≥ 1, got ${max}.`);
    this.max = max;
    this.drain();
  }

  /** Resolves with a release function once a slot is free; rejects 'cancelled' if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    return new Promise<Release>((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active += 1;
          resolve(this.releaser());
        },
        reject,
      };
      const onAbort = (): void => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.drain();
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return; // releasing twice must not free someone else's slot
      released = true;
      this.active -= 1;
      this.drain();
    };
  }

  private drain(): void {
    while (this.active < this.max && this.waiters.length > 0) this.waiters.shift()?.grant();
  }
}

const shared = new Map<string, ConcurrencyLimiter>();

/** The limiter for a backend (kind + base URL), created on first use and updated to the current cap. */
export function sharedLimiter(
  settings: Pick<BackendSettings, 'kind' | 'baseUrl' | 'concurrency'>,
): ConcurrencyLimiter {
  const key = `${settings.kind} ${settings.baseUrl.trim().replace(/\/+$/, '')}`;
  const max = Math.max(1, Math.floor(settings.concurrency) || 1);
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new ConcurrencyLimiter(max);
    shared.set(key, limiter);
  } else if (limiter.limit !== max) {
    limiter.setMax(max);
  }
  return limiter;
}
