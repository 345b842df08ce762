/**
 * The demo's replay backend over a real socket on 127.0.0.1: OpenAI wire format, `n`, samples
 * handed out in turn to parallel single requests, CORS preflight, the 404 for an unknown prompt,
 * the page it serves — and the shape and provenance of the recorded answers it replays.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ReplayServer,
  estimateTokens,
  loadRecordedAnswers,
  matchQuestion,
  startReplayServer,
} from '../../demo/replay-server.ts';

const data = loadRecordedAnswers();
const [first, second] = data.questions;
if (!first || !second) throw new Error('recorded-answers.json needs at least two questions');

interface Completion {
  object: string;
  model: string;
  choices: { index: number; message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

interface ApiError {
  error: { message: string; type: string; code: string | null; param: string | null };
}

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({ port: 0, delayMs: 0 });
});

afterAll(async () => {
  await server.close();
});

function chat(body: Record<string, unknown>, target = server): Promise<Response> {
  return fetch(`${target.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo' },
    body: JSON.stringify({ model: 'gpt-3.5-turbo', temperature: 1, ...body }),
  });
}

const ask = (prompt: string, n?: number): Promise<Response> =>
  chat({ messages: [{ role: 'user', content: prompt }], ...(n === undefined ? {} : { n }) });

describe('demo replay server', () => {
  it('listens on 127.0.0.1 and lists a model', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/v1/models`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; data: { id: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toContain(first.model);
  });

  it('honours n with that many recorded samples, in order, and reports usage', async () => {
    const fresh = await startReplayServer({ delayMs: 0 });
    try {
      const res = await chat(
        {
          messages: [
            { role: 'system', content: 'You are helpful.' },
            { role: 'user', content: first.prompt },
          ],
          n: 3,
        },
        fresh,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = (await res.json()) as Completion;
      expect(body.object).toBe('chat.completion');
      expect(body.model).toBe(first.model);
      expect(body.choices.map((c) => c.index)).toEqual([0, 1, 2]);
      expect(body.choices.map((c) => c.message.content)).toEqual(first.samples.slice(0, 3));
      expect(
        body.choices.every((c) => c.message.role === 'assistant' && c.finish_reason === 'stop'),
      ).toBe(true);
      const completion = first.samples.slice(0, 3).reduce((sum, s) => sum + estimateTokens(s), 0);
      expect(body.usage).toEqual({
        prompt_tokens: estimateTokens('You are helpful.') + estimateTokens(first.prompt),
        completion_tokens: completion,
        total_tokens:
          estimateTokens('You are helpful.') + estimateTokens(first.prompt) + completion,
      });
      // words × 1.3, rounded up
      expect(estimateTokens('one two three')).toBe(4);
    } finally {
      await fresh.close();
    }
  });

  it('never returns more choices than there are samples', async () => {
    const res = await ask(second.prompt, 50);
    const body = (await res.json()) as Completion;
    expect(body.choices).toHaveLength(second.samples.length);
    expect(new Set(body.choices.map((c) => c.message.content)).size).toBe(
      new Set(second.samples).size,
    );
  });

  it('gives successive and parallel single requests different samples', async () => {
    const fresh = await startReplayServer({ delayMs: 50 });
    try {
      const replies = await Promise.all(
        [0, 1, 2].map(() =>
          chat({ messages: [{ role: 'user', content: first.prompt }] }, fresh).then(
            (r) => r.json() as Promise<Completion>,
          ),
        ),
      );
      const texts = replies.map((r) => {
        expect(r.choices).toHaveLength(1);
        return r.choices[0]?.message.content;
      });
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(first.samples.slice(0, 3)).toContain(text);
      const next = (await (
        await chat({ messages: [{ role: 'user', content: first.prompt }], n: 1 }, fresh)
      ).json()) as Completion;
      expect(next.choices[0]?.message.content).toBe(first.samples[3]);
    } finally {
      await fresh.close();
    }
  });

  it('matches a prompt by its words: case, punctuation, extra words and content parts aside', async () => {
    expect(matchQuestion(data.questions, `  ${first.prompt.toUpperCase()}?! `)?.id).toBe(first.id);
    expect(matchQuestion(data.questions, `Please answer briefly: ${second.prompt}`)?.id).toBe(
      second.id,
    );
    expect(matchQuestion(data.questions, 'What is the boiling point of water?')).toBeNull();
    const res = await chat({
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'Hi! How can I help?' },
        { role: 'user', content: [{ type: 'text', text: second.prompt }] },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Completion;
    expect(second.samples).toContain(body.choices[0]?.message.content);
  });

  it('answers a CORS preflight for authorization and content-type', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    expect(allowed).toContain('authorization');
    expect(allowed).toContain('content-type');
    // …and the real reply carries the CORS header too.
    const reply = await ask(first.prompt);
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("rejects an unknown prompt with a 404 in OpenAI's error format", async () => {
    const res = await ask('What is the boiling point of water at sea level?');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as ApiError;
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.code).toBe('prompt_not_recorded');
    expect(body.error.message).toContain('no recorded answers');
    expect(body.error.message).toContain(first.prompt);
  });

  it('rejects malformed requests with 400s', async () => {
    const bad = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiError).error.type).toBe('invalid_request_error');
    expect((await chat({ messages: [] })).status).toBe(400);
    expect((await ask(first.prompt, 0)).status).toBe(400);
    expect((await fetch(`${server.url}/v1/chat/completions`)).status).toBe(405);
  });

  it('answers the options page connection probe', async () => {
    const res = await chat({
      messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
      max_tokens: 1,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Completion).choices[0]?.message.content).toBe('OK');
  });

  it('waits --delay-ms before replying', async () => {
    const slow = await startReplayServer({ delayMs: 200 });
    try {
      const started = performance.now();
      const res = await chat({ messages: [{ role: 'user', content: first.prompt }] }, slow);
      expect(res.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(180);
    } finally {
      await slow.close();
    }
  });

  it('serves the demo page, its files and the recorded answers', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<main id="conversation"');
    expect(html).toContain('chat.js');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // no external resources
    const js = await fetch(`${server.url}/chat.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const jsText = await js.text();
    expect(jsText).toContain('data-streaming');
    expect(jsText).not.toContain('innerHTML');
    expect((await fetch(`${server.url}/chat.css`)).headers.get('content-type')).toContain(
      'text/css',
    );
    const json = (await (await fetch(`${server.url}/data/recorded-answers.json`)).json()) as {
      questions: unknown[];
    };
    expect(json.questions).toHaveLength(data.questions.length);
    expect((await fetch(`${server.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/replay-server.ts`)).status).toBe(404);
  });

  it('offers extra questions on the page and answers them with their samples', async () => {
    const extra = {
      id: 'long-one',
      prompt: 'This is a Wikipedia passage about Ada Lovelace:',
      model: 'text-davinci-003',
      answer: 'Ada Lovelace was a mathematician.',
      samples: ['Ada Lovelace wrote the first program.', 'Ada Lovelace was a writer.'],
    };
    const fresh = await startReplayServer({ delayMs: 0, extraQuestions: [extra] });
    try {
      const page = (await (await fetch(`${fresh.url}/data/recorded-answers.json`)).json()) as {
        questions: { id: string }[];
      };
      expect(page.questions.map((q) => q.id)).toEqual([
        ...data.questions.map((q) => q.id),
        'long-one',
      ]);
      const res = await chat({ messages: [{ role: 'user', content: extra.prompt }], n: 2 }, fresh);
      const body = (await res.json()) as Completion;
      expect(body.model).toBe('text-davinci-003');
      expect(body.choices.map((c) => c.message.content)).toEqual(extra.samples);
    } finally {
      await fresh.close();
    }
  });
});

describe('recorded answers', () => {
  it('has provenance: repository, files at a commit, licence, model, changes', () => {
    const source = data.source as {
      repository?: unknown;
      files?: { path?: unknown; commit?: unknown }[];
      licence?: unknown;
      model?: unknown;
      changes?: unknown;
    };
    expect(source.repository).toMatch(/^https:\/\/github\.com\//);
    expect(source.files?.length).toBeGreaterThan(0);
    for (const file of source.files ?? []) {
      expect(typeof file.path).toBe('string');
      expect(file.commit).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(source.licence).toBe('Apache-2.0');
    expect(typeof source.model).toBe('string');
    expect(typeof source.changes).toBe('string');
    const provenance = readFileSync(
      new URL('../../demo/data/PROVENANCE.md', import.meta.url),
      'utf8',
    );
    expect(provenance).toContain('Apache License 2.0');
    expect(provenance).toContain('f11a7581a4216a62fb605afb3c7c9aef5cfe19ca');
  });

  it('has 3–6 questions, each with an answer and at least 3 non-empty samples', () => {
    expect(data.questions.length).toBeGreaterThanOrEqual(3);
    expect(data.questions.length).toBeLessThanOrEqual(6);
    expect(new Set(data.questions.map((q) => q.id)).size).toBe(data.questions.length);
    for (const q of data.questions) {
      expect(q.id).toMatch(/^[a-z0-9-]+$/);
      expect(q.prompt.trim()).not.toBe('');
      expect(q.model.trim()).not.toBe('');
      expect(q.answer.trim()).not.toBe('');
      expect(q.samples.length).toBeGreaterThanOrEqual(3);
      for (const sample of q.samples) expect(sample.trim()).not.toBe('');
      // The samples really differ from one another somewhere.
      expect(new Set(q.samples).size).toBeGreaterThan(1);
      // Each prompt matches itself and only itself.
      expect(matchQuestion(data.questions, q.prompt)?.id).toBe(q.id);
    }
  });

  it('stays a small excerpt', () => {
    const file = new URL('../../demo/data/recorded-answers.json', import.meta.url);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).length).toBeLessThan(32_000);
  });
});
