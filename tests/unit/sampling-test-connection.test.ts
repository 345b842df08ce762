/**
 * The options page's "Test connection" over real sockets: one tiny request, no retries, and the
 * exact failure — rejected key, unknown model, Ollama's 403 with the OLLAMA_ORIGINS fix, a
 * server that is down or too slow — with the key never in the result.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OLLAMA_ORIGINS_SETTING } from '../../src/shared/presets.ts';
import { testConnection } from '../../src/sampling/test-connection.ts';
import { type LlmServer, startLlmServer } from '../helpers/llm-server.ts';
import { TEST_KEY, serverSettings, within } from './sampling-kit.ts';

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({
    apiKey: TEST_KEY,
    models: ['gpt-4o-mini', 'claude-3-5-haiku-latest', 'gemini-2.0-flash', 'llama3.2'],
  });
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  server.clearFaults();
  server.resetStats();
});

describe('testConnection', { timeout: 10_000 }, () => {
  it.each(['openai', 'anthropic', 'gemini'])(
    '%s: ok with the model name and latency, from a 1-token request',
    async (preset) => {
      const result = await within(5000, testConnection(serverSettings(server, preset)));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.model).toBe(serverSettings(server, preset).model);
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.reply.split(/\s+/)).toHaveLength(1);
      expect(server.calls()).toBe(1);
    },
  );

  it('a wrong key: auth error, one request, no key in the result', async () => {
    const result = await testConnection(
      serverSettings(server, 'openai', { apiKey: 'sk-wrong-key-9876543210' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(JSON.stringify(result)).not.toContain('sk-wrong');
    expect(server.calls()).toBe(1);
  });

  it('Gemini wrong key: auth error although Gemini answers 400', async () => {
    const result = await testConnection(
      serverSettings(server, 'gemini', { apiKey: 'AIzaWRONGWRONGWRONGWRONG' }),
    );
    expect(!result.ok && result.error.kind).toBe('auth');
  });

  it('an unknown model: not-found naming the model', async () => {
    const result = await testConnection(serverSettings(server, 'anthropic', { model: 'claude-9' }));
    expect(!result.ok && result.error.kind).toBe('not-found');
    expect(!result.ok && result.error.message).toContain('"claude-9"');
  });

  it("Ollama's 403: the OLLAMA_ORIGINS fix", async () => {
    server.addRule({ type: 'forbidden', ollama: true });
    const result = await testConnection(serverSettings(server, 'ollama', { apiKey: TEST_KEY }));
    expect(!result.ok && result.error.kind).toBe('forbidden');
    expect(!result.ok && result.error.message).toContain(OLLAMA_ORIGINS_SETTING);
  });

  it('a 503 is reported as is, not retried', async () => {
    server.addRule({ type: 'server-error', status: 503 });
    const result = await testConnection(serverSettings(server, 'openai'));
    expect(!result.ok && result.error.kind).toBe('server');
    expect(server.calls()).toBe(1);
  });

  it('a server that is down: network error', async () => {
    const gone = await startLlmServer();
    await gone.stop();
    const result = await within(
      5000,
      testConnection(serverSettings(server, 'openai', { baseUrl: `${gone.url}/v1` })),
    );
    expect(!result.ok && result.error.kind).toBe('network');
  });

  it('a server that never answers: timeout within the bound', async () => {
    server.addRule({ type: 'hang' });
    const result = await within(
      3000,
      testConnection(serverSettings(server, 'openai'), { timeoutMs: 200 }),
    );
    expect(!result.ok && result.error.kind).toBe('timeout');
  });

  it('cancelled by the caller', async () => {
    server.addRule({ type: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await within(
      3000,
      testConnection(serverSettings(server, 'openai'), { signal: controller.signal }),
    );
    expect(!result.ok && result.error.kind).toBe('cancelled');
  });

  it('missing key: reported without a request', async () => {
    const result = await testConnection(serverSettings(server, 'anthropic', { apiKey: '' }));
    expect(!result.ok && result.error.kind).toBe('auth');
    expect(server.calls()).toBe(0);
  });
});
