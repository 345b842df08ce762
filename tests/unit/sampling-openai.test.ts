/**
 * The OpenAI-compatible backend over real sockets against the test server: what goes on the wire
 * (Bearer key, messages, n, the max-tokens field), `n` honoured, ignored and rejected, usage, and
 * the error messages users see for a bad key, a missing model and Ollama's 403.
 */
import { describe, expect, it } from 'vitest';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import { OLLAMA_ORIGINS_SETTING } from '../../src/shared/presets.ts';
import type { SamplingRequest } from '../../src/sampling/types.ts';
import {
  ARIZONA,
  TEST_KEY,
  VADER,
  recordedSamples,
  serverSettings,
  within,
  useLlmServer,
} from './sampling-kit.ts';

const server = useLlmServer();

const vader = recordedSamples('darth-vader');
const arizona = recordedSamples('arizona-senator-mit');

function request(n: number, turns = VADER): SamplingRequest {
  return { turns, n, temperature: 1, maxTokens: 400, signal: new AbortController().signal };
}

describe('OpenAI chat completions', { timeout: 10_000 }, () => {
  it('asks once with n when the preset honours it, and returns the recorded answers in order', async () => {
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'openai'), request(4))),
    );
    expect(server.calls()).toBe(1);
    const [sent] = server.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.n).toBe(4);
    expect(sent?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: VADER[0]?.text }],
      temperature: 1,
      max_completion_tokens: 400,
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples.map((s) => s.text)).toEqual(vader.slice(0, 4));
    expect(outcome.samples.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it('reports usage once per call, so the sum is the call total', async () => {
    const outcome = await collectSamples(
      sample(serverSettings(server, 'openai'), request(3, ARIZONA)),
    );
    const withUsage = outcome.samples.filter((s) => s.usage);
    expect(withUsage).toHaveLength(1);
    const usage = withUsage[0]?.usage;
    const words = outcome.samples.reduce((sum, s) => sum + s.text.trim().split(/\s+/).length, 0);
    expect(usage?.outputTokens).toBe(words);
    expect(usage?.inputTokens).toBe(18); // the 18 words of the Arizona question
    expect(usage?.totalTokens).toBe(words + 18);
    expect(outcome.samples[0]?.model).toBe('gpt-4o-mini');
  });

  it('asks for the rest as single requests when the server ignores n', async () => {
    server.nMode = 'ignore';
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'openai'), request(4))),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(4);
    expect(new Set(outcome.samples.map((s) => s.text)).size).toBe(4);
    expect(server.requests.map((r) => r.n).sort()).toEqual([1, 1, 1, 4]);
  });

  it('remembers a server that ignored n and sends singles straight away next time', async () => {
    server.nMode = 'ignore';
    const settings = serverSettings(server, 'openai');
    await within(5000, collectSamples(sample(settings, request(3))));
    server.resetStats();
    const outcome = await within(5000, collectSamples(sample(settings, request(3))));
    expect(outcome.samples).toHaveLength(3);
    expect(server.requests.map((r) => r.n)).toEqual([1, 1, 1]);
    // Another model on the same server is not assumed to behave the same.
    server.resetStats();
    await collectSamples(sample(serverSettings(server, 'openai', { model: 'gpt-4o' }), request(2)));
    expect(server.requests[0]?.n).toBe(2);
  });

  it('falls back to single requests when the server rejects n > 1 (Groq-style 400)', async () => {
    server.nMode = 'reject';
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'openai'), request(3))),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.samples).toHaveLength(3);
    expect(server.requests.map((r) => r.n).sort()).toEqual([1, 1, 1, 3]);
  });

  it('remembers a server that refused n and sends singles straight away next time', async () => {
    server.nMode = 'reject';
    const settings = serverSettings(server, 'openai');
    await within(5000, collectSamples(sample(settings, request(3))));
    server.resetStats();
    const outcome = await within(5000, collectSamples(sample(settings, request(3))));
    expect(outcome.samples).toHaveLength(3);
    expect(server.requests.map((r) => r.n)).toEqual([1, 1, 1]);
  });

  it('a 400 about something else on a batched request: one request, one clear error, batching kept', async () => {
    const settings = serverSettings(server, 'openai');
    server.failNext({
      type: 'status',
      status: 400,
      body: JSON.stringify({
        error: {
          message:
            "Invalid 'messages[0].content': string too long. Expected a string with maximum length 1048576.",
          type: 'invalid_request_error',
          param: 'messages[0].content',
          code: 'string_above_max_length',
        },
      }),
    });
    const outcome = await within(5000, collectSamples(sample(settings, request(4))));
    expect(server.calls()).toBe(1);
    expect(outcome.samples).toEqual([]);
    expect(outcome.errors.map((e) => e.index)).toEqual([0, 1, 2, 3]);
    for (const { error } of outcome.errors) {
      expect(error).toMatchObject({ kind: 'bad-request', status: 400, retryable: false });
      expect(error.message).toMatch(/^The server rejected the request \(400\): Invalid 'messages/);
    }
    // Nothing was learned about n: the next run still asks for all samples in one request.
    server.resetStats();
    const next = await within(5000, collectSamples(sample(settings, request(4))));
    expect(next.samples).toHaveLength(4);
    expect(server.requests.map((r) => r.n)).toEqual([4]);
  });

  it('sends parallel single requests without n, and no Authorization, for Ollama', async () => {
    const settings = serverSettings(server, 'ollama', { apiKey: '' });
    const outcome = await within(5000, collectSamples(sample(settings, request(3, ARIZONA))));
    expect(outcome.samples.map((s) => s.text).sort()).toEqual(arizona.slice(0, 3).sort());
    expect(server.calls('openai')).toBe(3);
    for (const r of server.requests) {
      expect(r.headers.authorization).toBeUndefined();
      expect(r.body).not.toHaveProperty('n');
      expect(r.body).toHaveProperty('max_tokens', 400);
    }
  });

  it('sends prior turns as alternating messages, merging repeats', async () => {
    const turns = [
      { role: 'user' as const, text: 'Hello' },
      { role: 'assistant' as const, text: 'Hi! How can I help?' },
      { role: 'user' as const, text: 'Tell me about' },
      { role: 'user' as const, text: 'total quality management.' },
    ];
    await collectSamples(sample(serverSettings(server, 'openai'), request(1, turns)));
    expect((server.requests[0]?.body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi! How can I help?' },
      { role: 'user', content: 'Tell me about\n\ntotal quality management.' },
    ]);
  });
});

describe('OpenAI errors the user sees', { timeout: 10_000 }, () => {
  it('401: says the key was rejected, does not retry, and never shows the key', async () => {
    server.addRule({ type: 'auth' });
    const outcome = await within(
      5000,
      collectSamples(sample(serverSettings(server, 'openai'), request(2))),
    );
    expect(server.calls()).toBe(1);
    expect(outcome.errors).toHaveLength(2);
    const error = outcome.errors[0]?.error;
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(error?.message).toBe(
      "The API key was rejected (401). Check the key in Crosscheck's options.",
    );
    const everything = JSON.stringify(outcome);
    expect(everything).not.toContain(TEST_KEY);
    expect(everything).not.toContain(TEST_KEY.slice(0, 8)); // the server's masked echo "sk-test-********CRET"
    // The server's own words about a rejected key add nothing, and are where keys echo.
    expect(error?.detail).toBeUndefined();
  });

  it('403 from Ollama: explains OLLAMA_ORIGINS', async () => {
    server.addRule({ type: 'forbidden', ollama: true });
    const outcome = await collectSamples(
      sample(serverSettings(server, 'ollama', { apiKey: '' }), request(1)),
    );
    expect(outcome.errors[0]?.error.kind).toBe('forbidden');
    expect(outcome.errors[0]?.error.message).toContain(OLLAMA_ORIGINS_SETTING);
    expect(server.calls()).toBe(1);
  });

  it('403 from OpenAI: no access to the model', async () => {
    server.addRule({ type: 'forbidden' });
    const outcome = await collectSamples(sample(serverSettings(server, 'openai'), request(1)));
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(outcome.errors[0]?.error.message).toContain('"gpt-4o-mini"');
    expect(outcome.errors[0]?.error.detail).toContain('does not have access to model');
  });

  it('404: names the model and the base URL', async () => {
    const settings = serverSettings(server, 'openai', { model: 'gpt-nonexistent' });
    server.addRule({ type: 'not-found' });
    const outcome = await collectSamples(sample(settings, request(1)));
    expect(outcome.errors[0]?.error.kind).toBe('not-found');
    expect(outcome.errors[0]?.error.message).toContain('"gpt-nonexistent"');
    expect(outcome.errors[0]?.error.message).toContain(`${server.url}/v1`);
    expect(server.calls()).toBe(1);
  });

  it('404 with a base URL lacking /v1: says so', async () => {
    const outcome = await collectSamples(
      sample(serverSettings(server, 'ollama', { apiKey: '', baseUrl: server.url }), request(1)),
    );
    expect(server.requests[0]?.path).toBe('/chat/completions');
    expect(outcome.errors[0]?.error.kind).toBe('not-found');
    expect(outcome.errors[0]?.error.message).toContain('usually end in /v1');
  });

  it('a missing key fails before any request', async () => {
    expect(() => sample(serverSettings(server, 'openai', { apiKey: '' }), request(1))).toThrow(
      /No API key is set/,
    );
    expect(server.calls()).toBe(0);
  });

  it('a base URL that is not one gets a clear error', () => {
    expect(() =>
      sample(serverSettings(server, 'openai', { baseUrl: 'localhost 11434' }), request(1)),
    ).toThrow(/is not a valid address/);
  });
});
