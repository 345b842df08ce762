/**
 * The overlay in real Chromium: the harness page (tests/fixtures/overlay) mounts it after a
 * fixture answer with a hand-written report that has every inconsistency type, and these tests
 * drive it the way a user would — reading the summary, toggling the consensus, hovering and
 * tabbing to flags — and check that page and overlay styles stay apart. Screenshots go to
 * test-artifacts/overlay-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOverlayHarness } from '../helpers/overlay-harness.ts';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, QUIET_CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AnalysisReport } from '../../src/core/types.ts';
import { shownFlags } from '../../src/shared/report-reading.ts';
import fixtureReport from '../fixtures/overlay/report.json';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/overlay');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

let outDir = '';
let server: Server;
let baseUrl = '';
let browser: Browser;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'cc-overlay-'));
  await buildOverlayHarness(outDir);
  const files: Record<string, { file: string; type: string }> = {
    '/': { file: path.join(FIXTURE, 'index.html'), type: 'text/html; charset=utf-8' },
    '/harness.js': { file: path.join(outDir, 'harness.js'), type: 'text/javascript' },
  };
  server = createServer((req, res) => {
    const entry = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    readFile(entry.file).then(
      (body) => res.writeHead(200, { 'content-type': entry.type }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function openHarness(
  query = '',
  options: {
    colorScheme?: 'light' | 'dark';
    height?: number;
    width?: number;
    motion?: boolean;
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 900, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: 1,
    reducedMotion: options.motion ? 'no-preference' : 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForFunction(() => 'harness' in window);
  expect(errors).toEqual([]);
  return page;
}

/** Opens the full card of a flag with its sentence's current rects, as a click on it does. */
async function openCard(page: Page, index: number): Promise<Box[]> {
  return page.evaluate((i) => {
    const rects = window.harness.rectsOf(i);
    window.harness.handle.openCard(i, rects, { via: 'click' });
    return rects.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
  }, index);
}

/** The active element inside the overlay's shadow root, described for assertions. */
async function activeInOverlay(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.querySelector('crosscheck-overlay')?.shadowRoot;
    const el = root?.activeElement as HTMLElement | null | undefined;
    if (!el) return null;
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.dataset.flag ? `[flag=${el.dataset.flag}]` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`;
  });
}

describe('overlay in Chromium', () => {
  it('shows agreement, counts per type and the consensus pick', async () => {
    const page = await openHarness('?expanded');
    const overlay = page.locator('crosscheck-overlay');
    // One agreement sentence, the same in the bar and the consensus section.
    const sentence = '2 of 5 samples agree with your answer: most samples say something else';
    await expect(overlay.locator('.cc-headline').textContent()).resolves.toBe(sentence);
    await expect(overlay.locator('.cc-consensus-agreement').textContent()).resolves.toBe(
      `${sentence}.`,
    );
    const chips = await overlay.locator('.cc-chip').allTextContents();
    expect(chips.map((c) => c.trim())).toEqual([
      '1 contradiction',
      '1 different number',
      '1 different name',
      '1 unsupported claim',
      '2 omissions',
    ]);
    await expect(overlay.locator('.cc-consensus-pick').textContent()).resolves.toBe(
      'Sample 2 reads most like the others.',
    );
    await expect(overlay.locator('.cc-omission-text').allTextContents()).resolves.toHaveLength(2);
    await expect(overlay.locator('.cc-flag').count()).resolves.toBe(4);
    // The legend's swatches carry the same underline styles as the page highlights, and
    // letters no one could mistake for text.
    const swatches = await overlay
      .locator('.cc-legend .cc-swatch')
      .evaluateAll((els) =>
        els.map((el) => [getComputedStyle(el).textDecorationStyle, el.textContent?.trim()]),
      );
    expect(swatches).toEqual([
      ['solid', ''],
      ['double', ''],
      ['dotted', ''],
      ['wavy', ''],
      ['dashed', ''],
    ]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-summary.png'), fullPage: true });
    await page.context().close();
  });

  it('collapses to a compact bar and reports progress and errors in words', async () => {
    const page = await openHarness();
    const overlay = page.locator('crosscheck-overlay');
    await expect(overlay.locator('.cc-details').isHidden()).resolves.toBe(true);
    const toggle = overlay.locator('.cc-expand');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(overlay.locator('.cc-details').isVisible()).resolves.toBe(true);
    await toggle.click();
    await page.locator('#answer').screenshot({ path: path.join(ARTIFACTS, 'overlay-bar.png') });
    await overlay.screenshot({ path: path.join(ARTIFACTS, 'overlay-bar-only.png') });

    await page.evaluate(() =>
      window.harness.handle.setState({
        phase: 'sampling',
        done: 1,
        total: 4,
        failures: [{ index: 2, message: 'Rate limited by the backend (429)' }],
      }),
    );
    await expect(overlay.locator('.cc-status-text').textContent()).resolves.toContain(
      'Received 1 of 4 samples…',
    );
    await expect(overlay.locator('.cc-status-warning').textContent()).resolves.toBe(
      '1 request failed',
    );
    await expect(overlay.getByRole('button', { name: 'Re-run' }).count()).resolves.toBe(0);
    await overlay.screenshot({ path: path.join(ARTIFACTS, 'overlay-sampling.png') });
    await overlay.getByRole('button', { name: 'Cancel' }).click();

    // A rejected key needs the settings: that is the first, primary action.
    await page.evaluate(() =>
      window.harness.handle.setState({
        phase: 'error',
        message: 'The API key was rejected (401). Check the key in Crosscheck’s options.',
      }),
    );
    await expect(overlay.locator('[role=alert]').textContent()).resolves.toBe(
      'Couldn’t check this answer. The API key was rejected (401). Check the key in Crosscheck’s options.',
    );
    const first = overlay.locator('.cc-bar-actions button').first();
    await expect(first.textContent()).resolves.toBe('Open settings');
    await overlay.screenshot({ path: path.join(ARTIFACTS, 'overlay-error.png') });
    await first.click();
    await overlay.getByRole('button', { name: 'Re-run' }).click();
    await expect(page.evaluate(() => window.harness.events)).resolves.toEqual([
      'cancel',
      'settings',
      'rerun',
    ]);
    await page.context().close();
  });

  it('shows the consensus answer with its differences marked', async () => {
    const page = await openHarness('?expanded');
    const overlay = page.locator('crosscheck-overlay');
    const toggle = overlay.getByRole('button', { name: 'Show consensus answer' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    const hide = overlay.getByRole('button', { name: 'Hide consensus answer' });
    await expect(hide.getAttribute('aria-expanded')).resolves.toBe('true');
    const body = overlay.locator('blockquote.cc-fulltext');
    const sample2 = await page.evaluate(() => window.harness.report.samples[1]!);
    // The shown text is sample 2 in full: its own words plus the marked additions.
    const shown = await body.evaluate((el) =>
      [...el.childNodes]
        .filter((n) => !(n instanceof HTMLElement && n.tagName === 'DEL'))
        .map((n) => n.textContent)
        .join(''),
    );
    expect(shown).toBe(sample2);
    const added = (await body.locator('ins').allTextContents()).join(' ');
    expect(added).toContain('1889');
    expect(added).toContain('Chrysler');
    // Only the additions at first; the user's own words on request.
    await expect(body.locator('del').count()).resolves.toBe(0);
    await overlay.locator('.cc-consensus').screenshot({
      path: path.join(ARTIFACTS, 'overlay-consensus.png'),
    });
    const removedToggle = overlay.getByRole('button', { name: 'Show words only in your answer' });
    await removedToggle.click();
    await expect(removedToggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const removed = (await body.locator('del').allTextContents()).join(' ');
    expect(removed).toContain('1887');
    expect(removed).toContain('Empire State');
    // Still exactly sample 2 outside the removed words.
    await expect(
      body.evaluate((el) =>
        [...el.childNodes]
          .filter((n) => !(n instanceof HTMLElement && n.tagName === 'DEL'))
          .map((n) => n.textContent)
          .join(''),
      ),
    ).resolves.toBe(sample2);
    await overlay.locator('.cc-consensus').screenshot({
      path: path.join(ARTIFACTS, 'overlay-consensus-changes.png'),
    });
    await page.context().close();
  });

  it('opens a card beside the sentence, with the samples’ wording marked, and closes on Escape', async () => {
    const page = await openHarness();
    const rects = await openCard(page, 0);
    const card = page.locator('crosscheck-overlay #cc-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('.cc-card-title').textContent()).resolves.toBe('Different number');
    await expect(card.locator('.cc-support-text').textContent()).resolves.toBe(
      '1 of 5 samples backs this sentence',
    );
    // Evidence first: the reader's sentence with the words the samples do not back.
    await expect(card.locator('.cc-own-sentence mark').allTextContents()).resolves.toEqual([
      '1887',
    ]);
    const marks = await card.locator('.cc-evidence mark').allTextContents();
    expect(marks).toContain('1889');
    expect(marks).toContain('March 1889');
    const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    for (const r of rects) expect(overlaps(box, r)).toBe(false);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(900);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-card.png') });

    // A sample with no counterpart is said to say nothing.
    await openCard(page, 4);
    await expect(card.getAttribute('data-flag')).resolves.toBe('4');
    const silent = await card.locator('[data-stance=silent] .cc-quote').allTextContents();
    expect(silent.length).toBeGreaterThan(0);
    for (const text of silent) expect(text).toBe('Says nothing about this.');

    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => window.harness.handle.openFlag)).resolves.toBeNull();
    await page.context().close();
  });

  it('places the card above a sentence near the bottom of the viewport', async () => {
    const page = await openHarness();
    // Room above the conversation, then scroll so the last flagged sentence sits near the
    // bottom edge.
    await page.evaluate(() => {
      document.querySelector('main')!.style.paddingTop = '900px';
      const r = window.harness.rectsOf(5)[0]!;
      window.scrollBy(0, r.bottom - window.innerHeight + 40);
    });
    const rects = await openCard(page, 5);
    const card = page.locator('crosscheck-overlay #cc-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.getAttribute('data-side')).resolves.toBe('above');
    const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    for (const r of rects) expect(overlaps(box, r)).toBe(false);
    expect(box.top).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-card-above.png') });
    await page.context().close();
  });

  it('follows its sentence on scroll and closes once the sentence is out of sight', async () => {
    const page = await openHarness();
    await page.evaluate(() => {
      document.querySelector('main')!.style.paddingBottom = '3000px';
    });
    await openCard(page, 0);
    const card = page.locator('crosscheck-overlay #cc-card');
    await card.waitFor({ state: 'visible' });
    const topBefore = await card.evaluate((el) => el.getBoundingClientRect().top);
    await page.evaluate(() => window.scrollBy(0, 60));
    await expect
      .poll(() => card.evaluate((el) => el.getBoundingClientRect().top))
      .toBeCloseTo(topBefore - 60, 0);
    await page.evaluate(() => window.scrollBy(0, 1200));
    await card.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('keeps every card off the bar’s headline and its sentence between 700 and 1150 px', async () => {
    const flags = shownFlags(fixtureReport as unknown as AnalysisReport).map((f) => f.index);
    for (const [width, colorScheme] of [
      [720, 'light'],
      [900, 'dark'],
      [1150, 'light'],
    ] as const) {
      const page = await openHarness('', { width, height: 800, colorScheme });
      // The answer's last lines sit just above the bar, where a card below them would land on it.
      await page.evaluate(() => {
        const bar = document.querySelector('crosscheck-overlay')!.getBoundingClientRect();
        window.scrollTo({ top: bar.top + window.scrollY - 600, behavior: 'instant' });
      });
      const card = page.locator('crosscheck-overlay #cc-card');
      for (const index of flags) {
        const rects = await openCard(page, index);
        await card.waitFor({ state: 'visible' });
        await expect.poll(() => card.getAttribute('data-flag')).toBe(String(index));
        const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
        const bar = await page.evaluate(
          () =>
            document
              .querySelector('crosscheck-overlay')!
              .shadowRoot!.querySelector('.cc-bar')!
              .getBoundingClientRect()
              .toJSON() as Box,
        );
        const where = `${width}px, flag ${index}`;
        expect(overlaps(box, bar), where).toBe(false);
        for (const r of rects) expect(overlaps(box, r), where).toBe(false);
        if (index === flags[flags.length - 1]) {
          await page.screenshot({
            path: path.join(ARTIFACTS, `overlay-card-${width}-${colorScheme}.png`),
          });
        }
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'detached' });
      }
      await page.context().close();
    }
  });

  it('opens the full card with Enter while a hover preview shows', async () => {
    const page = await openHarness();
    const first = (
      await page.evaluate(() => window.harness.rectsOf(3).map((r) => r.toJSON() as Box))
    )[0]!;
    const card = page.locator('crosscheck-overlay #cc-card');
    await page.mouse.move(first.left + 10, (first.top + first.bottom) / 2);
    await card.waitFor({ state: 'visible' });
    await expect(card.getAttribute('data-mode')).resolves.toBe('preview');
    await expect(card.textContent()).resolves.toContain('click or Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-mode')).toBe('full');
    await expect(card.getAttribute('role')).resolves.toBe('dialog');
    expect(await activeInOverlay(page)).toMatch(/^div#cc-card/);
    // The full card stays when the pointer moves on, and Escape closes it.
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForTimeout(600);
    await expect(card.getAttribute('data-mode')).resolves.toBe('full');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('previews a flag when the pointer rests on it, opens it on click, and closes after the pointer leaves', async () => {
    const page = await openHarness();
    const rects = await page.evaluate(() =>
      window.harness.rectsOf(3).map((r) => r.toJSON() as Box),
    );
    const first = rects[0]!;
    const card = page.locator('crosscheck-overlay #cc-card');
    await page.mouse.move(first.left + 10, (first.top + first.bottom) / 2);
    // A passing pointer shows nothing yet; a resting one gets the one-line preview.
    await expect(card.count()).resolves.toBe(0);
    await card.waitFor({ state: 'visible' });
    await expect(card.getAttribute('role')).resolves.toBe('tooltip');
    await expect(card.getAttribute('data-mode')).resolves.toBe('preview');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-preview.png') });
    // Moving into the preview keeps it open.
    const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    await page.mouse.move(box.left + 20, box.top + 10, { steps: 4 });
    await page.waitForTimeout(600);
    await expect(card.isVisible()).resolves.toBe(true);
    // Leaving both closes it after the grace delay.
    await page.mouse.move(5, 5, { steps: 2 });
    await card.waitFor({ state: 'detached', timeout: 2000 });

    // A click opens the full card, which stays when the pointer moves on.
    await page.mouse.click(first.left + 10, (first.top + first.bottom) / 2);
    await expect(card.getAttribute('role')).resolves.toBe('dialog');
    await page.mouse.move(5, 5, { steps: 2 });
    await page.waitForTimeout(600);
    await expect(card.getAttribute('data-mode')).resolves.toBe('full');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('steps through the flags with J and K on a smooth-scrolling page, and chips jump to their flag', async () => {
    const page = await openHarness('', { motion: true });
    await page.evaluate(() => {
      document.documentElement.style.scrollBehavior = 'smooth';
      document.querySelector('main')!.style.paddingTop = '1600px';
      document.querySelector('main')!.style.paddingBottom = '1600px';
    });
    const card = page.locator('crosscheck-overlay #cc-card');
    const inView = (i: number) =>
      page.evaluate((index) => {
        const r = window.harness.rectsOf(index)[0]!;
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }, i);
    await page.keyboard.press('j');
    await expect.poll(() => card.getAttribute('data-flag')).toBe('0');
    // The page scrolls smoothly to the sentence and the card is still there when it arrives.
    await expect.poll(() => inView(0)).toBe(true);
    await page.waitForTimeout(300);
    await expect(card.isVisible()).resolves.toBe(true);
    const rects = await page.evaluate(() =>
      window.harness.rectsOf(0).map((r) => r.toJSON() as Box),
    );
    const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    for (const r of rects) expect(overlaps(box, r)).toBe(false);
    await expect(card.locator('.cc-step-count').textContent()).resolves.toBe('1 of 4');
    await page.keyboard.press('j');
    await expect.poll(() => card.getAttribute('data-flag')).toBe('3');
    await expect.poll(() => inView(3)).toBe(true);
    await page.keyboard.press('k');
    await expect.poll(() => card.getAttribute('data-flag')).toBe('0');
    await card.locator('.cc-step-prev').click();
    await expect.poll(() => card.getAttribute('data-flag')).toBe('5');
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-step.png') });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    // A chip in the bar goes to the first flag of its kind.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.locator('crosscheck-overlay button.cc-chip[data-type=entity]').click();
    await expect.poll(() => card.getAttribute('data-flag')).toBe('3');
    await expect.poll(() => inView(3)).toBe(true);
    await page.context().close();
  });

  it('puts the card in the margin when the window is wide, and within a narrow one', async () => {
    const wide = await openHarness('', { width: 1600 });
    const rects = await openCard(wide, 3);
    const card = wide.locator('crosscheck-overlay #cc-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.getAttribute('data-side')).resolves.toBe('right');
    const column = await wide.locator('#answer').evaluate((el) => el.getBoundingClientRect().right);
    const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    expect(box.left).toBeGreaterThanOrEqual(column);
    expect(box.right).toBeLessThanOrEqual(1600);
    for (const r of rects) expect(overlaps(box, r)).toBe(false);
    await wide.screenshot({ path: path.join(ARTIFACTS, 'overlay-card-margin.png') });
    await wide.context().close();

    const narrow = await openHarness('', { width: 400, height: 800 });
    const narrowRects = await openCard(narrow, 3);
    const narrowCard = narrow.locator('crosscheck-overlay #cc-card');
    await narrowCard.waitFor({ state: 'visible' });
    const narrowBox = await narrowCard.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    expect(narrowBox.left).toBeGreaterThanOrEqual(0);
    expect(narrowBox.right).toBeLessThanOrEqual(400);
    for (const r of narrowRects) expect(overlaps(narrowBox, r)).toBe(false);
    await narrow.screenshot({ path: path.join(ARTIFACTS, 'overlay-card-narrow.png') });
    await narrow.context().close();
  });

  it('reaches the summary and the flags from the keyboard, into the card and back', async () => {
    const page = await openHarness();
    // From the page's first link, Tab walks into the overlay.
    await page.focus('#first-link');
    // The chips first: each goes to its first flag (omissions open the details).
    for (const chip of [
      '1 contradiction',
      '1 different number',
      '1 different name',
      '1 unsupported claim',
      '2 omissions',
    ]) {
      await page.keyboard.press('Tab');
      expect(await activeInOverlay(page)).toMatch(new RegExp(`^button:${chip}$`));
    }
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Previous flag/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Next flag/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Re-run/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Crosscheck settings/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Compare/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Details/);
    const ring = await page.evaluate(() => {
      const el = document.querySelector('crosscheck-overlay')!.shadowRoot!.activeElement!;
      return getComputedStyle(el).outlineStyle;
    });
    expect(ring).toBe('solid');
    await page.keyboard.press('Enter');
    // What to check comes first: the flags.
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button\[flag=0\]/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button\[flag=3\]/);

    await page.keyboard.press('Enter');
    const card = page.locator('crosscheck-overlay #cc-card');
    await card.waitFor({ state: 'visible' });
    await expect(card.getAttribute('data-flag')).resolves.toBe('3');
    await expect(page.evaluate(() => window.harness.events)).resolves.toEqual(['focus:3']);
    const flagButton = page.locator('crosscheck-overlay .cc-flag[data-flag="3"]');
    await expect(flagButton.getAttribute('aria-expanded')).resolves.toBe('true');
    // The sentence was scrolled into view and the card does not cover it.
    const rects = await page.evaluate(() =>
      window.harness.rectsOf(3).map((r) => r.toJSON() as Box),
    );
    expect(rects[0]!.top).toBeGreaterThanOrEqual(0);
    expect(rects[0]!.bottom).toBeLessThanOrEqual(900);
    const box = await card.evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
    for (const r of rects) expect(overlaps(box, r)).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-keyboard-card.png') });

    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^div#cc-card/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Previous flag/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Next flag/);
    await page.keyboard.press('Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Close/);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await activeInOverlay(page)).toMatch(/^button:Previous flag/);
    // Back out of the card's first control, to the flag it came from.
    await page.keyboard.press('Shift+Tab');
    expect(await activeInOverlay(page)).toMatch(/^button\[flag=3\]/);
    await expect(card.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await activeInOverlay(page)).toMatch(/^button\[flag=3\]/);

    // Focus leaving both the flag and its card closes the card.
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'visible' });
    await page.keyboard.press('Shift+Tab');
    expect(await activeInOverlay(page)).toMatch(/^button\[flag=0\]/);
    await card.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('keeps page styles and overlay styles apart', async () => {
    const page = await openHarness('?expanded');
    const styles = await page.evaluate(() => {
      const root = document.querySelector('crosscheck-overlay')!.shadowRoot!;
      const rerun = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Re-run')!;
      const omission = root.querySelector('.cc-omission-text')!;
      return {
        pageP: getComputedStyle(document.getElementById('after')!).color,
        answerP: getComputedStyle(document.getElementById('answer-text')!).color,
        overlayButtonBg: getComputedStyle(rerun).backgroundColor,
        overlayButtonBorder: getComputedStyle(rerun).borderTopColor,
        overlayP: getComputedStyle(omission).color,
        overlayFont: getComputedStyle(omission).fontFamily,
        overlayLetterSpacing: getComputedStyle(root.querySelector('.cc-headline')!).letterSpacing,
      };
    });
    expect(styles.pageP).toBe('rgb(31, 41, 55)');
    expect(styles.answerP).toBe('rgb(31, 41, 55)');
    expect(styles.overlayButtonBg).not.toBe('rgb(255, 0, 0)');
    expect(styles.overlayButtonBorder).not.toBe('rgb(0, 255, 0)');
    expect(styles.overlayP).not.toBe('rgb(31, 41, 55)');
    expect(styles.overlayFont).toContain('system-ui');
    expect(styles.overlayLetterSpacing).toBe('normal');
    await page.context().close();
  });

  it('does not reassure in green when nothing is flagged but most samples disagree', async () => {
    // Light and dark, wide and narrow: the chip stays muted next to a headline of doubt.
    for (const [width, scheme] of [
      [900, 'light'],
      [360, 'dark'],
    ] as const) {
      const page = await openHarness('', { colorScheme: scheme, width });
      await page.evaluate(() => {
        const report = structuredClone(window.harness.report);
        for (const finding of report.sentences) finding.flagged = false;
        report.omissions = [];
        window.harness.handle.setState({
          phase: 'done',
          report,
          fromCache: false,
          failures: [],
          usage: null,
        });
      });
      const overlay = page.locator('crosscheck-overlay');
      const chip = overlay.locator('.cc-chip-none');
      await expect.poll(() => chip.textContent()).toBe('No single sentence flagged');
      const colours = await overlay.locator('.cc-summary').evaluate((summary) => {
        const style = getComputedStyle(summary);
        const chipEl = summary.querySelector('.cc-chip-none')!;
        // The theme's muted and good colours, resolved the way the chip's would be.
        const probe = (value: string): string => {
          const el = document.createElement('span');
          el.style.color = value;
          summary.append(el);
          const colour = getComputedStyle(el).color;
          el.remove();
          return colour;
        };
        return {
          chip: getComputedStyle(chipEl).color,
          muted: probe(style.getPropertyValue('--fg-muted')),
          good: probe(style.getPropertyValue('--good')),
        };
      });
      expect(colours.chip).toBe(colours.muted);
      expect(colours.chip).not.toBe(colours.good);
      await overlay.screenshot({
        path: path.join(ARTIFACTS, `overlay-nothing-flagged-doubt-${scheme}-${width}.png`),
      });
      await page.context().close();
    }
  });

  it('follows the dark scheme', async () => {
    const page = await openHarness('?expanded', { colorScheme: 'dark' });
    const bg = await page
      .locator('crosscheck-overlay .cc-summary')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(28, 29, 33)');
    await openCard(page, 0);
    await page.locator('crosscheck-overlay #cc-card').waitFor({ state: 'visible' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-dark.png'), fullPage: true });
    await openCard(page, 5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'overlay-dark-partly.png') });
    await page.context().close();
  });

  it('compares the answer with one sample side by side, labelled with its source', async () => {
    const sources = JSON.stringify([
      { id: 'main', label: 'llama3.2' },
      { id: 'main', label: 'llama3.2' },
      { id: 'main', label: 'llama3.2' },
      { id: 'v-1', label: 'gpt-4o-mini' },
      { id: 'v-1', label: 'gpt-4o-mini' },
    ]);
    const query = `?sources=${encodeURIComponent(sources)}`;
    for (const [scheme, width] of [
      ['light', 1280],
      ['dark', 1280],
      ['light', 420],
      ['dark', 420],
    ] as const) {
      const page = await openHarness(query, { colorScheme: scheme, width, height: 1100 });
      const overlay = page.locator('crosscheck-overlay');
      // The summary says where the disagreement lies.
      await expect(overlay.locator('.cc-source-reading').textContent()).resolves.toBe(
        'The other model disagrees: all 3 samples from llama3.2 disagree; gpt-4o-mini agrees.',
      );
      // Opened from the bar by keyboard: focus goes into the view.
      await overlay.locator('.cc-compare-toggle').focus();
      await page.keyboard.press('Enter');
      const view = overlay.locator('#cc-compare');
      await view.waitFor({ state: 'visible' });
      await expect(activeInOverlay(page)).resolves.toMatch(
        /^h3#cc-compare-title:Your answer beside Sample 1/,
      );
      // Opens on the sample that disagrees most, each choice named with its source.
      await expect(view.getAttribute('data-sample')).resolves.toBe('0');
      await expect(overlay.locator('.cc-compare-choice').allTextContents()).resolves.toEqual([
        'Sample 1 · llama3.2most different',
        'Sample 2 · llama3.2',
        'Sample 3 · llama3.2',
        'Sample 4 · gpt-4o-mini',
        'Sample 5 · gpt-4o-mini',
      ]);
      const kinds = await overlay
        .locator('.cc-compare-row')
        .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.kind));
      // The last sentence the sample does not mention: no mark (absence is not a conflict).
      expect(kinds).toEqual(['number', 'none', 'none', 'entity', 'contradiction', 'none']);
      // The answer's sentence carries the same underline as the page's highlight of that kind.
      const underline = await overlay
        .locator('.cc-compare-row[data-kind="number"] .cc-kind')
        .evaluate((el) => getComputedStyle(el).textDecorationStyle);
      expect(underline).toBe('double');
      await page.screenshot({
        path: path.join(ARTIFACTS, `overlay-compare-${scheme}-${width}.png`),
        fullPage: true,
      });
      // Arrow keys switch samples; the heading follows.
      await overlay.locator('.cc-compare-choice[aria-checked="true"]').focus();
      await page.keyboard.press('End');
      await expect(view.getAttribute('data-sample')).resolves.toBe('4');
      await expect(overlay.locator('#cc-compare-title').textContent()).resolves.toBe(
        'Your answer beside Sample 5 · gpt-4o-mini',
      );
      await expect(activeInOverlay(page)).resolves.toMatch(/^button:Sample 5 · gpt-4o-mini/);
      // Escape closes it and gives focus back to the button that opened it.
      await page.keyboard.press('Escape');
      await expect(view.count()).resolves.toBe(0);
      await expect(activeInOverlay(page)).resolves.toMatch(/^button:Compare/);
      await page.context().close();
    }
  });

  it('removes itself when its signal aborts', async () => {
    const page = await openHarness();
    await page.evaluate(() => window.harness.unmount());
    await expect(page.locator('crosscheck-overlay').count()).resolves.toBe(0);
    await expect(page.locator('#answer-text').textContent()).resolves.toContain('Eiffel');
    await page.context().close();
  });
});
