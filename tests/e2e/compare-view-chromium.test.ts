/**
 * The compare view in the built extension in real Chromium: a real run against two scripted
 * OpenAI-compatible servers on 127.0.0.1 that answer differently (the main backend, configured
 * through the options page, and one other voice), then the answer beside one sample — opened
 * from the bar by keyboard, on the sample that disagrees most, switched with the arrow keys,
 * still open and working after the page re-renders the answer, closed with Escape with focus
 * back on its button — and each sample labelled with the source the run recorded, in the compare
 * view, the card and the summary. Screenshots: test-artifacts/compare-chromium-*.png (the view, and the card).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForContentState } from '../helpers/content-state.ts';
import type { Page } from 'playwright-core';
import type { AnalysisReport } from '../../src/core/types.ts';
import { mostDisagreeingSample } from '../../src/shared/comparison.ts';
import type { RunStatus } from '../../src/shared/run-status.ts';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

/** The other voice's answers: it disagrees about the opening year. */
const OTHER_SAYS = [
  'The Brooklyn Bridge opened in 1885 and was designed by John A. Roebling.',
  'It opened in 1885; Washington Roebling completed it after his father died.',
];

interface ContentState {
  run: { phase: string } | null;
  highlights: number;
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
  let other: LlmServer;

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startFixtureServer();
    llm = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    other = await startLlmServer({
      passages: [{ person: 'Brooklyn Bridge', keywords: ['brooklyn'], samples: OTHER_SAYS }],
    });
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
    // One other voice, stored as the options page stores it: 2 samples from the other server.
    await browser.worker.evaluate(async (baseUrl) => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings: Record<string, unknown> & { backend: Record<string, unknown> };
      };
      settings.otherVoicesMode = 'always';
      settings.otherVoices = [
        {
          id: 'v-other',
          samples: 2,
          backend: { ...settings.backend, baseUrl, model: 'other-model' },
        },
      ];
      await chrome.storage.local.set({ settings });
    }, `${other.url}/v1`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await llm?.stop();
    await other?.stop();
  });

  it('opens, switches samples, survives a re-render, closes with Escape, and labels sources', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1400 });
    const url = server.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1');
    await page.goto(url);
    const done = await waitForContentState<ContentState>(
      page,
      (s) => s.run?.phase === 'done' || s.run?.phase === 'error',
    );
    expect(done.run?.phase).toBe('done');

    // The run as the background keeps it: who said each sample comes from the run itself.
    const run = await browser.worker.evaluate(async (pageUrl) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs: Record<string, { url: string; run: RunStatus }>;
      };
      return Object.values(tabs).find((t) => t.url === pageUrl)!.run;
    }, url);
    if (run.phase !== 'done') throw new Error(`run: ${JSON.stringify(run)}`);
    const report: AnalysisReport = run.report;
    expect(report.samples).toHaveLength(6);
    expect(new Set(run.sources?.map((s) => s.label))).toEqual(
      new Set(['recorded-model', 'other-model']),
    );
    expect(other.requests.length).toBeGreaterThan(0);
    const labels = run.sources!.map((s, i) => `Sample ${i + 1} · ${s.label}`);

    const overlay = page.locator('crosscheck-overlay');
    // The summary says whether the disagreement is within one model or between models.
    await expect(overlay.locator('.cc-source-reading').textContent()).resolves.toMatch(/model/);

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
    await page.screenshot({ path: 'test-artifacts/compare-chromium-card.png' });
    await page.close();
  });
});
