/**
 * Other voices in the built extension in real Chromium, through the run controller: the main
 * backend is configured through the options page, two other voices are stored in the settings
 * (their options UI is tested with the options page), and a chat fixture's answer is checked.
 * Two test LLM servers on 127.0.0.1 answer differently. Checked: both are asked at once, the
 * finished run says who said each sample and what each voice used, a voice on an address the
 * extension may not contact fails alone and is named, a reload shows the stored result with its
 * sources, and budget mode asks the other server only after the main one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunStatus } from '../../src/shared/run-status.ts';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer, type RecordedRequest } from '../helpers/llm-server.ts';
import { waitForContentState } from '../helpers/content-state.ts';
import { stopServiceWorker } from '../helpers/stop-service-worker.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

/** The other server's answers: it disagrees about the opening year. */
const OTHER_SAYS = [
  'The Brooklyn Bridge opened in 1885 and was designed by John A. Roebling.',
  'It opened in 1885; Washington Roebling completed it after his father died.',
];

interface ContentState {
  run: { phase: string; done?: number; total?: number } | null;
}

const waitForState = (page: Page, match: (s: ContentState) => boolean, timeoutMs?: number) =>
  waitForContentState(page, match, timeoutMs);

function reportedUsage(requests: readonly RecordedRequest[]) {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const { reply } of requests) {
    const usage = (reply as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;
    inputTokens += usage.prompt_tokens;
    outputTokens += usage.completion_tokens;
  }
  return { inputTokens, outputTokens };
}

describe('other voices in Chromium', () => {
  let browser: ExtensionBrowser;
  let fixtures: FixtureServer;
  let main: LlmServer;
  let other: LlmServer;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    main = await startLlmServer({ delayMs: 400, passages: [BROOKLYN_PASSAGE] });
    other = await startLlmServer({
      delayMs: 400,
      passages: [{ person: 'Brooklyn Bridge', keywords: ['brooklyn'], samples: OTHER_SAYS }],
    });
    browser = await launchWithExtension('dist/test/chrome');
    // The main backend, as a user sets it: through the options page, which asks for 127.0.0.1.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${main.url}/v1`);
    await options.fill('#model', 'main-model');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').getByText('Saved.').waitFor({ timeout: 15_000 });
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await main?.stop();
    await other?.stop();
  });

  /** The finished run of the tab showing `url`, from the background's session storage. */
  const runFor = async (url: string): Promise<RunStatus | undefined> => {
    const worker = await browser.currentWorker();
    return worker.evaluate(async (u) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs?: Record<string, { url: string; run: unknown }>;
      };
      return Object.values(tabs ?? {}).find((t) => t.url === u)?.run as never;
    }, url);
  };

  /** Other voices as the options page stores them: full backend settings, a key, a count. */
  const setOtherVoices = async (
    mode: 'always' | 'when-uncertain',
    voices: { id: string; baseUrl: string; model: string; samples: number }[],
  ) => {
    const worker = await browser.currentWorker();
    await worker.evaluate(
      async ({ mode, voices }) => {
        const { settings } = (await chrome.storage.local.get('settings')) as {
          settings: Record<string, unknown> & { backend: Record<string, unknown> };
        };
        settings.otherVoicesMode = mode;
        settings.otherVoices = voices.map((v) => ({
          id: v.id,
          samples: v.samples,
          backend: { ...settings.backend, baseUrl: v.baseUrl, model: v.model, apiKey: 'sk-other' },
        }));
        await chrome.storage.local.set({ settings });
      },
      { mode, voices },
    );
  };

  it('asks both servers at once and labels every sample with its voice; an unpermitted one fails alone', async () => {
    // 127.0.0.1 is permitted (saved above); "localhost" is another host, never granted.
    const localhost = `http://localhost:${other.port}/v1`;
    await setOtherVoices('always', [
      { id: 'v-other', baseUrl: `${other.url}/v1`, model: 'other-model', samples: 2 },
      { id: 'v-unpermitted', baseUrl: localhost, model: 'third-model', samples: 1 },
    ]);

    let overlapped = false;
    const watch = setInterval(() => {
      if (main.inFlight > 0 && other.inFlight > 0) overlapped = true;
    }, 2);
    const page = await browser.context.newPage();
    const url = fixtures.url(
      '/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&tick=10',
    );
    await page.goto(url);
    await waitForState(page, (s) => s.run?.phase === 'done').finally(() => clearInterval(watch));
    expect(overlapped).toBe(true);

    const run = await runFor(url);
    if (run?.phase !== 'done') throw new Error(`run: ${JSON.stringify(run)}`);
    expect(run.sources).toHaveLength(run.report.samples.length);
    expect(run.report.samples).toHaveLength(6);
    run.report.samples.forEach((text, i) => {
      const source = run.sources![i]!;
      if (source.id === 'main') expect(BROOKLYN_PASSAGE.samples).toContain(text);
      else expect(OTHER_SAYS).toContain(text);
    });
    expect(new Set(run.sources!.map((s) => JSON.stringify(s)))).toEqual(
      new Set([
        JSON.stringify({ id: 'main', label: 'main-model' }),
        JSON.stringify({ id: 'v-other', label: 'other-model' }),
      ]),
    );
    // The unpermitted voice: one failure, named, no request anywhere.
    expect(run.failures).toEqual([
      {
        index: 6,
        message: `Crosscheck may not contact localhost:${other.port} yet: open Crosscheck’s options and press Save to allow it.`,
        source: { id: 'v-unpermitted', label: 'third-model' },
      },
    ]);
    expect(run.notes).toContain(
      `third-model returned no samples: Crosscheck may not contact localhost:${other.port} yet: open Crosscheck’s options and press Save to allow it.`,
    );
    expect(other.requests.every((r) => r.model === 'other-model')).toBe(true);

    // Spend per voice, main first, as the servers reported it; the total is their sum.
    const [mainSpend, otherSpend, unpermitted] = run.spend!;
    expect(mainSpend).toMatchObject({ received: 4, asked: 4, usage: reportedUsage(main.requests) });
    expect(otherSpend).toMatchObject({
      received: 2,
      asked: 2,
      usage: reportedUsage(other.requests),
    });
    expect(unpermitted).toMatchObject({ received: 0, asked: 1, source: { id: 'v-unpermitted' } });
    // Custom servers on this computer are free.
    expect(mainSpend!.cost).toEqual({ kind: 'free' });
    expect(run.usage?.outputTokens).toBe(
      reportedUsage(main.requests).outputTokens + reportedUsage(other.requests).outputTokens,
    );
    // No key reaches the page's status.
    expect(JSON.stringify(run)).not.toContain('sk-other');

    // A reload shows the stored result, sources and spend included, without asking anyone.
    main.resetStats();
    other.resetStats();
    await page.goto(fixtures.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt'));
    await waitForState(page, (s) => s.run?.phase === 'done');
    const again = await runFor(page.url());
    if (again?.phase !== 'done') throw new Error(`run: ${JSON.stringify(again)}`);
    expect(again.fromCache).toBe(true);
    expect(again.sources).toEqual(run.sources);
    expect(again.spend).toEqual(run.spend);
    expect(main.requests.length + other.requests.length).toBe(0);
    await page.close();
  });

  it('budget mode asks the other server only after the main one, with the total growing', async () => {
    main.resetStats();
    other.resetStats();
    // New model names: nothing stored or cached answers for them.
    await setOtherVoices('when-uncertain', [
      { id: 'v-budget', baseUrl: `${other.url}/v1`, model: 'budget-model', samples: 2 },
    ]);
    const page = await browser.context.newPage();
    const url = fixtures.url(
      '/sites/claude/conversation.html?crosscheck-site=claude&stream=1&tick=10',
    );
    await page.goto(url);
    const totals = new Set<number>();
    const until = Date.now() + 90_000;
    for (;;) {
      const state = await waitForState(page, () => true);
      if (state.run?.phase === 'sampling' && state.run.total) totals.add(state.run.total);
      if (state.run?.phase === 'done' || Date.now() > until) break;
      await page.waitForTimeout(20);
    }
    const run = await runFor(url);
    if (run?.phase !== 'done') throw new Error(`run: ${JSON.stringify(run)}`);
    // The fixture's answer ends with a claim no sample makes: uncertain, so the other is asked.
    expect(other.requests.length).toBeGreaterThan(0);
    const lastMain = Math.max(...main.requests.map((r) => r.receivedAt + 400));
    expect(Math.min(...other.requests.map((r) => r.receivedAt))).toBeGreaterThanOrEqual(lastMain);
    expect([...totals]).toContain(4);
    expect([...totals]).toContain(6);
    expect(run.sources!.slice(4).every((s) => s.id === 'v-budget')).toBe(true);
    expect(run.spend!.map((s) => [s.source.id, s.asked, s.received])).toEqual([
      ['main', 4, 4],
      ['v-budget', 2, 2],
    ]);
    await page.close();
  });

  it('a run resumed after the worker is stopped keeps each sample’s voice and asks only for the rest', async () => {
    // The main server slow, one request at a time; the other quick: its samples arrive first.
    main.delayMs = 1500;
    other.delayMs = 50;
    const worker = await browser.currentWorker();
    await worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings: { backend: Record<string, unknown> };
      };
      settings.backend = { ...settings.backend, concurrency: 1, model: 'main-model-resume' };
      await chrome.storage.local.set({ settings });
    });
    await setOtherVoices('always', [
      { id: 'v-resume', baseUrl: `${other.url}/v1`, model: 'resume-model', samples: 2 },
    ]);
    main.resetStats();
    other.resetStats();

    const page = await browser.context.newPage();
    const url = fixtures.url(
      '/sites/mistral/conversation.html?crosscheck-site=mistral&stream=1&tick=10',
    );
    await page.goto(url);
    // Both of the other voice's samples and one of the main voice's are in.
    await waitForState(page, (s) => s.run?.phase === 'sampling' && (s.run.done ?? 0) >= 3);

    // Stopped as Chrome stops an idle worker.
    const stopped = await stopServiceWorker(browser);
    const otherAskedBeforeStop = other.requests.length;
    expect(otherAskedBeforeStop).toBe(2);

    await waitForState(page, (s) => s.run?.phase === 'done' || s.run?.phase === 'error');
    const run = await runFor(url);
    if (run?.phase !== 'done') throw new Error(`run: ${JSON.stringify(run)}`);
    // The resumed run did not ask the other voice again, and still says who said what.
    expect(other.requests).toHaveLength(2);
    expect(run.report.samples).toHaveLength(6);
    expect(run.sources!.filter((s) => s.id === 'v-resume')).toHaveLength(2);
    expect(run.sources!.filter((s) => s.id === 'main')).toHaveLength(4);
    run.report.samples.forEach((text, i) => {
      if (run.sources![i]!.id === 'v-resume') expect(OTHER_SAYS).toContain(text);
      else expect(BROOKLYN_PASSAGE.samples).toContain(text);
    });
    expect(run.sources!.find((s) => s.id === 'v-resume')?.label).toBe('resume-model');
    main.delayMs = 400;
    other.delayMs = 400;
    await Promise.all([page.close(), stopped.close()]);
  });
});
