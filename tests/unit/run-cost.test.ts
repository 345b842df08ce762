/**
 * What a run cost: free on the user's machine, priced from a preset's table when it lists the
 * model, tokens only otherwise; and, over a real socket, the figure shown is the one the usage
 * the test server reported gives at the preset's prices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/background/check-answer.ts';
import { costOfRun } from '../../src/sampling/cost.ts';
import { ConcurrencyLimiter } from '../../src/sampling/limiter.ts';
import { PRESETS, presetById, PRICES_AS_OF, settingsFromPreset } from '../../src/shared/presets.ts';
import { forgetLearnedBatching } from '../../src/sampling/sampler.ts';
import { dollarsFor, formatDollars, spendText } from '../../src/shared/run-cost.ts';
import { MAIN_VOICE_ID } from '../../src/shared/sources.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

describe('the price table', () => {
  it('prices every hosted preset’s default model and no local one', () => {
    for (const preset of PRESETS) {
      if (preset.local) expect(preset.prices, preset.id).toBeUndefined();
      else expect(preset.prices?.[preset.defaultModel], preset.id).toBeDefined();
    }
    expect(PRICES_AS_OF).toMatch(/^\d{4}-\d{2}$/);
  });
});

describe('costOfRun', () => {
  const usage = { inputTokens: 2_000_000, outputTokens: 500_000 };

  it('multiplies the reported tokens by the preset’s per-million prices', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million → 2 × 0.15 + 0.5 × 0.6 = $0.60.
    const cost = costOfRun(settingsFromPreset('openai'), usage);
    expect(cost).toEqual({
      kind: 'priced',
      usd: expect.closeTo(0.6, 10) as number,
      pricedAs: 'OpenAI gpt-4o-mini',
      pricesAsOf: PRICES_AS_OF,
    });
  });

  it('calls local presets, Chrome’s model and a custom server on this computer free', () => {
    expect(costOfRun(settingsFromPreset('ollama'), usage)).toEqual({ kind: 'free' });
    expect(costOfRun(settingsFromPreset('chrome-builtin'), null)).toEqual({ kind: 'free' });
    const custom = settingsFromPreset('openai', {
      presetId: 'custom',
      baseUrl: 'http://127.0.0.1:8000/v1',
      model: 'mine',
    });
    expect(costOfRun(custom, usage)).toEqual({ kind: 'free' });
  });

  it('claims no price for a model the table does not list, a remote custom server, or missing counts', () => {
    expect(costOfRun(settingsFromPreset('openai', { model: 'gpt-4.1' }), usage)).toBeNull();
    const remote = settingsFromPreset('openai', {
      presetId: 'custom',
      baseUrl: 'https://llm.example.com/v1',
    });
    expect(costOfRun(remote, usage)).toBeNull();
    expect(costOfRun(settingsFromPreset('openai'), { totalTokens: 100 })).toBeNull();
    expect(costOfRun(settingsFromPreset('openai'), null)).toBeNull();
  });
});

describe('how the spend reads', () => {
  it('formats small sums to two significant digits and larger ones to cents', () => {
    expect(formatDollars(0.000423)).toBe('$0.00042');
    expect(formatDollars(0.0134)).toBe('$0.013');
    expect(formatDollars(1.256)).toBe('$1.26');
  });

  it('says tokens and price, “free (runs locally)”, or tokens alone — never $0 for local', () => {
    const usage = { inputTokens: 1000, outputTokens: 234 };
    expect(spendText(usage, { kind: 'free' })).toBe('1,234 tokens used, free (runs locally).');
    expect(spendText(null, { kind: 'free' })).toBe('Free (runs locally).');
    expect(
      spendText(usage, {
        kind: 'priced',
        usd: 0.0003,
        pricedAs: 'OpenAI gpt-4o-mini',
        pricesAsOf: '2025-01',
      }),
    ).toBe('1,234 tokens used, about $0.0003 at OpenAI gpt-4o-mini prices of 2025-01.');
    expect(spendText(usage, null)).toBe('1,234 tokens used.');
    expect(spendText(null, null)).toBe('');
  });
});

describe('cost of a real run', () => {
  let server: LlmServer;
  beforeAll(async () => {
    server = await startLlmServer({
      passages: [
        {
          person: 'bridge',
          keywords: ['brooklyn'],
          samples: [
            'The Brooklyn Bridge opened in 1883.',
            'It opened in 1883 over the East River.',
            'The bridge opened to traffic in 1883.',
          ],
        },
      ],
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows the cost of exactly the tokens the server said it used', async () => {
    forgetLearnedBatching();
    // The OpenAI preset on the test server's address: priced as gpt-4o-mini, answered locally.
    const backend = settingsFromPreset('openai', {
      baseUrl: `${server.url}/v1`,
      apiKey: 'sk-test',
    });
    const outcome = await checkAnswer({
      capture: {
        site: 'chatgpt',
        conversationId: '/c/cost',
        turns: [{ role: 'user', text: 'When did the Brooklyn Bridge open?' }],
        answer: 'The Brooklyn Bridge opened in 1883.',
      },
      voices: [{ source: { id: MAIN_VOICE_ID, label: 'gpt-4o-mini' }, backend, samples: 3 }],
      embedder: bagOfWordsEmbedder(),
      signal: new AbortController().signal,
      onProgress: () => undefined,
      sampleOptions: { limiter: new ConcurrencyLimiter(3) },
    });
    expect(outcome).not.toBeNull();

    // What the server put in its replies, summed independently of the client's parsing.
    let input = 0;
    let output = 0;
    for (const request of server.requests) {
      const reply = request.reply as {
        usage: { prompt_tokens: number; completion_tokens: number };
      };
      input += reply.usage.prompt_tokens;
      output += reply.usage.completion_tokens;
    }
    expect(input).toBeGreaterThan(0);
    expect(output).toBeGreaterThan(0);
    const price = presetById('openai')!.prices!['gpt-4o-mini']!;
    const expected = dollarsFor({ inputTokens: input, outputTokens: output }, price)!;

    const cost = costOfRun(backend, outcome!.usage);
    expect(cost?.kind).toBe('priced');
    expect(cost?.kind === 'priced' && cost.usd).toBeCloseTo(expected, 12);
    expect(spendText(outcome!.usage, cost)).toBe(
      `${(input + output).toLocaleString('en')} tokens used, about ${formatDollars(expected)} at OpenAI gpt-4o-mini prices of ${PRICES_AS_OF}.`,
    );
  });
});
