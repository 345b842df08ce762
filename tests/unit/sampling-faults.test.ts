/**
 * Every fault the test server can inject, against the OpenAI-compatible backend over real
 * sockets, with the outcome asserted: retried and then succeeded, or a clear error — and each
 * run bounded, so a hang fails the test instead of stalling it. Backoff waits go through a fake
 * clock (recorded, not slept); timeouts are real and short.
 */
import { describe, expect, it } from 'vitest';
import { collectSamples, sample, type SampleOptions } from '../../src/sampling/sampler.ts';
import type { BackendSettings, SamplingRequest } from '../../src/sampling/types.ts';
import { startLlmServer } from '../helpers/llm-server.ts';
import { ARIZONA, fakeClock, serverSettings, within, useLlmServer } from './sampling-kit.ts';

const server = useLlmServer();

function request(n = 1): SamplingRequest {
  return {
    turns: ARIZONA,
    n,
    temperature: 1,
    maxTokens: 200,
    signal: new AbortController().signal,
  };
}

function run(settings: BackendSettings, n = 1, options: SampleOptions = {}) {
  return within(8000, collectSamples(sample(settings, request(n), options)));
}

const ollama = (overrides: Partial<BackendSettings> = {}) =>
  serverSettings(server, 'ollama', { apiKey: '', ...overrides });

describe('faults that are retried and then succeed', { timeout: 10_000 }, () => {
  it('429 with Retry-After in seconds: waits that long, then succeeds', async () => {
    server.failNext({ type: 'rate-limit', retryAfter: '2' });
    const clock = fakeClock();
    const outcome = await run(ollama(), 1, { clock, random: () => 0 });
    expect(outcome.samples).toHaveLength(1);
    expect(clock.sleeps).toEqual([2000]);
    expect(server.requests.map((r) => r.fault)).toEqual(['rate-limit', null]);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const clock = fakeClock(Date.parse('2026-11-28T12:00:00Z'));
    server.failNext({ type: 'rate-limit', retryAfter: 'Sat, 28 Nov 2026 12:00:05 GMT' });
    const outcome = await run(ollama(), 1, { clock, random: () => 0 });
    expect(outcome.samples).toHaveLength(1);
    expect(clock.sleeps).toEqual([5000]);
  });

  it('429 without Retry-After: exponential backoff', async () => {
    server.failNext({ type: 'rate-limit' }, { type: 'rate-limit' });
    const clock = fakeClock();
    const outcome = await run(ollama(), 1, { clock, random: () => 1 });
    expect(outcome.samples).toHaveLength(1);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  for (const status of [500, 502, 503, 504] as const) {
    it(`${status}: retried`, async () => {
      server.failNext({ type: 'server-error', status });
      const clock = fakeClock();
      const outcome = await run(ollama(), 1, { clock });
      expect(outcome.errors).toEqual([]);
      expect(outcome.samples).toHaveLength(1);
      expect(server.calls()).toBe(2);
    });
  }

  it('a reply cut off halfway: retried', async () => {
    server.failNext({ type: 'cut-off' });
    const outcome = await run(ollama(), 1, { clock: fakeClock() });
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(1);
    expect(server.requests.map((r) => r.fault)).toEqual(['cut-off', null]);
  });

  it('a reset connection: retried', async () => {
    server.failNext({ type: 'reset' });
    const clock = fakeClock();
    const outcome = await run(ollama(), 1, { clock });
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(1);
    expect(server.calls()).toBe(2);
  });

  it('only the failed request of a parallel run is retried', async () => {
    server.failNext({ type: 'server-error', status: 503 });
    const outcome = await run(ollama(), 4, { clock: fakeClock() });
    expect(outcome.samples).toHaveLength(4);
    expect(server.calls()).toBe(5);
  });
});

describe('faults that end in a clear error', { timeout: 10_000 }, () => {
  it('a connection that keeps resetting: network error after the attempt cap', async () => {
    server.addRule({ type: 'reset' });
    const outcome = await run(ollama(), 1, { clock: fakeClock() });
    expect(server.calls()).toBe(4);
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'network', retryable: true });
    // The server took the connection: it is running, so the message must not ask whether it is.
    expect(outcome.errors[0]?.error.message).toMatch(
      /^The connection to 127\.0\.0\.1:\d+ was closed before any reply came\./,
    );
    expect(outcome.errors[0]?.error.message).not.toMatch(/Could not reach|running/);
  });

  it('a reply that keeps breaking off halfway: says the reply was cut short, not that the server is unreachable', async () => {
    server.addRule({ type: 'cut-off' });
    const outcome = await run(ollama(), 1, { clock: fakeClock() });
    expect(server.calls()).toBe(4);
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'network', retryable: true });
    expect(outcome.errors[0]?.error.message).toMatch(
      /^127\.0\.0\.1:\d+ started to reply, but the connection broke before the reply was complete\./,
    );
    expect(outcome.errors[0]?.error.message).not.toMatch(/Could not reach|running/);
  });

  it('a server that is not running: network error asking whether it is', async () => {
    const gone = await startLlmServer();
    const url = gone.url;
    await gone.stop();
    const outcome = await run(ollama({ baseUrl: `${url}/v1` }), 1, { clock: fakeClock() });
    expect(outcome.errors[0]?.error.kind).toBe('network');
    expect(outcome.errors[0]?.error.message).toMatch(
      /^Could not reach 127\.0\.0\.1:\d+\. Is the local server running\?/,
    );
  });

  it('persistent 500: server error after the attempt cap', async () => {
    server.addRule({ type: 'server-error', status: 500 });
    const outcome = await run(ollama(), 1, { clock: fakeClock() });
    expect(server.calls()).toBe(4);
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'server', status: 500 });
    expect(outcome.errors[0]?.error.detail).toContain(
      'The server had an error while processing your request',
    );
  });

  it('429 asking for longer than the wait budget: gives up at once', async () => {
    server.addRule({ type: 'rate-limit', retryAfter: '3600' });
    const clock = fakeClock();
    const outcome = await run(ollama(), 1, { clock });
    expect(server.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(outcome.errors[0]?.error).toMatchObject({
      kind: 'rate-limit',
      status: 429,
      retryAfterMs: 3_600_000,
    });
    expect(outcome.errors[0]?.error.message).toMatch(/limiting the request rate/);
  });

  it('malformed JSON: not retried, says the reply was not in the expected format', async () => {
    server.failNext({ type: 'malformed-json' });
    const outcome = await run(ollama());
    expect(server.calls()).toBe(1);
    expect(outcome.errors[0]?.error.kind).toBe('malformed');
    expect(outcome.errors[0]?.error.message).toMatch(/not in the expected format \(not JSON\)/);
  });

  it('JSON without choices: malformed', async () => {
    server.failNext({ type: 'missing-choices' });
    const outcome = await run(ollama());
    expect(outcome.errors[0]?.error.kind).toBe('malformed');
    expect(outcome.errors[0]?.error.message).toContain('no "choices"');
  });

  it('a reply slower than the timeout: timeout error, promptly', async () => {
    server.failNext({ type: 'slow', delayMs: 3000 });
    const started = Date.now();
    const outcome = await run(ollama({ timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(2500);
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'timeout', retryable: false });
    // It names the options field that exists to change this.
    expect(outcome.errors[0]?.error.message).toBe(
      "No reply within 0.3 s. The model may be slow or overloaded; to wait longer, raise “Wait for a reply (seconds)” in Crosscheck's options.",
    );
  });

  it('a reply that never comes: timeout, and the connection is closed', async () => {
    server.failNext({ type: 'hang' });
    const outcome = await run(ollama({ timeoutMs: 300 }));
    expect(outcome.errors[0]?.error.kind).toBe('timeout');
    await within(
      2000,
      (async () => {
        while (server.inFlight > 0) await new Promise((r) => setTimeout(r, 10));
      })(),
    );
    expect(server.inFlight).toBe(0);
  });
});
