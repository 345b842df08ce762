/**
 * The fault-injecting test server itself, since the browser tests reuse it: answers picked by
 * prompt keyword, fixed latency, fault queue order and per-format rules, CORS preflight, a prompt
 * stop() even with a reply hanging, and the standalone mode printing its URL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordedPassages, startLlmServer } from '../helpers/llm-server.ts';
import { within, useLlmServer } from './sampling-kit.ts';

const server = useLlmServer();

function chat(prompt: string, path = '/v1/chat/completions'): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: prompt }] }),
  });
}

function anthropic(prompt: string): Promise<Response> {
  return fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'c',
      max_tokens: 5,
      messages: [{ role: 'user', content: prompt }],
    }),
  });
}

describe('llm-server', { timeout: 15_000 }, () => {
  it('answers with the recorded passage whose keyword the prompt names', async () => {
    const reply = (await (await chat('Tell me about DARTH VADER')).json()) as {
      choices: { message: { content: string } }[];
    };
    const vader = recordedPassages.find((p) => p.person === 'darth-vader');
    expect(reply.choices[0]?.message.content).toBe(vader?.samples[0]);
    const gun = (await (await chat('What age for a BB Gun?')).json()) as {
      choices: { message: { content: string } }[];
    };
    const bbGun = recordedPassages.find((p) => p.person === 'bb-gun-age');
    expect(gun.choices[0]?.message.content).toBe(bbGun?.samples[0]);
    const other = (await (await chat('What is the capital of France?')).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(other.choices[0]?.message.content).toMatch(/no recorded answer/);
  });

  it('cuts answers at max tokens, counting words', async () => {
    const reply = (await (
      await anthropic('Was there ever an Arizona senator from MIT?')
    ).json()) as {
      content: { text: string }[];
      stop_reason: string;
    };
    expect(reply.content[0]?.text.split(' ')).toHaveLength(5);
    expect(reply.stop_reason).toBe('max_tokens');
  });

  it('waits the fixed latency before replying', async () => {
    server.delayMs = 150;
    const started = Date.now();
    await (await chat('Arizona senator from MIT')).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('applies queued faults in order, then answers normally', async () => {
    server.failNext({ type: 'server-error', status: 502 }, { type: 'rate-limit', retryAfter: '3' });
    const first = await chat('Arizona senator from MIT');
    const second = await chat('Arizona senator from MIT');
    const third = await chat('Arizona senator from MIT');
    expect([first.status, second.status, third.status]).toEqual([502, 429, 200]);
    expect(second.headers.get('retry-after')).toBe('3');
    expect(server.requests.map((r) => r.fault)).toEqual(['server-error', 'rate-limit', null]);
  });

  it('limits a rule to its format and to its count', async () => {
    server.addRule({ type: 'overloaded' }, { format: 'anthropic' }, 2);
    expect((await chat('Arizona senator from MIT')).status).toBe(200);
    expect((await anthropic('Arizona senator from MIT')).status).toBe(529);
    expect((await anthropic('Arizona senator from MIT')).status).toBe(529);
    expect((await anthropic('Arizona senator from MIT')).status).toBe(200);
    expect(server.calls('anthropic')).toBe(3);
    expect(server.calls('openai')).toBe(1);
  });

  it('answers CORS preflights and unknown paths', async () => {
    const preflight = await fetch(`${server.url}/v1/chat/completions`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const unknown = await chat('x', '/v2/other');
    expect(unknown.status).toBe(404);
    expect(server.requests.at(-1)?.format).toBeNull();
  });

  it('stops promptly with a reply still hanging', async () => {
    const own = await startLlmServer();
    own.addRule({ type: 'hang' });
    const pending = fetch(`${own.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    }).catch((error: unknown) => error);
    while (own.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    await within(2000, own.stop());
    expect(await within(2000, pending)).toBeInstanceOf(Error);
  });

  it('runs standalone and prints its URL', async () => {
    const script = fileURLToPath(new URL('../helpers/llm-server.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, '--port', '0', '--n', 'ignore'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await within(
        10_000,
        new Promise<string>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
            if (line?.[1]) resolve(line[1]);
          });
          child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
        }),
      );
      const reply = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({
          model: 'm',
          n: 3,
          messages: [{ role: 'user', content: 'Arizona senator from MIT' }],
        }),
      });
      const body = (await reply.json()) as { choices: unknown[] };
      expect(body.choices).toHaveLength(1); // --n ignore
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await within(5000, exited);
    }
  });
});
