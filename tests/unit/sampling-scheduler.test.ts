/**
 * The scheduler's promises over real sockets: the server never sees more requests in flight than
 * the cap (also across two runs sharing a backend), every index is delivered exactly once as
 * samples arrive, and cancellation — abort mid-run, abort before start, or leaving the loop —
 * ends the run promptly with 'cancelled' and closes the requests in flight.
 */
import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../../src/sampling/limiter.ts';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import type { SampleEvent, SamplingRequest } from '../../src/sampling/types.ts';
import { ARIZONA, VADER, serverSettings, within, useLlmServer } from './sampling-kit.ts';

const server = useLlmServer();

function request(
  n: number,
  signal = new AbortController().signal,
  turns = ARIZONA,
): SamplingRequest {
  return { turns, n, temperature: 1, maxTokens: 200, signal };
}

async function waitFor(condition: () => boolean, ms = 3000): Promise<void> {
  await within(
    ms,
    (async () => {
      while (!condition()) await new Promise((r) => setTimeout(r, 5));
    })(),
  );
}

describe('concurrency cap', { timeout: 15_000 }, () => {
  it('never has more requests in flight than the cap', async () => {
    server.delayMs = 80;
    const settings = serverSettings(server, 'ollama', { apiKey: '', concurrency: 3 });
    const outcome = await within(
      5000,
      collectSamples(sample(settings, request(10), { limiter: new ConcurrencyLimiter(3) })),
    );
    expect(outcome.samples).toHaveLength(10);
    expect(server.calls()).toBe(10);
    expect(server.maxInFlight).toBe(3);
  });

  it('two runs against the same backend share one cap', async () => {
    server.delayMs = 80;
    const settings = serverSettings(server, 'anthropic', { concurrency: 2 });
    const [a, b] = await within(
      5000,
      Promise.all([
        collectSamples(sample(settings, request(4))),
        collectSamples(sample(settings, request(4, undefined, VADER))),
      ]),
    );
    expect(a.samples).toHaveLength(4);
    expect(b.samples).toHaveLength(4);
    expect(server.maxInFlight).toBe(2);
  });

  it('runs all requests at once when the cap allows', async () => {
    server.delayMs = 80;
    const settings = serverSettings(server, 'ollama', { apiKey: '', concurrency: 10 });
    await within(
      5000,
      collectSamples(sample(settings, request(6), { limiter: new ConcurrencyLimiter(10) })),
    );
    expect(server.maxInFlight).toBe(6);
  });
});

describe('delivery', { timeout: 15_000 }, () => {
  it('yields samples as they arrive, each index once', async () => {
    // The first request is slow; the others must not wait for it.
    server.failNext({ type: 'slow', delayMs: 1500 });
    const settings = serverSettings(server, 'ollama', { apiKey: '' });
    const seen: { index: number; at: number }[] = [];
    const started = Date.now();
    for await (const event of sample(settings, request(4))) {
      expect(event.type).toBe('sample');
      seen.push({ index: event.index, at: Date.now() - started });
    }
    expect(seen.map((e) => e.index).sort()).toEqual([0, 1, 2, 3]);
    expect(seen[3]?.at).toBeGreaterThanOrEqual(1400);
    // The three fast samples were delivered well before the slow one, not held back for it.
    expect(seen[2]?.at).toBeLessThan((seen[3]?.at ?? 0) - 500);
  });
});

describe('cancellation', { timeout: 15_000 }, () => {
  it('abort mid-run: the rest end as cancelled at once and their connections close', async () => {
    server.failNext({ type: 'slow', delayMs: 0 });
    server.addRule({ type: 'hang' });
    const controller = new AbortController();
    const settings = serverSettings(server, 'ollama', { apiKey: '', timeoutMs: 60_000 });
    const events: SampleEvent[] = [];
    const done = (async () => {
      for await (const event of sample(settings, request(5, controller.signal))) {
        events.push(event);
        if (event.type === 'sample') setTimeout(() => controller.abort(), 20);
      }
    })();
    await within(3000, done);
    expect(events.filter((e) => e.type === 'sample')).toHaveLength(1);
    const cancelled = events.filter((e) => e.type === 'error');
    expect(cancelled).toHaveLength(4);
    for (const e of cancelled) expect(e.type === 'error' && e.error.kind).toBe('cancelled');
    expect(new Set(events.map((e) => e.index)).size).toBe(5);
    await waitFor(() => server.inFlight === 0);
  });

  it('abort while waiting out a Retry-After ends promptly (real clock)', async () => {
    server.addRule({ type: 'rate-limit', retryAfter: '20' });
    const controller = new AbortController();
    const settings = serverSettings(server, 'ollama', { apiKey: '' });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const outcome = await within(
      3000,
      collectSamples(sample(settings, request(2, controller.signal))),
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome.errors.map((e) => e.error.kind)).toEqual(['cancelled', 'cancelled']);
    expect(server.calls()).toBe(2);
  });

  it('abort while queued behind the concurrency cap', async () => {
    server.addRule({ type: 'hang' });
    const controller = new AbortController();
    const limiter = new ConcurrencyLimiter(1);
    const settings = serverSettings(server, 'ollama', { apiKey: '', timeoutMs: 60_000 });
    setTimeout(() => controller.abort(), 100);
    const outcome = await within(
      3000,
      collectSamples(sample(settings, request(3, controller.signal), { limiter })),
    );
    expect(outcome.errors).toHaveLength(3);
    expect(server.calls()).toBe(1);
    expect(limiter.inFlight).toBe(0);
  });

  it('an already-aborted signal: all cancelled, nothing sent', async () => {
    const outcome = await within(
      1000,
      collectSamples(sample(serverSettings(server, 'openai'), request(3, AbortSignal.abort()))),
    );
    expect(outcome.errors.map((e) => e.error.kind)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(server.calls()).toBe(0);
  });

  it('leaving the for-await loop early aborts the requests still running', async () => {
    server.failNext({ type: 'slow', delayMs: 0 });
    server.addRule({ type: 'hang' });
    const settings = serverSettings(server, 'ollama', { apiKey: '', timeoutMs: 60_000 });
    await within(
      3000,
      (async () => {
        for await (const event of sample(settings, request(4))) {
          if (event.type === 'sample') break;
        }
      })(),
    );
    await waitFor(() => server.calls() === 4);
    await waitFor(() => server.inFlight === 0);
    expect(server.inFlight).toBe(0);
  });
});

describe('bad requests', () => {
  const settings = () => serverSettings(server, 'openai');
  it.each([
    [{ n: 0 }, /number of samples must be a whole number from 1 to 64/],
    [{ n: 65 }, /from 1 to 64/],
    [{ n: 2.5 }, /whole number/],
    [{ temperature: 3 }, /temperature must be between 0 and 2/],
    [{ maxTokens: 0 }, /maximum answer length/],
    [{ turns: [] }, /conversation to sample is empty/],
  ])('%o is refused with a clear message', (patch, message) => {
    expect(() => sample(settings(), { ...request(2), ...patch })).toThrow(message);
  });

  it.each([
    [
      [
        { role: 'user', text: 'Hi' },
        { role: 'assistant', text: 'Hello' },
      ],
      "The conversation must end with the user's prompt.",
    ],
    [[{ role: 'user', text: '   ' }], 'The conversation to sample is empty.'],
    [[{ role: 'system', text: 'Be brief' }], 'A conversation turn has an unknown role "system".'],
  ])('the conversation %j is refused before any request', (turns, message) => {
    expect(() => sample(settings(), { ...request(1), turns: turns as never })).toThrow(message);
    expect(server.calls()).toBe(0);
  });
});
