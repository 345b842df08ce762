/**
 * A service worker stopped mid-run, with no extension page open to wake it, in real Chromium:
 * the watchdog's alarm starts the worker again, the run resumes with the samples it had and asks
 * the backend only for the rest, and once nothing runs the offscreen document is closed. And a
 * finished check whose result cannot be stored (storage.local full) is still shown, with a note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { waitForContentState } from '../helpers/content-state.ts';
import { stopServiceWorker } from '../helpers/stop-service-worker.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

interface ContentState {
  run: { phase: string; done?: number; total?: number; message?: string } | null;
  highlights: number;
}

const waitForState = (page: Page, match: (s: ContentState) => boolean, timeoutMs?: number) =>
  waitForContentState(page, match, timeoutMs);

describe('watchdog in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let llm: LlmServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    // Slow replies, one at a time: the run takes over 10 s, so the worker surely stops mid-run.
    llm = await startLlmServer({ delayMs: 2500, passages: [BROOKLYN_PASSAGE] });
    browser = await launchWithExtension('dist/test/chrome');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await llm?.stop();
  });

  it('resumes a run after the service worker is stopped, with no extension page open', async () => {
    // The backend, one request at a time.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${llm.url}/v1`);
    await options.fill('#model', 'recorded-model-watchdog');
    // The sampling settings sit under "Advanced".
    await options.getByText('Advanced: temperature').click();
    await options.fill('#concurrency', '1');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');
    await options.close();
    llm.resetStats();

    const page = await browser.context.newPage();
    await page.goto(
      server.url('/sites/mistral/conversation.html?crosscheck-site=mistral&stream=1&tick=10'),
    );
    const before = await waitForState(
      page,
      (s) => s.run?.phase === 'sampling' && (s.run.done ?? 0) >= 1,
      60_000,
    );

    const stopped = await stopServiceWorker(browser);
    const askedBeforeStop = llm.requests.length;
    // The run was really cut short: the worker stopped before the last sample came.
    const atStop = await waitForState(page, () => true, 1000);
    expect(atStop.run?.phase).toBe('sampling');

    const done = await waitForState(
      page,
      (s) => s.run?.phase === 'done' || s.run?.phase === 'error',
      90_000,
    );
    expect(done.run, done.run?.message).toMatchObject({ phase: 'done' });
    expect(stopped.restarted.length).toBeGreaterThan(0);
    // The resumed run asked only for what was missing: one run, not two.
    const askedAfter = llm.requests.slice(askedBeforeStop).reduce((sum, r) => sum + r.n, 0);
    expect(askedAfter).toBeGreaterThan(0);
    expect(askedAfter).toBeLessThanOrEqual(4 - (before.run?.done ?? 0));

    const worker = await browser.currentWorker();
    const samples = await worker.evaluate(async () => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs: Record<string, { run: { phase: string; report?: { samples: string[] } } }>;
      };
      return Object.values(tabs).find((t) => t.run.phase === 'done')?.run.report?.samples;
    });
    expect(samples).toHaveLength(4);

    // Nothing runs now: the offscreen document (the embedding model) is closed soon after.
    await expect
      .poll(
        () =>
          worker.evaluate(
            async () =>
              (
                await chrome.runtime.getContexts({
                  contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
                })
              ).length,
          ),
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(0);
    await Promise.all([stopped.close(), page.close()]);
  });

  it('shows a finished check that storage.local has no room for, and says it was not kept', async () => {
    llm.delayMs = 50;
    const worker = await browser.currentWorker();
    // Fill storage.local to within a few hundred bytes of Chrome's 10 MB quota.
    await worker.evaluate(async () => {
      const used = await chrome.storage.local.getBytesInUse(null);
      const room = chrome.storage.local.QUOTA_BYTES - used;
      await chrome.storage.local.set({ filler: 'x'.repeat(room - 300) });
    });
    try {
      const page = await browser.context.newPage();
      await page.goto(
        server.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&tick=10'),
      );
      const done = await waitForState(
        page,
        (s) => s.run?.phase === 'done' || s.run?.phase === 'error',
        90_000,
      );
      expect(done.run, done.run?.message).toMatchObject({ phase: 'done' });
      expect(done.highlights).toBeGreaterThan(0);
      const note = page.getByRole('region', { name: 'Crosscheck' }).getByRole('note');
      await expect
        .poll(() => note.textContent())
        .toMatch(/^This result could not be saved, so a reload will not show it \(.*quota.*\)\.$/i);
      await page.close();
    } finally {
      await (await browser.currentWorker()).evaluate(() => chrome.storage.local.remove('filler'));
    }
  });
});
