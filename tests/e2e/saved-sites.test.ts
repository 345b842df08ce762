/**
 * Every site adapter against markup saved from the live sites by other people (see the folder's
 * README and PROVENANCE files): each saved page under CROSSCHECK_SITES (default ../shared/sites)
 * is served on 127.0.0.1 with its scripts removed and the adapter runs in real Chromium. Pages are
 * discovered, not listed (tests/helpers/saved-pages.ts): a page's expectations (turns, roles, the
 * start of each turn, the last answer) sit beside it or in
 * tests/fixtures/saved-sites-expectations.json, and every page, expected or not, must yield its
 * answers with no page chrome and no sentence split over lines.
 *
 * The folder is not part of the repository; without it this tier skips with a message.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openWithContent,
  startServer,
  type TestServer,
  type TestWindow,
} from '../helpers/page-harness.ts';
import {
  SITES,
  chromeLines,
  discoverSavedPages,
  pagePath,
  savedPagesRoute,
  splitSentences,
} from '../helpers/saved-pages.ts';

const PAGES = discoverSavedPages();

interface Found {
  known: boolean;
  turns: { role: string; text: string }[];
  health: { ok: boolean; problems: string[] };
  capture: { turns: { role: string; text: string }[]; answer: string } | null;
}

describe.skipIf(PAGES.length === 0)('adapters on saved markup of the live sites', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(savedPagesRoute(PAGES));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const saved of PAGES) {
    it(saved.id, async () => {
      const page = await openWithContent(browser, `${server.origin}${pagePath(saved)}`);
      const found: Found = await page.evaluate((id) => {
        const t = (window as unknown as TestWindow).crosscheckTest;
        const adapter = t.adapterById(id);
        if (!adapter)
          return { known: false, turns: [], health: { ok: false, problems: [] }, capture: null };
        const capture = t.captureLatest(adapter, new URL(location.href), document);
        return {
          known: true,
          turns: adapter.turns(document).map((turn) => ({
            role: turn.role,
            text: t.turnText(adapter, turn),
          })),
          health: adapter.health(document),
          capture: capture ? capture.capture : null,
        };
      }, saved.site);
      await page.close();
      expect(found.known, `no adapter "${saved.site}" (name the site in its expectations)`).toBe(
        true,
      );

      const exp = saved.expect;
      const roles = found.turns.map((t) => t.role[0]).join('');
      const answers = found.turns.filter((t) => t.role === 'assistant');
      if (exp?.turns) expect(roles).toBe(exp.turns.map(([r]) => r).join(''));
      exp?.turns?.forEach(([, start], i) => {
        expect(
          found.turns[i]!.text.startsWith(start),
          `turn ${i}: ${found.turns[i]!.text.slice(0, 80)}`,
        ).toBe(true);
      });
      if (exp?.assistantTurns !== undefined) expect(answers.length).toBe(exp.assistantTurns);
      else expect(answers.length, 'no answer found').toBeGreaterThan(0);
      if (exp?.userTurns !== undefined) expect(roles.split('u').length - 1).toBe(exp.userTurns);
      if (exp?.lastAnswer !== undefined) expect(answers.at(-1)?.text).toBe(exp.lastAnswer);

      // No page chrome in any turn, and nothing the page shows inline split over lines.
      for (const t of found.turns) {
        expect(chromeLines(t.text), `page chrome in a ${t.role} turn`).toEqual([]);
        expect(t.text).not.toMatch(/^(You said|ChatGPT said|Copilot said|あなたのプロンプト)/);
        expect(t.text).not.toMatch(/Copy code|Good response|Created a file, read a file/);
      }
      for (const a of answers) expect(splitSentences(a.text), 'split sentence').toEqual([]);

      expect(found.health.ok, found.health.problems.join(' ')).toBe(exp?.healthy ?? true);
      if (exp?.healthy !== false) {
        // The capture answers the last prompt, with every earlier turn as context.
        const last = found.turns[found.turns.length - 1]!;
        expect(found.capture?.answer).toBe(last.text);
        expect(found.capture?.turns.at(-1)?.role).toBe('user');
        expect(found.capture?.turns.length).toBe(found.turns.length - 1);
      }
    });
  }
});

if (PAGES.length === 0) {
  console.warn(
    `saved-sites: skipped, no saved site markup at ${SITES} (set CROSSCHECK_SITES to its folder)`,
  );
}
