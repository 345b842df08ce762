/**
 * Reuses samples of an identical request made a short while ago (re-opening a conversation,
 * reloading the page). Identical means: same conversation turns,
 * backend kind, base URL, model, temperature and answer length. N is deliberately not part of
 * the key: samples are independent draws, so an entry holding 10 serves a request for 4 (the
 * first 4), and a request for 10 when 4 are held reuses those 4 and samples 6 more.
 *
 * Bounded by entry count (least recently used goes first) and by age; the clock is injected.
 * In-memory only: an MV3 service worker may be stopped at any time, so the background can
 * persist `snapshot()` to storage.session and `restore()` it on wake-up.
 */
import type { Turn } from '../shared/conversation.ts';
import type { BackendSettings, TokenUsage } from './types.ts';

export interface CachedSample {
  text: string;
  usage?: TokenUsage;
  model?: string;
}

export interface CacheEntry {
  key: string;
  /** When the first of these samples was stored; the entry expires `ttlMs` after that. */
  createdAt: number;
  samples: CachedSample[];
}

export interface SampleCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  /** Most samples kept per entry. */
  maxSamplesPerEntry?: number;
  now?: () => number;
}

export const DEFAULT_CACHE_TTL_MS = 10 * 60_000;

export type CacheKeyInput = Pick<BackendSettings, 'kind' | 'baseUrl' | 'model'> & {
  turns: readonly Turn[];
  temperature: number;
  maxTokens: number;
};

/** The identity of a request for caching; the API key is not part of it. */
export function sampleCacheKey(input: CacheKeyInput): string {
  return JSON.stringify([
    input.kind,
    input.baseUrl.trim().replace(/\/+$/, ''),
    input.model.trim(),
    input.temperature,
    input.maxTokens,
    input.turns.map((turn) => [turn.role, turn.text]),
  ]);
}

export class SampleCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxSamplesPerEntry: number;
  private readonly now: () => number;

  constructor(options: SampleCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
    this.maxEntries = options.maxEntries ?? 32;
    this.maxSamplesPerEntry = options.maxSamplesPerEntry ?? 64;
    this.now = options.now ?? Date.now;
    if (!(this.ttlMs > 0) || !(this.maxEntries >= 1))
      throw new RangeError('Cache TTL and size must be positive.');
  }

  get size(): number {
    return this.entries.size;
  }

  /** Up to `n` cached samples for `key`, oldest first; [] when none or expired. */
  get(key: string, n: number): CachedSample[] {
    const entry = this.fresh(key);
    if (!entry) return [];
    // Touch: move to the most recently used end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.samples.slice(0, Math.max(0, n)).map((sample) => ({ ...sample }));
  }

  /**
   * Stores the full list of samples known for `key` (the reused ones first, then new ones).
   * Keeps the entry's original age, so reuse cannot keep a sample alive past the TTL.
   */
  put(key: string, samples: readonly CachedSample[]): void {
    if (samples.length === 0) return;
    const existing = this.fresh(key);
    this.entries.delete(key);
    this.entries.set(key, {
      key,
      createdAt: existing?.createdAt ?? this.now(),
      samples: samples.slice(0, this.maxSamplesPerEntry).map((sample) => ({ ...sample })),
    });
    this.prune();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Plain data of the live entries, least recently used first (for storage.session). */
  snapshot(): CacheEntry[] {
    this.prune();
    return [...this.entries.values()].map((entry) => ({
      ...entry,
      samples: entry.samples.map((s) => ({ ...s })),
    }));
  }

  /** Loads a snapshot; ignores malformed or expired entries. */
  restore(entries: readonly CacheEntry[]): void {
    for (const entry of entries) {
      if (!entry || typeof entry.key !== 'string' || typeof entry.createdAt !== 'number') continue;
      if (!Array.isArray(entry.samples) || !entry.samples.every((s) => typeof s?.text === 'string'))
        continue;
      this.entries.delete(entry.key);
      this.entries.set(entry.key, {
        key: entry.key,
        createdAt: entry.createdAt,
        samples: entry.samples.map((s) => ({ ...s })),
      });
    }
    this.prune();
  }

  private fresh(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.createdAt >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries)
      if (now - entry.createdAt >= this.ttlMs) this.entries.delete(key);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
