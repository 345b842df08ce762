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
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

interface ContentState {
  run: { phase: string; done?: number; total?: number; message?: string } | null;
  highlights: number;
}

async function waitForState(
  page: Page,
  match: (s: ContentState) => boolean,
  timeoutMs: number,
): Promise<ContentState> {
  const until = Date.now() + timeoutMs;
  let last: ContentState | null = null;
  while (Date.now() < until) {
    const raw = await page.getAttribute('html', 'data-crosscheck-test');
    last = raw === null ? null : (JSON.parse(raw) as ContentState);
    if (last && match(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`content state never matched; last: ${JSON.stringify(last)}`);
}

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

    // Stop the worker as Chrome does when it idles, through the DevTools protocol of a page of
    // the extension's origin that runs no script (an icon), so nothing there wakes the worker.
    // Each version's latest running status: an older version's 'stopped' (from install) must
    // not pass for this worker's.
    const latest = new Map<string, string>();
    const restarted: string[] = [];
    let stopSent = false;
    const quiet = await browser.context.newPage();
    await quiet.goto(`chrome-extension://${browser.extensionId}/icons/icon-16.png`);
    const cdp = await browser.context.newCDPSession(quiet);
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        latest.set(version.versionId, version.runningStatus);
        if (stopSent && version.runningStatus === 'running') restarted.push(version.versionId);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => [...latest.values()].includes('running')).toBe(true);
    restarted.length = 0;
    await cdp.send('ServiceWorker.stopAllWorkers');
    stopSent = true;
    await expect
      .poll(() => [...latest.values()].every((status) => status === 'stopped'), {
        timeout: 10_000,
      })
      .toBe(true);
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
    expect(restarted.length).toBeGreaterThan(0);
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
    await Promise.all([quiet.close(), page.close()]);
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
