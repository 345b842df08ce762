/**
 * Our mapping onto Chrome's Prompt API, tested with an injected fake `LanguageModel`: Chrome's
 * API exists neither in Node nor in the test Chromium, so this checks how we call it (turns to
 * initialPrompts + prompt, temperature with topK, one session per sample, abort, errors) — it is
 * not an end-to-end test of Chrome's built-in model.
 */
import { describe, expect, it } from 'vitest';
import {
  type LanguageModelLike,
  type LanguageModelSessionLike,
  builtinUnavailableReason,
} from '../../src/sampling/backends/chrome-builtin.ts';
import { collectSamples, sample } from '../../src/sampling/sampler.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import { testConnection } from '../../src/sampling/test-connection.ts';
import type { SamplingRequest } from '../../src/sampling/types.ts';
import { within } from './sampling-kit.ts';

interface FakeOptions {
  availability?: string;
  answer?: (input: string, n: number) => Promise<string>;
  params?: {
    defaultTopK: number;
    maxTopK: number;
    defaultTemperature: number;
    maxTemperature: number;
  };
  promptError?: Error;
}

function fakeLanguageModel(options: FakeOptions = {}) {
  const created: Parameters<LanguageModelLike['create']>[0][] = [];
  const prompts: string[] = [];
  let destroyed = 0;
  const api: LanguageModelLike = {
    availability: () => Promise.resolve(options.availability ?? 'available'),
    params: () =>
      Promise.resolve(
        options.params ?? { defaultTopK: 3, maxTopK: 8, defaultTemperature: 1, maxTemperature: 2 },
      ),
    create: (createOptions) => {
      created.push(createOptions);
      const session: LanguageModelSessionLike = {
        prompt: (input) => {
          prompts.push(input);
          if (options.promptError) return Promise.reject(options.promptError);
          return options.answer
            ? options.answer(input, prompts.length)
            : Promise.resolve(`answer ${prompts.length}`);
        },
        destroy: () => {
          destroyed += 1;
        },
      };
      return Promise.resolve(session);
    },
  };
  return { api, created, prompts, destroyed: () => destroyed };
}

const settings = settingsFromPreset('chrome-builtin');

function request(n: number, signal = new AbortController().signal): SamplingRequest {
  return {
    turns: [
      { role: 'user', text: 'Hi' },
      { role: 'assistant', text: 'Hello! Ask me anything.' },
      { role: 'user', text: 'Who developed total quality management?' },
    ],
    n,
    temperature: 1.2,
    maxTokens: 256,
    signal,
  };
}

describe('Chrome built-in model (fake LanguageModel)', { timeout: 10_000 }, () => {
  it('sends earlier turns as initialPrompts and the last one as the prompt, one session per sample', async () => {
    const fake = fakeLanguageModel();
    const outcome = await within(
      3000,
      collectSamples(sample(settings, request(3), { deps: { languageModel: fake.api } })),
    );
    expect(outcome.samples.map((s) => s.text).sort()).toEqual(['answer 1', 'answer 2', 'answer 3']);
    expect(fake.created).toHaveLength(3);
    expect(fake.created[0]).toMatchObject({
      initialPrompts: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello! Ask me anything.' },
      ],
      temperature: 1.2,
      topK: 3,
    });
    expect(fake.prompts).toEqual([
      'Who developed total quality management?',
      'Who developed total quality management?',
      'Who developed total quality management?',
    ]);
    expect(fake.destroyed()).toBe(3);
    expect(outcome.samples[0]?.model).toBe('gemini-nano');
  });

  it('caps temperature at the model’s maximum', async () => {
    const fake = fakeLanguageModel({
      params: { defaultTopK: 5, maxTopK: 8, defaultTemperature: 1, maxTemperature: 1 },
    });
    await collectSamples(sample(settings, request(1), { deps: { languageModel: fake.api } }));
    expect(fake.created[0]).toMatchObject({ temperature: 1, topK: 5 });
  });

  it('reports a missing API as unavailable, without trying', async () => {
    const outcome = await collectSamples(sample(settings, request(2)));
    expect(outcome.errors.map((e) => e.error.kind)).toEqual(['unavailable', 'unavailable']);
    expect(outcome.errors[0]?.error.message).toMatch(/no built-in model/);
  });

  it.each([
    ['unavailable', /not available on this device/],
    ['downloadable', /not downloaded yet/],
    ['downloading', /not downloaded yet/],
  ])('availability %s is explained', async (availability, message) => {
    const fake = fakeLanguageModel({ availability });
    const reason = await builtinUnavailableReason({ languageModel: fake.api });
    expect(reason?.kind).toBe('unavailable');
    expect(reason?.message).toMatch(message);
    expect(fake.created).toHaveLength(0);
  });

  it('an input too long for the model is a bad request', async () => {
    const error = Object.assign(new Error('The input is too large.'), {
      name: 'QuotaExceededError',
    });
    const fake = fakeLanguageModel({ promptError: error });
    const outcome = await collectSamples(
      sample(settings, request(1), { deps: { languageModel: fake.api } }),
    );
    expect(outcome.errors[0]?.error).toMatchObject({
      kind: 'bad-request',
      message: "The conversation is too long for Chrome's built-in model.",
    });
    expect(fake.destroyed()).toBe(1);
  });

  it('abort ends a prompt that never answers, promptly', async () => {
    const fake = fakeLanguageModel({ answer: () => new Promise<string>(() => {}) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const outcome = await within(
      2000,
      collectSamples(
        sample(settings, request(2, controller.signal), { deps: { languageModel: fake.api } }),
      ),
    );
    expect(outcome.errors.map((e) => e.error.kind)).toEqual(['cancelled', 'cancelled']);
  });

  it('a prompt that ignores its signal still times out, never hangs', async () => {
    const fake = fakeLanguageModel({ answer: () => new Promise<string>(() => {}) });
    const outcome = await within(
      2000,
      collectSamples(
        sample({ ...settings, timeoutMs: 100 }, request(1), { deps: { languageModel: fake.api } }),
      ),
    );
    expect(outcome.errors[0]?.error.kind).toBe('timeout');
  });

  it('Test connection reports the built-in model as ready', async () => {
    const fake = fakeLanguageModel({ answer: () => Promise.resolve('OK') });
    const result = await testConnection(settings, { deps: { languageModel: fake.api } });
    expect(result).toMatchObject({ ok: true, model: 'gemini-nano', reply: 'OK' });
  });
});
