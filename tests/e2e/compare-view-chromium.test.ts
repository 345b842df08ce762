/**
 * The compare view in the built extension in real Chromium: a real run against a scripted
 * OpenAI-compatible server on 127.0.0.1, then the answer beside one sample — opened from the bar
 * by keyboard, on the sample that disagrees most, switched with the arrow keys, still open and
 * working after the page re-renders the answer, closed with Escape with focus back on its button
 * — and each sample labelled with its source in the compare view, the card and the summary.
 *
 * Sources: until the background fills `sources` (other voices), the test seeds them the way the
 * background will send them: the run's own 'done' status, with `sources` added, sent to the tab
 * as a `bg/run` message from the service worker. Screenshots: test-artifacts/compare-chromium-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalysisReport } from '../../src/core/types.ts';
import { mostDisagreeingSample } from '../../src/shared/report-reading.ts';
import type { RunStatus } from '../../src/shared/run-status.ts';
import type { SampleSource } from '../../src/shared/sources.ts';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

interface ContentState {
  run: { phase: string } | null;
  highlights: number;
}

async function waitForState(
  page: Page,
  match: (s: ContentState) => boolean,
  timeoutMs = 90_000,
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

/** The active element inside the overlay's (open, in test builds) shadow root. */
function activeInOverlay(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.querySelector('crosscheck-overlay')?.shadowRoot?.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}` : null;
  });
}

describe('the compare view in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let llm: LlmServer;

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startFixtureServer();
    llm = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    browser = await launchWithExtension('dist/test/chrome');
    // What a user does in the options page: pick a custom server, enter it, Save.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${llm.url}/v1`);
    await options.fill('#model', 'recorded-model');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await llm?.stop();
  });

  it('opens, switches samples, survives a re-render, closes with Escape, and labels sources', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1400 });
    const url = server.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1');
    await page.goto(url);
    const done = await waitForState(
      page,
      (s) => s.run?.phase === 'done' || s.run?.phase === 'error',
    );
    expect(done.run?.phase).toBe('done');

    // The run as the background keeps it, then the same run with sources, as the background
    // sends it once other voices answer: the first half from the main voice, the rest from another.
    const seeded = await browser.worker.evaluate(async (pageUrl) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs: Record<
          string,
          { tabId: number; url: string; run: RunStatus; capture: { conversationId: string } }
        >;
      };
      const record = Object.values(tabs).find((t) => t.url === pageUrl)!;
      const run = record.run as Extract<RunStatus, { phase: 'done' }>;
      const half = Math.ceil(run.report.samples.length / 2);
      const sources: SampleSource[] = run.report.samples.map((_, i) =>
        i < half ? { id: 'main', label: 'recorded-model' } : { id: 'v-2', label: 'gpt-4o-mini' },
      );
      await chrome.tabs.sendMessage(record.tabId, {
        crosscheck: 1,
        type: 'bg/run',
        payload: {
          conversationId: record.capture.conversationId,
          run: { ...run, sources },
        },
      });
      return { report: run.report, sources };
    }, url);
    const report: AnalysisReport = seeded.report;
    const labels = seeded.sources.map((s, i) => `Sample ${i + 1} · ${s.label}`);

    const overlay = page.locator('crosscheck-overlay');
    await expect
      .poll(() => overlay.locator('.cc-source-reading').count(), { timeout: 10_000 })
      .toBe(1);
    await expect(overlay.locator('.cc-source-reading').textContent()).resolves.toMatch(
      /model|agree/,
    );

    // Opened from the bar by keyboard; focus moves to its heading.
    await overlay.locator('.cc-compare-toggle').focus();
    await page.keyboard.press('Enter');
    const view = overlay.locator('#cc-compare');
    await view.waitFor({ state: 'visible' });
    const first = mostDisagreeingSample(report)!;
    await expect(view.getAttribute('data-sample')).resolves.toBe(String(first));
    await expect(activeInOverlay(page)).resolves.toBe(
      `h3:Your answer beside ${labels[first]}`.slice(0, 43),
    );
    const choices = (await overlay.locator('.cc-compare-choice').allTextContents()).map((t) =>
      t.replace('most different', ''),
    );
    expect(choices).toEqual(labels);
    // One row per answer sentence, each answer sentence as written.
    await expect(overlay.locator('.cc-compare-row').count()).resolves.toBe(report.sentences.length);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1280, 420]) {
        await page.setViewportSize({ width, height: 1400 });
        await view.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-artifacts/compare-chromium-${scheme}-${width}.png` });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 1400 });

    // Arrow keys switch samples.
    await overlay.locator('.cc-compare-choice[aria-checked="true"]').focus();
    await page.keyboard.press('ArrowRight');
    const second = (first + 1) % report.samples.length;
    await expect(view.getAttribute('data-sample')).resolves.toBe(String(second));
    await expect(overlay.locator('#cc-compare-title').textContent()).resolves.toBe(
      `Your answer beside ${labels[second]}`,
    );

    // The chat re-renders the answer (same text, all-new nodes): the view stays, on its sample,
    // and keeps working; the highlights come back over the new nodes.
    await page.evaluate(() => {
      const answer = [...document.querySelectorAll('.markdown')].at(-1)!;
      answer.replaceChildren(...[...answer.childNodes].map((node) => node.cloneNode(true)));
    });
    await page.waitForTimeout(500);
    await expect(overlay.count()).resolves.toBe(1);
    await expect(view.getAttribute('data-sample')).resolves.toBe(String(second));
    const liveRanges = (): Promise<number> =>
      page.evaluate(() => {
        let live = 0;
        for (const [name, highlight] of CSS.highlights)
          if (name.startsWith('crosscheck-'))
            for (const range of highlight as Iterable<Range>)
              if (range.startContainer.isConnected && !range.collapsed) live++;
        return live;
      });
    await expect.poll(liveRanges, { timeout: 10_000 }).toBe(done.highlights);
    await overlay.locator('.cc-compare-choice[aria-checked="true"]').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(view.getAttribute('data-sample')).resolves.toBe(String(first));

    // Escape closes it and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(view.count()).resolves.toBe(0);
    await expect(activeInOverlay(page)).resolves.toBe('button:Compare');

    // The card names each sample's source too (J opens the first flag's card).
    await page.locator('body').focus();
    await page.keyboard.press('j');
    const tags = overlay.locator('#cc-card .cc-evidence .cc-sample-tag');
    await expect.poll(() => tags.count()).toBe(report.samples.length);
    expect((await tags.allTextContents()).sort()).toEqual([...labels].sort());
    await page.close();
  });
});
