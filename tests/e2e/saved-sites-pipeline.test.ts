/**
 * The built extension on markup saved from the real chat sites by other people (not our own
 * fixtures): on each page the content script captures the finished answer at load (shown as "not
 * checked yet", nothing paid for), the user presses "Check answer" in the bar, and the page ends
 * with highlights over exactly the sentences the report flags. The samples are unrelated to the
 * saved answers, so most sentences are flagged: this checks capture and anchoring on real markup,
 * not the analysis.
 *
 * The folder is not part of the repository; without it (default ../shared/sites, override with
 * CROSSCHECK_SITES) this tier skips with a message.
 */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalysisReport } from '../../src/core/types.ts';
import { shownFlags } from '../../src/shared/report-reading.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { startServer, type TestServer } from '../helpers/page-harness.ts';
import {
  SITES,
  discoverSavedPages,
  pagePath,
  savedPagesRoute,
  type SavedPage,
} from '../helpers/saved-pages.ts';

/**
 * One saved conversation per site: the smallest page expected to hold a prompt before its last
 * answer (healthy), so a newly saved page joins without code and the run stays short.
 */
function onePagePerSite(): SavedPage[] {
  const bySite = new Map<string, { page: SavedPage; size: number }>();
  for (const page of discoverSavedPages()) {
    const exp = page.expect;
    if (!exp || exp.healthy === false || exp.userTurns === 0) continue;
    const size = statSync(page.file).size;
    const best = bySite.get(page.site);
    if (!best || size < best.size) bySite.set(page.site, { page, size });
  }
  return [...bySite.values()].map((b) => b.page);
}

const PAGES = onePagePerSite();

interface ContentState {
  captures: number;
  run: { phase: string; message?: string } | null;
  highlights: number;
}

async function waitForState(
  page: Page,
  match: (s: ContentState) => boolean,
): Promise<ContentState> {
  let last: ContentState | null = null;
  for (let i = 0; i < 900; i++) {
    const raw = await page.getAttribute('html', 'data-crosscheck-test');
    last = raw === null ? null : (JSON.parse(raw) as ContentState);
    if (last && match(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`content state never matched; last: ${JSON.stringify(last)}`);
}

/** Whether every character of `want` appears in `text` in the same order. */
function inOrder(want: string, text: string): boolean {
  const chars = [...want]; // by code point: emoji are two UTF-16 units
  let i = 0;
  for (const ch of text) if (ch === chars[i]) i++;
  return i === chars.length;
}

describe.skipIf(PAGES.length === 0)('the extension on saved pages of the real sites', () => {
  let browser: ExtensionBrowser;
  let pages: TestServer;
  let llm: LlmServer;

  beforeAll(async () => {
    pages = await startServer(savedPagesRoute(PAGES));
    // The same extra answers whatever the question: an empty keyword matches every prompt.
    llm = await startLlmServer({ passages: [{ ...BROOKLYN_PASSAGE, keywords: [''] }] });
    browser = await launchWithExtension('dist/test/chrome');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${llm.url}/v1`);
    await options.fill('#model', 'recorded-saved-sites');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByText('Saved.').waitFor({ timeout: 10_000 });
    await options.close();
  });

  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await llm?.stop();
  });

  for (const saved of PAGES) {
    const { site } = saved;
    it(saved.id, async () => {
      llm.resetStats();
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1100, height: 1400 });
      const url = `${pages.origin}${pagePath(saved)}?crosscheck-site=${site}`;
      await page.goto(url);
      // An answer already there at load is captured but not paid for.
      await waitForState(page, (s) => s.captures >= 1 && s.run?.phase === 'idle');
      expect(llm.calls('openai')).toBe(0);

      const bar = page.getByRole('region', { name: 'Crosscheck' });
      // From the keyboard: saved markup without the site's CSS can leave site chrome lying over
      // the bar (DeepSeek's scroll gutters), which would swallow a pointer click.
      await bar.getByRole('button', { name: /Check answer/ }).press('Enter');
      const done = await waitForState(
        page,
        (s) => s.run?.phase === 'done' || s.run?.phase === 'error',
      );
      expect(done.run, done.run?.message).toMatchObject({ phase: 'done' });

      const worker = await browser.currentWorker();
      const report = await worker.evaluate(async (u) => {
        const { tabs } = (await chrome.storage.session.get('tabs')) as {
          tabs: Record<string, { url: string; run: { report?: unknown } }>;
        };
        return Object.values(tabs).find((t) => t.url === u)?.run.report as never;
      }, url);
      // The flags a reader is shown: disclaimers and repeated omissions left out.
      const flagged = shownFlags(report as AnalysisReport).map((f) => f.finding);
      const drawn = await page.evaluate(() => {
        const texts: string[] = [];
        for (const [name, highlight] of CSS.highlights) {
          if (name.startsWith('crosscheck-')) for (const r of highlight) texts.push(r.toString());
        }
        return texts;
      });
      // Each flagged sentence has its own range. A range may also cover site chrome that sits
      // inside the sentence and is left out of the captured text (ChatGPT's citation pills), so
      // the sentence's characters must appear in the range's text in order, with little else.
      expect(drawn.length).toBe(flagged.length);
      const squash = (t: string) => t.replace(/[|#*`>\s-]/g, '');
      const unmatched = drawn.map(squash);
      for (const f of flagged) {
        const want = squash(f.segment.text);
        const at = unmatched.findIndex((d) => d.length <= want.length + 60 && inOrder(want, d));
        expect(
          at,
          `no range for "${f.segment.text}" among ${JSON.stringify(drawn)}`,
        ).toBeGreaterThan(-1);
        unmatched.splice(at, 1);
      }
      await page.screenshot({ path: `test-artifacts/saved-${site}.png` });
      await page.close();
    });
  }
});

if (PAGES.length === 0) {
  console.warn(
    `saved-sites pipeline: skipped, no saved site markup at ${SITES} (set CROSSCHECK_SITES to its folder)`,
  );
}
