/**
 * The built Chrome extension in real Chromium: the service worker starts, the content script
 * runs on a 127.0.0.1 fixture page and hears from the background, the popup's switches reach
 * that page live and its sample count is stored. Screenshot: test-artifacts/popup.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

interface PublishedState {
  site: string | null;
  connected: boolean;
  settings: { enabled: boolean; siteEnabled: boolean } | null;
  storageLocalReadable?: boolean;
}

async function contentState(page: Page): Promise<PublishedState | null> {
  const raw = await page.getAttribute('html', 'data-crosscheck-test');
  return raw === null ? null : (JSON.parse(raw) as PublishedState);
}

async function waitForContentState(
  page: Page,
  match: (state: PublishedState) => boolean,
): Promise<PublishedState> {
  let last: PublishedState | null = null;
  for (let i = 0; i < 100; i++) {
    last = await contentState(page);
    if (last && match(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`content script state never matched; last: ${JSON.stringify(last)}`);
}

describe('Chrome extension in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startFixtureServer();
    browser = await launchWithExtension('dist/test/chrome');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts the background service worker', async () => {
    expect(browser.worker.url()).toBe(
      `chrome-extension://${browser.extensionId}/src/background/chrome.js`,
    );
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
  });

  it('runs the content script on a fixture page, connected to the background', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/basic.html?crosscheck-site=chatgpt'));
    const state = await waitForContentState(page, (s) => s.connected);
    expect(state.settings).toEqual({ enabled: true, siteEnabled: true, sensitivity: 'balanced' });
    await page.close();
  });

  it('popup stores the sample count, and the open page sees its site switch live', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/basic.html?crosscheck-site=chatgpt'));
    await waitForContentState(page, (s) => s.connected);
    // The background recorded the tab when the content script said hello.
    const tabId = await browser.worker.evaluate(async (url) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs?: Record<string, { tabId: number; url: string }>;
      };
      return Object.values(tabs ?? {}).find((t) => t.url === url)?.tabId;
    }, server.url('/pages/basic.html?crosscheck-site=chatgpt'));
    expect(typeof tabId).toBe('number');

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 340, height: 420 });
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    const count = popup.locator('#sample-count');
    await expect.poll(() => count.inputValue()).toBe('4');
    await popup.getByRole('button', { name: 'More extra answers' }).click();
    await expect.poll(() => count.inputValue()).toBe('5');

    // The count is for the background, which starts the runs: it is stored, not sent to the page.
    const storedCount = (): Promise<number | undefined> =>
      browser.worker.evaluate(async () => {
        const { settings } = (await chrome.storage.local.get('settings')) as {
          settings?: { sampleCount?: number };
        };
        return settings?.sampleCount;
      });
    await expect.poll(storedCount).toBe(5);

    // Typed values are clamped to 1..10.
    await count.fill('42');
    await count.press('Enter');
    await expect.poll(() => count.inputValue()).toBe('10');
    await expect.poll(storedCount).toBe(10);

    // The site switch reaches the page too, and the master switch disables the site switch.
    await popup.getByRole('switch', { name: 'Crosscheck on ChatGPT' }).click();
    await waitForContentState(page, (s) => s.settings?.siteEnabled === false);
    await popup.getByRole('switch', { name: 'Crosscheck on ChatGPT' }).click();
    await waitForContentState(page, (s) => s.settings?.siteEnabled === true);

    // The stored settings survive: a fresh popup reads them back.
    await popup.reload();
    await expect.poll(() => count.inputValue()).toBe('10');
    await popup.getByRole('button', { name: 'Fewer extra answers' }).click();
    await expect.poll(() => count.inputValue()).toBe('9');
    // No backend is chosen and headless Chromium has no built-in model: the popup says what to
    // do and offers the settings, rather than waiting for an answer that cannot be checked.
    await expect
      .poll(() => popup.getByTestId('run-status').textContent())
      .toBe('Choose where extra answers come from');
    await expect(popup.getByRole('button', { name: 'Open settings' }).isVisible()).resolves.toBe(
      true,
    );
    await popup.screenshot({ path: 'test-artifacts/popup.png' });
    // The toolbar button says so too, until a backend is chosen.
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({})))
      .toBe('!');
    await popup.close();
    await page.close();
  });

  it('keeps storage.local (where the API key lives) away from content scripts', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/pages/basic.html?crosscheck-site=chatgpt'));
    const state = await waitForContentState(page, (s) => s.storageLocalReadable !== undefined);
    expect(state.storageLocalReadable).toBe(false);
    await page.close();
  });
});
