/**
 * Cache rules with a fake clock (expiry, prefix reuse, what is and is not part of the key, LRU
 * bound, snapshots), then the cache in a real run against the test server: an identical request
 * within the TTL makes no call, and a request for more samples asks only for the missing ones.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SampleCache, sampleCacheKey, type CacheKeyInput } from '../../src/sampling/cache.ts';
import { collectSamples, forgetLearnedBatching, sample } from '../../src/sampling/sampler.ts';
import type { SamplingRequest } from '../../src/sampling/types.ts';
import { type LlmServer, startLlmServer } from '../helpers/llm-server.ts';
import { ARIZONA, VADER, serverSettings, within } from './sampling-kit.ts';

const MINUTE = 60_000;

function keyInput(patch: Partial<CacheKeyInput> = {}): CacheKeyInput {
  return {
    kind: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    temperature: 1,
    maxTokens: 512,
    turns: ARIZONA,
    ...patch,
  };
}

function texts(n: number, prefix = 's'): { text: string }[] {
  return Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i}` }));
}

describe('SampleCache rules', () => {
  it('serves a prefix within the TTL and nothing after it', () => {
    let now = 0;
    const cache = new SampleCache({ ttlMs: 10 * MINUTE, now: () => now });
    cache.put('k', texts(6));
    now = 9 * MINUTE;
    expect(cache.get('k', 4).map((s) => s.text)).toEqual(['s0', 's1', 's2', 's3']);
    expect(cache.get('k', 10)).toHaveLength(6);
    now = 10 * MINUTE;
    expect(cache.get('k', 4)).toEqual([]);
    expect(cache.size).toBe(0);
  });

  it('extending an entry keeps its original age', () => {
    let now = 0;
    const cache = new SampleCache({ ttlMs: 10 * MINUTE, now: () => now });
    cache.put('k', texts(2));
    now = 8 * MINUTE;
    cache.put('k', texts(5));
    now = 10 * MINUTE + 1;
    expect(cache.get('k', 5)).toEqual([]);
  });

  it('evicts the least recently used entry past the bound', () => {
    const cache = new SampleCache({ maxEntries: 2, now: () => 0 });
    cache.put('a', texts(1));
    cache.put('b', texts(1));
    cache.get('a', 1); // a is now more recent than b
    cache.put('c', texts(1));
    expect(cache.get('a', 1)).toHaveLength(1);
    expect(cache.get('b', 1)).toEqual([]);
    expect(cache.get('c', 1)).toHaveLength(1);
  });

  it('keys by turns, backend, base URL, model, temperature and length — not by key or N', () => {
    const base = sampleCacheKey(keyInput());
    expect(sampleCacheKey(keyInput({ baseUrl: 'https://api.openai.com/v1/' }))).toBe(base);
    for (const patch of [
      { turns: VADER },
      { kind: 'anthropic' as const },
      { baseUrl: 'http://localhost:11434/v1' },
      { model: 'gpt-4o' },
      { temperature: 0.7 },
      { maxTokens: 100 },
      {
        turns: [
          { role: 'user' as const, text: 'Earlier' },
          { role: 'assistant' as const, text: 'Reply' },
          ...ARIZONA,
        ],
      },
    ]) {
      expect(sampleCacheKey(keyInput(patch))).not.toBe(base);
    }
    expect(base).not.toContain('sk-');
  });

  it('snapshots to plain data and restores, dropping expired entries', () => {
    let now = 0;
    const cache = new SampleCache({ ttlMs: 10 * MINUTE, now: () => now });
    cache.put('old', texts(1));
    now = 6 * MINUTE;
    cache.put('new', texts(2));
    const snapshot = structuredClone(cache.snapshot());
    now = 11 * MINUTE;
    const restored = new SampleCache({ ttlMs: 10 * MINUTE, now: () => now });
    restored.restore([...snapshot, { key: 'junk' } as never]);
    expect(restored.get('old', 1)).toEqual([]);
    expect(restored.get('new', 2).map((s) => s.text)).toEqual(['s0', 's1']);
  });

  it('returns copies, so callers cannot change what is cached', () => {
    const cache = new SampleCache({ now: () => 0 });
    cache.put('k', texts(1));
    const [first] = cache.get('k', 1);
    if (first) first.text = 'changed';
    expect(cache.get('k', 1)[0]?.text).toBe('s0');
  });
});

describe('cache in a sampling run', { timeout: 10_000 }, () => {
  let server: LlmServer;
  beforeAll(async () => {
    server = await startLlmServer();
  });
  afterAll(async () => {
    await server.stop();
  });
  beforeEach(() => {
    server.resetStats();
    forgetLearnedBatching();
  });

  const request = (n: number): SamplingRequest => ({
    turns: VADER,
    n,
    temperature: 1,
    maxTokens: 300,
    signal: new AbortController().signal,
  });

  it('an identical request reuses the samples without calling the server', async () => {
    const cache = new SampleCache();
    const settings = serverSettings(server, 'openai');
    const first = await within(5000, collectSamples(sample(settings, request(4), { cache })));
    expect(server.calls()).toBe(1);
    const second = await within(5000, collectSamples(sample(settings, request(4), { cache })));
    expect(server.calls()).toBe(1);
    expect(second.samples.map((s) => s.text)).toEqual(first.samples.map((s) => s.text));
    expect(second.samples.every((s) => s.cached === true && s.usage === undefined)).toBe(true);
    const fewer = await collectSamples(sample(settings, request(2), { cache }));
    expect(fewer.samples.map((s) => s.text)).toEqual(first.samples.slice(0, 2).map((s) => s.text));
    expect(server.calls()).toBe(1);
  });

  it('a request for more samples asks only for the missing ones', async () => {
    const cache = new SampleCache();
    const settings = serverSettings(server, 'openai');
    const first = await collectSamples(sample(settings, request(2), { cache }));
    const more = await within(5000, collectSamples(sample(settings, request(5), { cache })));
    expect(server.requests.map((r) => r.n)).toEqual([2, 3]);
    expect(more.samples.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(more.samples.slice(0, 2).map((s) => s.text)).toEqual(first.samples.map((s) => s.text));
    expect(more.samples.slice(2).every((s) => !s.cached)).toBe(true);
    const again = await collectSamples(sample(settings, request(5), { cache }));
    expect(again.samples.every((s) => s.cached)).toBe(true);
    expect(server.calls()).toBe(2);
  });

  it('a different model is a miss', async () => {
    const cache = new SampleCache();
    await collectSamples(sample(serverSettings(server, 'openai'), request(1), { cache }));
    await collectSamples(
      sample(serverSettings(server, 'openai', { model: 'gpt-4o' }), request(1), { cache }),
    );
    expect(server.calls()).toBe(2);
  });

  it('failed samples are not cached', async () => {
    const cache = new SampleCache();
    const settings = serverSettings(server, 'ollama', { apiKey: '' });
    server.failNext({ type: 'malformed-json' });
    const first = await collectSamples(sample(settings, request(2), { cache }));
    expect(first.samples).toHaveLength(1);
    expect(first.errors).toHaveLength(1);
    await collectSamples(sample(settings, request(2), { cache }));
    expect(server.calls()).toBe(3);
  });
});
