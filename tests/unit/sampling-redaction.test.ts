/**
 * A key a server echoes back never reaches what the user sees or what is stored, in any of the
 * forms servers echo it: upper- or lower-cased, without its prefix, URL-encoded, hex, base64 (also
 * inside a longer encoded header), or a piece of it. Checked on the redaction itself and end to
 * end over real sockets, through sampling and the connection test.
 */
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/sampling/errors.ts';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import { echoForms } from '../../src/sampling/secret-echoes.ts';
import { testConnection } from '../../src/sampling/test-connection.ts';
import { ARIZONA, TEST_KEY, serverSettings, useLlmServer, within } from './sampling-kit.ts';

const KEY = 'sk-proj-Ab3dEf9hIj2LmN0pQr5TuV8xYz1Qw7Er';
/** A key with the characters URL- and base64-encoding change. */
const ODD_KEY = 'ak+Zx/9Qm=Lp2Rt+Wv/7Ns4Hd';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const hex = (text: string) => Buffer.from(text).toString('hex');

/** How servers and proxies have been seen to echo a key, each inside ordinary error text. */
function echoes(key: string): [string, string][] {
  const tail = key.replace(/^sk-proj-/, '');
  return [
    ['as is', `Incorrect API key provided: ${key}.`],
    ['upper-cased', `INVALID KEY ${key.toUpperCase()}`],
    ['lower-cased', `invalid key ${key.toLowerCase()}`],
    ['without its prefix', `key "${tail}" is not valid`],
    ['URL-encoded', `GET /v1/models?api_key=${encodeURIComponent(key)}&x=1 failed`],
    ['hex', `token 0x${hex(key)} rejected`],
    ['hex, upper-cased', `token ${hex(key).toUpperCase()} rejected`],
    ['base64', `credential ${b64(key)} unknown`],
    ['base64url', `credential ${b64url(key)} unknown`],
    ['base64 of a Basic header', `Authorization: Basic ${b64(`user:${key}`)}`],
    ['base64 of a Bearer header, one byte in', `hdr=${b64(`XBearer ${key}`)}`],
    ['a 12-character piece', `key ending ${key.slice(-12)} was revoked`],
    ['a piece from the middle', `fragment ...${key.slice(10, 24)}... seen`],
  ];
}

/** No form of `key` is left: not the key, not a 12-character piece of any of its encodings. */
function expectNoEcho(text: string, key: string): void {
  const folded = text.toLowerCase();
  for (const form of echoForms(key)) {
    const f = form.toLowerCase();
    for (let i = 0; i + 12 <= f.length; i++) expect(folded).not.toContain(f.slice(i, i + 12));
  }
  expect(folded).not.toContain(key.toLowerCase());
}

describe('redactSecrets finds echoed keys', () => {
  for (const key of [KEY, ODD_KEY]) {
    it.each(echoes(key))(`${key.slice(0, 4)}…: %s`, (_, text) => {
      const out = redactSecrets(text, [key]);
      expect(out).toContain('[redacted]');
      expectNoEcho(out, key);
    });
  }

  it('leaves the words around an echo, and ordinary text, as they were', () => {
    expect(
      redactSecrets(`Incorrect API key provided: ${KEY.toUpperCase()}. See docs.`, [KEY]),
    ).toBe('Incorrect API key provided: [redacted]. See docs.');
    const prose =
      "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens " +
      '(8000 in the messages, 1000 in the completion). Please reduce the length of the messages.';
    expect(redactSecrets(prose, [KEY, ODD_KEY, TEST_KEY])).toBe(prose);
  });

  it('does not treat a very short "key" (typed for a local server) as a secret', () => {
    expect(redactSecrets('an ordinary x sentence about ollama', ['x', 'ollama'])).toBe(
      'an ordinary x sentence about [redacted]',
    );
    expect(redactSecrets('an ordinary x sentence', ['x'])).toBe('an ordinary x sentence');
  });
});

describe('echoed keys never leave the sampling layer', { timeout: 15_000 }, () => {
  const server = useLlmServer();

  it.each(echoes(TEST_KEY))('in a sampling error: %s', async (_, text) => {
    server.failNext({
      type: 'status',
      status: 400,
      body: JSON.stringify({ error: { message: text, type: 'invalid_request_error' } }),
    });
    const settings = serverSettings(server, 'openai');
    const outcome = await within(
      5000,
      collectSamples(
        sample(settings, {
          turns: ARIZONA,
          n: 1,
          temperature: 1,
          maxTokens: 50,
          signal: new AbortController().signal,
        }),
      ),
    );
    expect(outcome.errors[0]?.error).toMatchObject({ kind: 'bad-request', status: 400 });
    // The server's words are still shown where they explain a rejected request, minus the key.
    expect(outcome.errors[0]?.error.detail).toContain('[redacted]');
    expectNoEcho(JSON.stringify(outcome), TEST_KEY);
  });

  it.each(echoes(TEST_KEY))('in a connection test: %s', async (_, text) => {
    server.failNext({ type: 'status', status: 500, body: text });
    const result = await testConnection(serverSettings(server, 'openai'));
    expect(result.ok).toBe(false);
    expectNoEcho(JSON.stringify(result), TEST_KEY);
  });
});
