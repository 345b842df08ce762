/**
 * Other voices over real sockets: two test LLM servers on 127.0.0.1 with different scripted
 * answers stand for two backends — the main one (OpenAI format, priced as gpt-4o-mini) and another
 * (Anthropic format, priced as Claude 3.5 Haiku). Checked: both are asked at once, every sample
 * says who said it, a failing voice leaves the other's samples and is named, budget mode sends
 * nothing to the second server for a confident answer and asks it for an uncertain one, and the
 * per-voice spend is the usage the servers reported.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkAnswer,
  NOT_ASKED_CONSISTENT,
  type CheckInput,
  type CheckProgress,
} from '../../src/background/check-answer.ts';
import { planVoices } from '../../src/background/voice-plan.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/sampling/backoff.ts';
import { costOfRun } from '../../src/sampling/cost.ts';
import { ConcurrencyLimiter } from '../../src/sampling/limiter.ts';
import { presetById, settingsFromPreset } from '../../src/shared/presets.ts';
import { forgetLearnedBatching } from '../../src/sampling/sampler.ts';
import type { BackendSettings } from '../../src/shared/backend.ts';
import { dollarsFor } from '../../src/shared/run-cost.ts';
import type { OtherVoicesMode } from '../../src/shared/sources.ts';
import { startLlmServer, type LlmServer, type RecordedRequest } from '../helpers/llm-server.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const BRIDGE =
  'The Brooklyn Bridge opened in 1883. It spans the East River between Manhattan and Brooklyn.';
const TOWER =
  'The Eiffel Tower opened in 1889. Gustave Eiffel’s company built it for the World’s Fair.';
/** The main server agrees with the bridge answer and contradicts the tower answer. */
const MAIN_SAYS = {
  bridge: [BRIDGE, BRIDGE, BRIDGE],
  tower: [
    'The Eiffel Tower opened in 1925. Le Corbusier built it for a royal wedding.',
    'The Eiffel Tower opened in 1931. Auguste Perret designed it as a radio mast.',
    'The Eiffel Tower opened in 1925. Le Corbusier built it as a radio mast.',
  ],
};
const OTHER_SAYS = {
  bridge: [
    'Opened in 1883, the Brooklyn Bridge crosses the East River from Manhattan to Brooklyn.',
    'The Brooklyn Bridge was finished in 1883 by the Roebling family.',
  ],
  tower: [
    'The Eiffel Tower was completed in 1889 for the Exposition Universelle.',
    'Gustave Eiffel’s engineers finished the tower in 1889.',
  ],
};

let mainServer: LlmServer;
let otherServer: LlmServer;
beforeAll(async () => {
  mainServer = await startLlmServer({
    passages: [
      { person: 'bridge', keywords: ['brooklyn'], samples: MAIN_SAYS.bridge },
      { person: 'tower', keywords: ['eiffel'], samples: MAIN_SAYS.tower },
    ],
  });
  otherServer = await startLlmServer({
    passages: [
      { person: 'bridge', keywords: ['brooklyn'], samples: OTHER_SAYS.bridge },
      { person: 'tower', keywords: ['eiffel'], samples: OTHER_SAYS.tower },
    ],
  });
});
afterAll(async () => {
  await mainServer?.stop();
  await otherServer?.stop();
});
beforeEach(() => {
  forgetLearnedBatching();
  for (const server of [mainServer, otherServer]) {
    server.resetStats();
    server.clearFaults();
    server.delayMs = 0;
  }
});

/** The OpenAI preset on the main server: priced as gpt-4o-mini, answered on 127.0.0.1. */
const mainBackend = (): BackendSettings =>
  settingsFromPreset('openai', { baseUrl: `${mainServer.url}/v1`, apiKey: 'sk-main-test' });
/** The Anthropic preset on the other server: priced as Claude 3.5 Haiku. */
const otherBackend = (baseUrl = otherServer.url): BackendSettings =>
  settingsFromPreset('anthropic', { baseUrl, apiKey: 'sk-ant-other-test' });

interface Setup {
  question: 'bridge' | 'tower';
  mode?: OtherVoicesMode;
  other?: BackendSettings;
  /** Why the other voice may not be contacted (a missing host permission). */
  otherForbidden?: string;
  onProgress?: (progress: CheckProgress) => void;
  resumeWith?: CheckInput['resumeWith'];
}

async function check(setup: Setup) {
  const prompt =
    setup.question === 'bridge'
      ? 'When did the Brooklyn Bridge open?'
      : 'When did the Eiffel Tower open?';
  const plan = await planVoices(
    {
      sampleCount: 3,
      sensitivity: 'balanced',
      otherVoicesMode: setup.mode ?? 'always',
      otherVoices: [{ id: 'v-other', backend: setup.other ?? otherBackend(), samples: 2 }],
    },
    mainBackend(),
    (backend) =>
      Promise.resolve(backend.kind === 'anthropic' ? (setup.otherForbidden ?? null) : null),
  );
  // Each voice with its own limiter, as each backend has its own in the extension.
  const voices = plan.voices.map((v) => ({
    ...v,
    sampleOptions: {
      limiter: new ConcurrencyLimiter(4),
      // Retried as in the extension, with short waits.
      policy: { ...DEFAULT_RETRY_POLICY, baseDelayMs: 5, maxDelayMs: 20 },
    },
  }));
  return checkAnswer({
    ...plan,
    voices,
    capture: {
      site: 'chatgpt',
      conversationId: `/c/${setup.question}`,
      turns: [{ role: 'user', text: prompt }],
      answer: setup.question === 'bridge' ? BRIDGE : TOWER,
    },
    embedder: bagOfWordsEmbedder(),
    signal: new AbortController().signal,
    onProgress: setup.onProgress ?? (() => undefined),
    ...(setup.resumeWith ? { resumeWith: setup.resumeWith } : {}),
  });
}

/** Input and output tokens as the server wrote them in its replies (either wire format). */
function reportedUsage(requests: readonly RecordedRequest[]) {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const { reply } of requests) {
    const usage = (reply as { usage: Record<string, number> }).usage;
    inputTokens += usage.prompt_tokens ?? usage.input_tokens ?? 0;
    outputTokens += usage.completion_tokens ?? usage.output_tokens ?? 0;
  }
  return { inputTokens, outputTokens };
}

describe('other voices', () => {
  it('asks both backends at once and labels every sample with its source', async () => {
    mainServer.delayMs = 300;
    otherServer.delayMs = 300;
    // Sampled every 2 ms while the check runs: whether a request was in flight at both servers.
    let overlapped = false;
    const watch = setInterval(() => {
      if (mainServer.inFlight > 0 && otherServer.inFlight > 0) overlapped = true;
    }, 2);
    const outcome = await check({ question: 'bridge' }).finally(() => clearInterval(watch));
    expect(overlapped).toBe(true);
    expect(mainServer.requests.length).toBeGreaterThan(0);
    expect(otherServer.calls('anthropic')).toBe(2);

    expect(outcome!.sources).toHaveLength(outcome!.report.samples.length);
    expect(outcome!.report.samples).toHaveLength(5);
    outcome!.report.samples.forEach((text, i) => {
      const source = outcome!.sources[i]!;
      if (source.id === 'main') {
        expect(source.label).toBe('gpt-4o-mini');
        expect(MAIN_SAYS.bridge).toContain(text);
      } else {
        expect(source).toEqual({ id: 'v-other', label: 'claude-3-5-haiku-latest' });
        expect(OTHER_SAYS.bridge).toContain(text);
      }
    });
    expect(outcome!.sources.filter((s) => s.id === 'main')).toHaveLength(3);
    expect(outcome!.failures).toEqual([]);
    expect(outcome!.notes).toEqual([]);
    // No key in anything that leaves the background.
    expect(JSON.stringify(outcome)).not.toMatch(/sk-(main|ant)/);
  });

  it('reports each voice’s usage and cost as its server reported them, main first', async () => {
    const outcome = await check({ question: 'bridge' });
    const [main, other] = outcome!.spend;
    const mainUsage = reportedUsage(mainServer.requests);
    const otherUsage = reportedUsage(otherServer.requests);
    expect(mainUsage.outputTokens).toBeGreaterThan(0);
    expect(otherUsage.outputTokens).toBeGreaterThan(0);
    expect(main).toMatchObject({ source: { id: 'main' }, received: 3, asked: 3, usage: mainUsage });
    expect(other).toMatchObject({
      source: { id: 'v-other' },
      received: 2,
      asked: 2,
      usage: otherUsage,
    });

    const mainUsd = dollarsFor(mainUsage, presetById('openai')!.prices!['gpt-4o-mini']!)!;
    const otherUsd = dollarsFor(
      otherUsage,
      presetById('anthropic')!.prices!['claude-3-5-haiku-latest']!,
    )!;
    expect(main!.cost).toMatchObject({ kind: 'priced', pricedAs: 'OpenAI gpt-4o-mini' });
    expect(main!.cost?.kind === 'priced' && main!.cost.usd).toBeCloseTo(mainUsd, 12);
    expect(other!.cost?.kind === 'priced' && other!.cost.usd).toBeCloseTo(otherUsd, 12);
    // The run's total is still one usage and one cost: the sum.
    expect(outcome!.usage).toEqual({
      inputTokens: mainUsage.inputTokens + otherUsage.inputTokens,
      outputTokens: mainUsage.outputTokens + otherUsage.outputTokens,
    });
    expect(outcome!.cost?.kind === 'priced' && outcome!.cost.usd).toBeCloseTo(
      mainUsd + otherUsd,
      12,
    );
    expect(outcome!.cost).toMatchObject({
      pricedAs: 'OpenAI gpt-4o-mini + Anthropic claude-3-5-haiku-latest',
    });
    expect(costOfRun(mainBackend(), main!.usage)).toEqual(main!.cost);
  });

  it('keeps the main voice’s samples when the other voice’s key is rejected, and says which failed', async () => {
    otherServer.addRule({ type: 'auth' });
    const outcome = await check({ question: 'bridge' });
    expect(otherServer.calls('anthropic')).toBeGreaterThan(0);
    expect(outcome!.report.samples).toEqual(MAIN_SAYS.bridge);
    expect(outcome!.sources.every((s) => s.id === 'main')).toBe(true);
    expect(outcome!.failures).toHaveLength(2);
    for (const failure of outcome!.failures) {
      expect(failure.source).toEqual({ id: 'v-other', label: 'claude-3-5-haiku-latest' });
      expect(failure.index).toBeGreaterThanOrEqual(3);
    }
    expect(outcome!.notes).toEqual([
      expect.stringMatching(/^claude-3-5-haiku-latest returned no samples: .*key/i),
    ]);
    expect(outcome!.spend[1]).toMatchObject({ received: 0, asked: 2 });
    expect(outcome!.spend[1]!.note).toMatch(/key/i);
  });

  it('keeps the other voice’s samples when the main server fails', async () => {
    mainServer.addRule({ type: 'server-error', status: 500 });
    const outcome = await check({ question: 'bridge' });
    expect(outcome!.report.samples).toHaveLength(2);
    expect(outcome!.sources.every((s) => s.id === 'v-other')).toBe(true);
    expect(outcome!.failures.length).toBeGreaterThan(0);
    expect(outcome!.failures.every((f) => f.source?.id === 'main')).toBe(true);
    expect(outcome!.notes[0]).toMatch(/^gpt-4o-mini returned no samples: /);
  });

  it('fails a voice it may not contact without a request, and one that is unreachable', async () => {
    const forbidden = await check({
      question: 'bridge',
      otherForbidden: 'Crosscheck may not contact 127.0.0.1 yet: open Crosscheck’s options.',
    });
    expect(otherServer.requests).toHaveLength(0);
    expect(forbidden!.report.samples).toHaveLength(3);
    expect(forbidden!.notes[0]).toMatch(
      /^claude-3-5-haiku-latest returned no samples: Crosscheck may not contact/,
    );

    // A port nothing listens on: a closed server's.
    const closed = await startLlmServer();
    const url = closed.url;
    await closed.stop();
    const unreachable = await check({ question: 'bridge', other: otherBackend(url) });
    expect(unreachable!.report.samples).toEqual(MAIN_SAYS.bridge);
    expect(unreachable!.failures.every((f) => f.source?.id === 'v-other')).toBe(true);
    expect(unreachable!.failures.length).toBe(2);
  });

  it('errors only when no voice answered, naming each', async () => {
    mainServer.addRule({ type: 'auth' });
    otherServer.addRule({ type: 'auth' });
    await expect(check({ question: 'bridge' })).rejects.toThrow(
      /^No voice returned an answer\. gpt-4o-mini: .+ claude-3-5-haiku-latest: .+/,
    );
  });
});

describe('budget mode', () => {
  it('sends no request to the other voice when the main voice’s samples agree', async () => {
    const totals: number[] = [];
    const outcome = await check({
      question: 'bridge',
      mode: 'when-uncertain',
      onProgress: (p) => totals.push(p.total),
    });
    expect(mainServer.requests.length).toBeGreaterThan(0);
    expect(otherServer.requests).toHaveLength(0);
    expect(outcome!.report.samples).toEqual(MAIN_SAYS.bridge);
    expect(new Set(totals)).toEqual(new Set([3]));
    expect(outcome!.spend[1]).toEqual({
      source: { id: 'v-other', label: 'claude-3-5-haiku-latest' },
      received: 0,
      asked: 0,
      usage: null,
      cost: null,
      note: NOT_ASKED_CONSISTENT,
    });
    // The total is the main voice's alone.
    expect(outcome!.usage).toEqual(reportedUsage(mainServer.requests));
  });

  it('asks the other voice once the main voice’s samples contradict the answer', async () => {
    const progress: CheckProgress[] = [];
    const outcome = await check({
      question: 'tower',
      mode: 'when-uncertain',
      onProgress: (p) => progress.push(p),
    });
    expect(otherServer.calls('anthropic')).toBe(2);
    // The other server was asked only after the main one had answered.
    const lastMain = Math.max(...mainServer.requests.map((r) => r.receivedAt));
    expect(Math.min(...otherServer.requests.map((r) => r.receivedAt))).toBeGreaterThanOrEqual(
      lastMain,
    );
    expect(outcome!.sources.map((s) => s.id)).toEqual([
      'main',
      'main',
      'main',
      'v-other',
      'v-other',
    ]);
    expect(outcome!.report.samples.slice(3).every((t) => OTHER_SAYS.tower.includes(t))).toBe(true);
    // The total grows when they are asked, with a note saying why.
    expect(progress[0]!.total).toBe(3);
    expect(progress.at(-1)!.total).toBe(5);
    expect(progress.find((p) => p.total === 5)!.note).toBe(
      'Asking claude-3-5-haiku-latest too: some sentences look uncertain.',
    );
    expect(outcome!.spend[1]).toMatchObject({
      received: 2,
      asked: 2,
      usage: reportedUsage(otherServer.requests),
    });
    expect(outcome!.spend[1]!.note).toBeUndefined();
  });

  it('a resumed run whose other voice had answered asks each voice only for the rest', async () => {
    const main = { id: 'main', label: 'gpt-4o-mini' };
    const other = { id: 'v-other', label: 'claude-3-5-haiku-latest' };
    const outcome = await check({
      question: 'tower',
      mode: 'when-uncertain',
      resumeWith: [
        { text: MAIN_SAYS.tower[0]!, source: main },
        { text: OTHER_SAYS.tower[0]!, source: other },
        // A voice no longer configured: dropped.
        { text: 'The Eiffel Tower is in Rome.', source: { id: 'v-gone', label: 'old' } },
      ],
    });
    expect(mainServer.requests.reduce((sum, r) => sum + r.n, 0)).toBe(2);
    expect(otherServer.calls('anthropic')).toBe(1);
    expect(outcome!.sources.slice(0, 2)).toEqual([main, other]);
    expect(outcome!.report.samples.slice(0, 2)).toEqual([MAIN_SAYS.tower[0], OTHER_SAYS.tower[0]]);
    expect(outcome!.report.samples).toHaveLength(5);
    expect(outcome!.report.samples).not.toContain('The Eiffel Tower is in Rome.');
  });
});
