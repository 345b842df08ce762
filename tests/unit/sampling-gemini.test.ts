/**
 * The Gemini backend over real sockets: key in the x-goog-api-key header (never the URL),
 * candidateCount for several samples, roles mapped to user/model, usage, RetryInfo's retryDelay
 * honoured on 429, and a wrong key (which Gemini reports as 400 API_KEY_INVALID) shown as a key
 * problem.
 */
import { describe, expect, it } from 'vitest';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import type { SamplingRequest } from '../../src/sampling/types.ts';
import {
  ARIZONA,
  TEST_KEY,
  fakeClock,
  recordedSamples,
  serverSettings,
  within,
  useLlmServer,
} from './sampling-kit.ts';

const server = useLlmServer();

function request(n: number): SamplingRequest {
  return {
    turns: ARIZONA,
    n,
    temperature: 0.9,
    maxTokens: 500,
    signal: new AbortController().signal,
  };
}

describe('Gemini generateContent', { timeout: 10_000 }, () => {
  it('asks once with candidateCount and the key in x-goog-api-key', async () => {
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'gemini'), request(4))),
    );
    expect(outcome.errors).toEqual([]);
    expect(server.calls()).toBe(1);
    const sent = server.requests[0];
    expect(sent?.path).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
    expect(sent?.headers['x-goog-api-key']).toBe(TEST_KEY);
    expect(sent?.path).not.toContain('key=');
    expect(sent?.n).toBe(4);
    expect(sent?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: ARIZONA[0]?.text }] }],
      generationConfig: { temperature: 0.9, maxOutputTokens: 500, candidateCount: 4 },
    });
    expect(outcome.samples.map((s) => s.text)).toEqual(
      recordedSamples('arizona-senator-mit').slice(0, 4),
    );
    expect(outcome.samples[0]?.usage?.inputTokens).toBe(18);
    expect(outcome.samples[1]?.usage).toBeUndefined();
  });

  it('maps assistant turns to the "model" role', async () => {
    const turns = [
      { role: 'user' as const, text: 'Hi' },
      { role: 'assistant' as const, text: 'Hello!' },
      { role: 'user' as const, text: 'Was there ever a senator from Arizona who went to MIT?' },
    ];
    await collectSamples(sample(serverSettings(server, 'gemini'), { ...request(1), turns }));
    const body = server.requests[0]?.body as {
      contents: { role: string }[];
      generationConfig: object;
    };
    expect(body.contents.map((c) => c.role)).toEqual(['user', 'model', 'user']);
    expect(body.generationConfig).not.toHaveProperty('candidateCount');
  });

  it('honours RetryInfo.retryDelay on 429 and then succeeds', async () => {
    server.failNext({ type: 'gemini-rate-limit', retryDelay: '7s' });
    const clock = fakeClock();
    const outcome = await within(
      5000,
      collectSamples(
        sample(serverSettings(server, 'gemini'), request(2), { clock, random: () => 0 }),
      ),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(2);
    expect(clock.sleeps).toEqual([7000]);
    expect(server.calls()).toBe(2);
  });

  it('asks one candidate at a time when the model refuses candidateCount', async () => {
    server.failNext({
      type: 'status',
      status: 400,
      body: JSON.stringify({
        error: {
          code: 400,
          message: 'Multiple candidates is not enabled for models/gemini-2.5-flash',
          status: 'INVALID_ARGUMENT',
        },
      }),
    });
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'gemini'), request(3))),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(3);
    expect(server.requests.map((r) => r.n).sort()).toEqual([1, 1, 1, 3]);
  });

  it('fetches missing candidates one by one when fewer come back', async () => {
    server.failNext({ type: 'ignore-n' });
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'gemini'), request(3))),
    );
    expect(outcome.samples).toHaveLength(3);
    expect(server.requests.map((r) => r.n).sort()).toEqual([1, 1, 3]);
  });

  it('a wrong key (400 API_KEY_INVALID) is reported as a key problem, not retried', async () => {
    server.addRule({ type: 'auth' });
    const outcome = await collectSamples(sample(serverSettings(server, 'gemini'), request(2)));
    // Recognised as a key problem, so no fallback to single requests either: one call.
    expect(server.calls()).toBe(1);
    expect(outcome.errors).toHaveLength(2);
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'auth', status: 400, retryable: false });
    expect(outcome.errors[0]?.error.message).toContain('API key was rejected');
  });

  it('accepts a base URL pasted with its /v1beta', async () => {
    await collectSamples(
      sample(serverSettings(server, 'gemini', { baseUrl: `${server.url}/v1beta` }), request(1)),
    );
    expect(server.requests[0]?.path).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
  });

  it('404 for an unknown model', async () => {
    server.addRule({ type: 'not-found' });
    const outcome = await collectSamples(
      sample(serverSettings(server, 'gemini', { model: 'models/gemini-0' }), request(1)),
    );
    expect(server.requests[0]?.path).toBe('/v1beta/models/gemini-0:generateContent');
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'not-found', status: 404 });
  });
});
