/**
 * Shared pieces of the sampling tests: recorded questions the test server knows, settings pointing
 * at the test server, a fake clock whose sleeps return at once (recording what was asked), and a
 * bound that turns a hang into a failure.
 */
import type { Clock } from '../../src/sampling/clock.ts';
import { cancelledError } from '../../src/sampling/errors.ts';
import { settingsFromPreset } from '../../src/sampling/presets.ts';
import type { BackendSettings } from '../../src/sampling/types.ts';
import type { Turn } from '../../src/shared/conversation.ts';
import { type LlmServer, recordedPassages } from '../helpers/llm-server.ts';

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
