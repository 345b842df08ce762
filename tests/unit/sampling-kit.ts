/**
 * Shared pieces of the sampling tests: recorded questions the test server knows, settings pointing
 * at the test server, a fake clock whose sleeps return at once (recording what was asked), and a
 * bound that turns a hang into a failure.
 */
import type { Clock } from '../../src/sampling/clock.ts';
import { cancelledError } from '../../src/sampling/errors.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import type { BackendSettings } from '../../src/sampling/types.ts';
import type { Turn } from '../../src/shared/conversation.ts';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { forgetLearnedBatching } from '../../src/sampling/sampler.ts';
import { type LlmServer, recordedPassages, startLlmServer } from '../helpers/llm-server.ts';

export const TEST_KEY = 'sk-test-0123456789abcdefSECRET';

/**
 * Two of the demo's recorded questions (demo/data/recorded-answers.json), asked as recorded: the
 * test server answers them with their real recorded samples (`recordedSamples`).
 */
export const VADER: Turn[] = [{ role: 'user', text: 'who is under the mask of darth vader' }];
export const ARIZONA: Turn[] = [
  {
    role: 'user',
    text: 'Was there ever a US senator that represented the state of Arizona and whose alma mater was MIT?',
  },
];

/** The recorded samples the test server hands out, in order, for a demo question's id. */
export function recordedSamples(id: string): readonly string[] {
  const passage = recordedPassages.find((p) => p.person === id);
  if (!passage) throw new Error(`No recorded answers for "${id}"`);
  return passage.samples;
}

/** Settings for a preset, redirected to the test server (OpenAI-compatible ones get "/v1"). */
export function serverSettings(
  server: LlmServer,
  presetId: string,
  overrides: Partial<BackendSettings> = {},
): BackendSettings {
  const base = settingsFromPreset(presetId);
  return {
    ...base,
    baseUrl: base.kind === 'openai' ? `${server.url}/v1` : server.url,
    apiKey: base.kind === 'chrome-builtin' ? '' : TEST_KEY,
    concurrency: 10,
    timeoutMs: 5_000,
    ...overrides,
  };
}

export interface FakeClock extends Clock {
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[];
  t: number;
}

/** A clock whose sleeps advance fake time and resolve on the next tick. */
export function fakeClock(start = 1_700_000_000_000): FakeClock {
  const clock: FakeClock = {
    sleeps: [],
    t: start,
    now: () => clock.t,
    sleep: (ms, signal) => {
      clock.sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(cancelledError());
      clock.t += ms;
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
  return clock;
}

/** Rejects when `promise` takes longer than `ms`: the "never hangs" assertion. */
export function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, bound]).finally(() => clearTimeout(timer));
}

/**
 * One local LLM server for a test file, fresh for each test: faults, recorded requests, the `n`
 * mode and the learned "this server ignores n" are reset before every test. Returns the server (a stand-in
 * that forwards to it once started, so it can be assigned at module level).
 */
export function useLlmServer(): LlmServer {
  let started: LlmServer | undefined;
  const current = (): LlmServer => {
    if (!started) throw new Error('the test server starts in beforeAll');
    return started;
  };
  beforeAll(async () => {
    started = await startLlmServer();
  });
  afterAll(async () => {
    await started?.stop();
  });
  beforeEach(() => {
    forgetLearnedBatching();
    current().nMode = 'honour';
    current().clearFaults();
    current().resetStats();
  });
  return new Proxy({} as LlmServer, {
    get: (_target, property) => {
      const value: unknown = Reflect.get(current(), property);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(current())
        : value;
    },
    set: (_target, property, value) => Reflect.set(current(), property, value),
  });
}
