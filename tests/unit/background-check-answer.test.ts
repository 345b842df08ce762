/**
 * One check against the real test LLM server on 127.0.0.1, with the deterministic test embedder:
 * sampling does not wait for the answer's embedding, huge replies are cut (and the result says
 * so), a long chat is sent within the context budget, and a resumed run asks only for the rest.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkAnswer, type CheckInput } from '../../src/background/check-answer.ts';
import { MAX_ANSWER_CHARS, MAX_SAMPLE_CHARS } from '../../src/background/text-caps.ts';
import type { Embedder } from '../../src/core/embedder.ts';
import { ConcurrencyLimiter } from '../../src/sampling/limiter.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import { forgetLearnedBatching } from '../../src/sampling/sampler.ts';
import { LOCAL_CONTEXT_CHARS } from '../../src/sampling/turns.ts';
import type { BackendSettings } from '../../src/shared/backend.ts';
import type { Turn } from '../../src/shared/conversation.ts';
import { MAIN_VOICE_ID, type SampleSource } from '../../src/shared/sources.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const BRIDGE = [
  'The Brooklyn Bridge opened in 1883. It spans the East River between Manhattan and Brooklyn.',
  'The Brooklyn Bridge opened in 1883. John Roebling designed it.',
  'The bridge opened in 1884. It crosses the East River.',
  'Opened in 1883, the Brooklyn Bridge links Manhattan and Brooklyn across the East River.',
];
const ANSWER =
  'The Brooklyn Bridge opened in 1883. It spans the East River between Manhattan and Brooklyn.';
const SENATORS = [
  'Yes, US Senator Kyrsten Sinema represented Arizona and her alma mater is MIT.',
  'Yes, John McCain represented Arizona in the US Senate and his alma mater was MIT.',
  'Yes, there was a US senator from Arizona whose alma mater was MIT. His name was Jeff Flake.',
  'Yes, John McCain represented Arizona and graduated from MIT.',
];
const HUGE_SENTENCE = 'The Brooklyn Bridge opened in 1883 and spans the East River. ';
const HUGE = HUGE_SENTENCE.repeat(Math.ceil(2_000_000 / HUGE_SENTENCE.length));

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer({
    passages: [
      { person: 'bridge', keywords: ['brooklyn'], samples: BRIDGE },
      { person: 'huge', keywords: ['enormous'], samples: [HUGE, HUGE, BRIDGE[0]!, HUGE] },
      { person: 'senator', keywords: ['arizona'], samples: SENATORS },
    ],
  });
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => {
  forgetLearnedBatching();
  server.resetStats();
  server.delayMs = 0;
});

const MAIN: SampleSource = { id: MAIN_VOICE_ID, label: 'test-model' };
const sourced = (text: string) => ({ text, source: MAIN });

/** One check of the main voice alone: `backend` (the test server) asked 4 times. */
function input(
  overrides: Partial<CheckInput> & { prompt?: string; backend?: BackendSettings } = {},
): CheckInput {
  const turns: Turn[] = [
    { role: 'user', text: overrides.prompt ?? 'When did the Brooklyn Bridge open?' },
  ];
  const { backend, prompt: _prompt, ...rest } = overrides;
  return {
    capture: { site: 'chatgpt', conversationId: '/c/test', turns, answer: ANSWER },
    voices: [
      {
        source: MAIN,
        backend:
          backend ??
          settingsFromPreset('openai', {
            presetId: 'custom',
            baseUrl: `${server.url}/v1`,
            model: 'test-model',
          }),
        samples: 4,
      },
    ],
    embedder: bagOfWordsEmbedder(),
    signal: new AbortController().signal,
    onProgress: () => undefined,
    sampleOptions: { limiter: new ConcurrencyLimiter(4) },
    ...rest,
  };
}

describe('checkAnswer', () => {
  it('sends the first request before the answer has been embedded', async () => {
    server.delayMs = 50;
    const inner = bagOfWordsEmbedder();
    let requestsWhenFirstEmbedEnded: number | null = null;
    // Holds the first embedding until the backend has been asked (or 5 s pass): a check that
    // waited for the embedding before sampling would only get past this by the timeout.
    const gated: Embedder = {
      id: inner.id,
      dimensions: inner.dimensions,
      async embed(texts) {
        if (requestsWhenFirstEmbedEnded === null) {
          const until = Date.now() + 5000;
          while (server.requests.length === 0 && Date.now() < until) {
            await new Promise((r) => setTimeout(r, 5));
          }
          requestsWhenFirstEmbedEnded = server.requests.length;
        }
        return inner.embed(texts);
      },
    };
    const outcome = await checkAnswer(input({ embedder: gated }));
    expect(requestsWhenFirstEmbedEnded).toBeGreaterThan(0);
    expect(outcome?.report.samples).toHaveLength(4);
    expect(outcome?.notes).toEqual([]);
  });

  it('cuts 2 MB samples to their cap, finishes, and says so', async () => {
    const progress: number[] = [];
    const outcome = await checkAnswer(
      input({
        prompt: 'Tell me something enormous about the bridge',
        // The test server cuts replies at max_tokens words; these must arrive whole.
        backend: settingsFromPreset('openai', {
          presetId: 'custom',
          baseUrl: `${server.url}/v1`,
          model: 'test-model',
          maxTokens: 1_000_000,
        }),
        capture: {
          site: 'chatgpt',
          conversationId: '/c/huge',
          turns: [{ role: 'user', text: 'Tell me something enormous about the bridge' }],
          answer: HUGE,
        },
        onProgress: ({ received }) => {
          progress.push(received.length);
          for (const text of received) expect(text.length).toBeLessThanOrEqual(MAX_SAMPLE_CHARS);
        },
      }),
    );
    expect(outcome).not.toBeNull();
    expect(outcome!.report.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(HUGE.startsWith(outcome!.report.answer)).toBe(true);
    for (const s of outcome!.report.samples) expect(s.length).toBeLessThanOrEqual(MAX_SAMPLE_CHARS);
    expect(outcome!.notes).toHaveLength(2);
    expect(outcome!.notes[0]).toContain('Only the first');
    expect(outcome!.notes[1]).toBe('3 samples were cut to 20,000 characters before comparing.');
    expect(progress.at(-1)).toBe(4);
  });

  it('says how long the answer was when the background had already cut it', async () => {
    const outcome = await checkAnswer(
      input({
        capture: {
          site: 'chatgpt',
          conversationId: '/c/cut',
          turns: [{ role: 'user', text: 'When did the Brooklyn Bridge open?' }],
          answer: ANSWER,
          answerLength: 2_000_000,
        },
      }),
    );
    expect(outcome?.notes).toEqual([
      `Only the first ${ANSWER.length} of the answer’s 2,000,000 characters were checked.`,
    ]);
  });

  it('sends a 600-turn chat within the local context budget, prompt last', async () => {
    const turns: Turn[] = Array.from({ length: 600 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      text: `Turn ${i} talks about ferries and tunnels at some length. `.repeat(12),
    }));
    turns.push({ role: 'user', text: 'So when did the Brooklyn Bridge open?' });
    const outcome = await checkAnswer(
      input({ capture: { site: 'chatgpt', conversationId: '/c/long', turns, answer: ANSWER } }),
    );
    expect(outcome?.sampleCount).toBe(4);
    for (const request of server.requests) {
      const { messages } = request.body as { messages: { role: string; content: string }[] };
      const sent = messages.reduce((sum, m) => sum + m.content.length, 0);
      expect(sent).toBeLessThanOrEqual(LOCAL_CONTEXT_CHARS);
      expect(messages.at(-1)).toEqual({
        role: 'user',
        content: 'So when did the Brooklyn Bridge open?',
      });
      expect(messages[0]?.content).toContain('Turn 0 ');
    }
  });

  it('passes the question on, so samples naming someone else for it conflict with the answer', async () => {
    const base = input({ prompt: 'Was there ever a US senator from Arizona who went to MIT?' });
    const answer =
      'Yes, there was a US senator from Arizona whose alma mater was MIT. His name was Jeff Flake.';
    const outcome = await checkAnswer({ ...base, capture: { ...base.capture, answer } });
    const finding = outcome!.report.sentences.find((s) => s.segment.text.includes('Flake'))!;
    const named = finding.evidence.filter((e) => e.conflict === 'entity');
    expect(named.map((e) => e.sampleSpans[0]).sort()).toEqual([
      'John McCain',
      'John McCain',
      'Kyrsten Sinema',
    ]);
    expect(named.every((e) => e.answerSpans[0] === 'Jeff Flake')).toBe(true);
  });

  it('a resumed check asks only for the samples still missing', async () => {
    const outcome = await checkAnswer(
      input({ resumeWith: [sourced(BRIDGE[0]!), sourced(BRIDGE[1]!)] }),
    );
    expect(server.requests.reduce((sum, r) => sum + r.n, 0)).toBe(2);
    expect(outcome?.report.samples.slice(0, 2)).toEqual([BRIDGE[0], BRIDGE[1]]);
    expect(outcome?.sampleCount).toBe(4);
  });

  it('reports a failed embedding, and resolves null once cancelled', async () => {
    const broken: Embedder = {
      id: 'broken',
      dimensions: 3,
      embed: () => Promise.reject(new Error('the model did not load')),
    };
    await expect(checkAnswer(input({ embedder: broken }))).rejects.toThrow(
      'the model did not load',
    );
    const controller = new AbortController();
    server.delayMs = 2000;
    const pending = checkAnswer(input({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('Cancelled: test')), 50);
    await expect(pending).resolves.toBeNull();
  });
});
