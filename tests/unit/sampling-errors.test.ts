/**
 * Error data and presets: errors survive structured cloning as plain data, keys are redacted in
 * every shape servers echo them, HTTP replies map to the right kind and retryability, and the
 * presets carry what the scheduler and the options page need.
 */
import { describe, expect, it } from 'vitest';
import { SamplingError, redactSecrets, toSamplingErrorData } from '../../src/sampling/errors.ts';
import { errorFromHttpResponse } from '../../src/sampling/http-errors.ts';
import {
  PRESETS,
  isOllama,
  maxPerCallFor,
  originPatternFor,
  presetById,
  settingsFromPreset,
} from '../../src/shared/presets.ts';

describe('SamplingError', () => {
  it('crosses contexts as plain data', () => {
    const error = new SamplingError({
      kind: 'rate-limit',
      message: 'Slow down.',
      status: 429,
      retryable: true,
      retryAfterMs: 7000,
    });
    const data = structuredClone(error.toData());
    expect(data).toEqual({
      kind: 'rate-limit',
      message: 'Slow down.',
      status: 429,
      retryable: true,
      retryAfterMs: 7000,
    });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });

  it('unknown exceptions become malformed, redacted', () => {
    const data = toSamplingErrorData(new Error('boom with sk-abcdef1234567890'), []);
    expect(data.kind).toBe('malformed');
    expect(data.message).not.toContain('sk-abcdef');
  });
});

describe('redactSecrets', () => {
  it.each([
    ['Incorrect API key provided: sk-proj-****************abcd.', 'sk-proj'],
    ['Authorization: Bearer gsk_live_0123456789', 'gsk_live'],
    ['x-api-key: my-custom-anthropic-key', 'my-custom'],
    ['GET https://host/v1beta/models/x?key=AIzaSyA-1234567890abcdef&alt=json', 'AIzaSyA'],
    ['key AIzaSyA-1234567890abcdefghijk leaked', 'AIzaSyA'],
  ])('removes the key from %j', (text, secretPart) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secretPart);
    expect(out).toContain('[redacted]');
  });

  it('removes a given secret wherever it appears, but leaves short non-secrets alone', () => {
    expect(redactSecrets('key=abc123XYZ and abc123XYZ', ['abc123XYZ'])).toBe(
      'key=[redacted] and [redacted]',
    );
    expect(redactSecrets('an ordinary x sentence', ['x'])).toBe('an ordinary x sentence');
  });
});

describe('errorFromHttpResponse', () => {
  const ctx = {
    kind: 'openai' as const,
    presetId: 'openai',
    baseUrl: 'https://api.openai.com/v1',
    model: 'gpt-4o-mini',
    apiKey: 'sk-live-secret-123456',
  };
  const json = (body: unknown) => JSON.stringify(body);

  it('insufficient quota (429) is not retryable', () => {
    const error = errorFromHttpResponse(
      429,
      new Headers(),
      json({ error: { message: 'You exceeded your current quota', code: 'insufficient_quota' } }),
      ctx,
      0,
    );
    expect(error).toMatchObject({ kind: 'rate-limit', retryable: false });
    expect(error.message).toMatch(/run out of credit/);
  });

  it('retry-after-ms wins over retry-after', () => {
    const headers = new Headers({ 'retry-after': '2', 'retry-after-ms': '1500' });
    expect(errorFromHttpResponse(429, headers, '', ctx, 0).retryAfterMs).toBe(1500);
  });

  it('Anthropic 529 and 503 are retryable "overloaded"', () => {
    const anthropic = { ...ctx, kind: 'anthropic' as const, presetId: 'anthropic' };
    for (const status of [529, 503]) {
      const error = errorFromHttpResponse(
        status,
        new Headers(),
        json({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
        anthropic,
        0,
      );
      expect(error).toMatchObject({ kind: 'server', retryable: true });
      expect(error.message).toContain('overloaded');
    }
  });

  it('400, 401, 403, 404 are never retryable', () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(errorFromHttpResponse(status, new Headers(), '{}', ctx, 0).retryable).toBe(false);
    }
  });

  it.each([
    ['Groq', 400, { error: { message: "'n' : number must be at most 1", param: null } }],
    ['OpenAI param', 400, { error: { message: 'Unsupported value.', param: 'n' } }],
    ['OpenAI wording', 400, { error: { message: "Invalid 'n': integer above maximum value." } }],
    ['llama.cpp', 400, { error: { message: 'Only one completion choice is allowed' } }],
    ['Gemini', 400, { error: { message: 'Multiple candidates is not enabled for models/x' } }],
    ['Gemini field', 400, { error: { message: 'candidateCount must be 1 for this model' } }],
    ['vLLM 422', 422, { detail: [{ loc: ['body', 'n'], msg: 'must be at most 1' }] }],
  ])(
    'a 400 refusing several samples per request (%s) asks for single requests',
    (_, status, body) => {
      const error = errorFromHttpResponse(status, new Headers(), json(body), ctx, 0);
      expect(error).toMatchObject({ kind: 'bad-request', retryable: false, refusesBatching: true });
    },
  );

  it.each([
    ["Invalid value for 'temperature': must be at most 2."],
    ["This model's maximum context length is 8192 tokens."],
    ['Unexpected token \\n in message body'],
    ["Don't send an empty prompt."],
    ['Invalid schema for function: one choice of type is required'],
  ])('any other 400 is not about batching: %j', (message) => {
    const error = errorFromHttpResponse(400, new Headers(), json({ error: { message } }), ctx, 0);
    expect(error.refusesBatching).toBe(false);
    expect(error.message).toMatch(/^The server rejected the request \(400\)/);
  });

  it('an HTML error page is not shown as detail', () => {
    const error = errorFromHttpResponse(
      502,
      new Headers(),
      '<html><body>Bad gateway</body></html>',
      ctx,
      0,
    );
    expect(error.detail).toBeUndefined();
    expect(error.retryable).toBe(true);
  });

  it('a missing key is named as such', () => {
    const error = errorFromHttpResponse(401, new Headers(), '{}', { ...ctx, apiKey: '' }, 0);
    expect(error.message).toMatch(/^No API key is set/);
  });

  it('the key is redacted from the server’s detail', () => {
    const error = errorFromHttpResponse(
      400,
      new Headers(),
      json({ error: { message: `bad request for key ${ctx.apiKey}` } }),
      ctx,
      0,
    );
    expect(error.detail).not.toContain(ctx.apiKey);
    expect(error.message).not.toContain(ctx.apiKey);
  });
});

describe('presets', () => {
  it('have unique ids and each local server’s usual base URL', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(presetById('ollama')?.baseUrl).toBe('http://localhost:11434/v1');
    expect(presetById('lmstudio')?.baseUrl).toBe('http://localhost:1234/v1');
    expect(presetById('ollama')?.needsKey).toBe(false);
  });

  it('batch only where n is honoured', () => {
    expect(presetById('openai')?.maxPerCall).toBeGreaterThan(1);
    for (const id of [
      'groq',
      'openrouter',
      'ollama',
      'lmstudio',
      'llamacpp',
      'anthropic',
      'chrome-builtin',
    ]) {
      expect(presetById(id)?.maxPerCall).toBe(1);
    }
    expect(maxPerCallFor({ presetId: 'custom', kind: 'openai' })).toBe(1);
  });

  it('build settings and host permissions', () => {
    const settings = settingsFromPreset('groq', { apiKey: 'k' });
    expect(settings).toMatchObject({
      kind: 'openai',
      presetId: 'groq',
      baseUrl: 'https://api.groq.com/openai/v1',
      apiKey: 'k',
    });
    expect(() => settingsFromPreset('nope')).toThrow(/Unknown backend preset "nope"/);
    expect(originPatternFor('https://api.groq.com/openai/v1')).toBe('https://api.groq.com/*');
    expect(originPatternFor('http://localhost:11434/v1')).toBe('http://localhost/*');
  });

  it('recognise Ollama by preset or port', () => {
    expect(isOllama({ presetId: 'custom', baseUrl: 'http://192.168.1.5:11434/v1' })).toBe(true);
    expect(isOllama({ presetId: 'lmstudio', baseUrl: 'http://localhost:1234/v1' })).toBe(false);
  });
});
