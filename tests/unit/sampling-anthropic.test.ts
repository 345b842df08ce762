/**
 * The Anthropic Messages backend over real sockets: its three required headers, one request per
 * sample, the body shape (max_tokens, temperature within 0..1, user-first messages), usage, and
 * 529 "overloaded" retried while 401 is not.
 */
import { describe, expect, it } from 'vitest';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import type { SamplingRequest } from '../../src/sampling/types.ts';
import {
  TEST_KEY,
  VADER,
  fakeClock,
  recordedSamples,
  serverSettings,
  within,
  useLlmServer,
} from './sampling-kit.ts';

const server = useLlmServer();

function request(n: number, temperature = 1): SamplingRequest {
  return { turns: VADER, n, temperature, maxTokens: 300, signal: new AbortController().signal };
}

describe('Anthropic Messages', { timeout: 10_000 }, () => {
  it('sends x-api-key, anthropic-version and the direct-browser-access header on every request', async () => {
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'anthropic'), request(3))),
    );
    expect(outcome.errors).toEqual([]);
    expect(server.calls('anthropic')).toBe(3);
    for (const r of server.requests) {
      expect(r.path).toBe('/v1/messages');
      expect(r.headers['x-api-key']).toBe(TEST_KEY);
      expect(r.headers['anthropic-version']).toBe('2023-06-01');
      expect(r.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
      expect(r.headers.authorization).toBeUndefined();
      expect(r.body).toMatchObject({
        model: 'claude-3-5-haiku-latest',
        max_tokens: 300,
        messages: [{ role: 'user', content: VADER[0]?.text }],
      });
    }
    const vader = recordedSamples('darth-vader');
    expect(outcome.samples.map((s) => s.text).sort()).toEqual(vader.slice(0, 3).sort());
  });

  it('reports usage per sample, with a computed total', async () => {
    const outcome = await collectSamples(sample(serverSettings(server, 'anthropic'), request(2)));
    for (const s of outcome.samples) {
      const words = s.text.trim().split(/\s+/).length;
      expect(s.usage).toEqual({ inputTokens: 8, outputTokens: words, totalTokens: 8 + words });
    }
  });

  it('clamps temperature to Anthropic’s 0..1 and drops a leading assistant greeting', async () => {
    const turns = [
      { role: 'assistant' as const, text: 'Hi, I am your assistant.' },
      { role: 'user' as const, text: 'Who developed total quality management?' },
    ];
    await collectSamples(
      sample(serverSettings(server, 'anthropic'), { ...request(1, 1.6), turns }),
    );
    expect(server.requests[0]?.body).toMatchObject({
      temperature: 1,
      messages: [{ role: 'user', content: 'Who developed total quality management?' }],
    });
  });

  it('accepts a base URL pasted with its /v1', async () => {
    await collectSamples(
      sample(serverSettings(server, 'anthropic', { baseUrl: `${server.url}/v1/` }), request(1)),
    );
    expect(server.requests[0]?.path).toBe('/v1/messages');
  });

  it('retries 529 overloaded and succeeds', async () => {
    server.failNext({ type: 'overloaded' }, { type: 'overloaded' });
    const clock = fakeClock();
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'anthropic'), request(1), { clock })),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(1);
    expect(server.calls()).toBe(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it('401 is not retried and says to check the key', async () => {
    server.addRule({ type: 'auth' });
    const clock = fakeClock();
    const outcome = await collectSamples(
      sample(serverSettings(server, 'anthropic'), request(1), { clock }),
    );
    expect(server.calls()).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(outcome.errors[0]?.error.detail).toBeUndefined();
  });

  it('a reply without content is reported as malformed', async () => {
    server.failNext({ type: 'missing-choices' });
    const outcome = await collectSamples(sample(serverSettings(server, 'anthropic'), request(1)));
    expect(outcome.errors[0]?.error.kind).toBe('malformed');
    expect(server.calls()).toBe(1);
  });
});
