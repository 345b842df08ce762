/**
 * Other voices' settings in real Chromium, set up as a user would: the main backend and two other
 * voices (on two local servers) through the options page, by mouse and by keyboard; what is
 * stored; the popup's stepper per source; and its cost line per source after a run (seeded, with
 * a voice budget mode did not ask; then a real run on a chat fixture, matching the tokens the
 * servers reported). Screenshots, light and dark, wide and narrow: test-artifacts/voices-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer, type RecordedRequest } from '../helpers/llm-server.ts';
import { stopServiceWorker } from '../helpers/stop-service-worker.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';
import type { RunStatus } from '../../src/shared/run-status.ts';
import type { Settings } from '../../src/shared/settings-schema.ts';
import report from '../fixtures/overlay/report.json';

const ART = 'test-artifacts';

describe('Other voices in Chromium', () => {
  let browser: ExtensionBrowser;
  let first: LlmServer;
  let second: LlmServer;
  let fixtures: FixtureServer;

  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    fixtures = await startFixtureServer();
    first = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    second = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    browser = await launchWithExtension('dist/test/chrome');
  });

  afterAll(async () => {
    await browser?.close();
    await fixtures?.close();
    await first?.stop();
    await second?.stop();
  });

  // The worker is restarted midway: always ask the current one.
  const stored = async (): Promise<Settings> =>
    (await browser.currentWorker()).evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      return settings as Settings;
    });

  const openOptions = async (width: number): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    return page;
  };

  /** Both themes of the same page, whole. */
  const screenshots = async (page: Page, name: string): Promise<void> => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `${ART}/${name}-${colorScheme}.png`, fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  it('configures the main backend and two voices through the options page', async () => {
    const options = await openOptions(1000);
    // Main backend, as before.
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${first.url}/v1`);
    await options.fill('#model', 'main-model');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    const main = options.getByRole('region', { name: 'Main backend' });
    await expect.poll(() => main.getByRole('status').textContent()).toBe('Saved.');
    // What was just saved is not "unsaved" (storage hands it back with its keys reordered).
    await expect
      .poll(() => main.getByTestId('save-state').textContent())
      .toBe('No unsaved changes.');

    // With one backend: no voices, and a sentence on what one is for.
    const voices = options.getByRole('region', { name: 'Other voices' });
    expect(await voices.textContent()).toContain('repeats with confidence');
    expect(await voices.textContent()).toContain('None yet: only the main backend answers.');
    expect(await voices.getByRole('radio').count()).toBe(0);
    await screenshots(options, 'voices-options-none');

    // Voice 1 by mouse, on the second server; focus lands in the new voice's first field.
    await voices.getByRole('button', { name: 'Add a voice' }).click();
    const one = voices.getByRole('form', { name: 'Voice 1' });
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.closest('form')?.textContent))
      .toContain('Voice 1');
    await one.getByLabel('Service').selectOption('custom');
    await one.getByLabel('Address (base URL)').fill(`${second.url}/v1`);
    await one.getByLabel('Model', { exact: true }).fill('second-model');
    await one.getByLabel('API key (optional)').fill('sk-voice-one');
    await one.getByLabel('Samples per answer').fill('3');
    expect(await one.getByTestId('save-state').textContent()).toContain('Not saved yet');
    await one.getByRole('button', { name: 'Save voice' }).click();
    await expect.poll(() => one.getByRole('status').textContent()).toBe('Saved.');
    await expect
      .poll(() => one.getByTestId('save-state').textContent())
      .toBe('No unsaved changes.');
    await one.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => one.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^Connected: .* answered in \d+ ms\.$/);
    expect(second.requests.length).toBeGreaterThan(0);

    // Voice 2 by keyboard: Enter on "Add a voice", then Tab from field to field in order.
    await voices.getByRole('button', { name: 'Add a voice' }).focus();
    await options.keyboard.press('Enter');
    const two = voices.getByRole('form', { name: 'Voice 2' });
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.id ?? ''))
      .toMatch(/-preset$/);
    await two.getByLabel('Service').selectOption('custom');
    const focused = () =>
      options.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      });
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Address (base URL)');
    await options.keyboard.type(`${first.url}/v1`);
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Model');
    await options.keyboard.type('third-model');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('API key (optional)');
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Show');
    await options.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Advanced/);
    await options.keyboard.press('Tab');
    expect(await focused()).toBe('Samples per answer');
    await options.keyboard.press('Control+A');
    await options.keyboard.type('0');
    await options.screenshot({ path: `${ART}/voices-options-keyboard-focus.png` });
    await options.keyboard.press('Enter');
    await expect.poll(() => two.getByRole('status').textContent()).toBe('Saved.');

    // When they are asked: only when the answer looks uncertain.
    await voices.getByRole('radio', { name: /Only when the answer looks uncertain/ }).check();
    await expect.poll(async () => (await stored()).otherVoicesMode).toBe('when-uncertain');

    const settings = await stored();
    expect(settings.backend).toMatchObject({ baseUrl: `${first.url}/v1`, model: 'main-model' });
    expect(settings.otherVoices).toHaveLength(2);
    expect(settings.otherVoices[0]).toMatchObject({
      samples: 3,
      backend: {
        presetId: 'custom',
        baseUrl: `${second.url}/v1`,
        model: 'second-model',
        apiKey: 'sk-voice-one',
      },
    });
    expect(settings.otherVoices[1]).toMatchObject({
      samples: 0,
      backend: { presetId: 'custom', baseUrl: `${first.url}/v1`, model: 'third-model' },
    });
    expect(settings.otherVoices[0]!.id).not.toBe(settings.otherVoices[1]!.id);

    // A fresh page shows them saved, with no unsaved changes.
    await options.reload();
    expect(await voices.getByRole('form').count()).toBe(2);
    for (const form of await voices.getByRole('form').all())
      expect(await form.getByTestId('save-state').textContent()).toBe('No unsaved changes.');
    expect(await two.getByLabel('Samples per answer').inputValue()).toBe('0');
    await screenshots(options, 'voices-options-wide');
    await options.setViewportSize({ width: 400, height: 900 });
    await screenshots(options, 'voices-options-narrow');
    await options.close();
  });

  it('the popup has a stepper per source, labelled by model', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 340, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const labels = popup.getByTestId('source-label');
    await expect
      .poll(() => labels.allTextContents())
      .toEqual(['main-model (main)', 'second-model', 'third-model']);
    expect(await popup.locator('.budget-note').textContent()).toBe(
      'Other voices are asked only when the answer looks uncertain.',
    );
    // The silent voice can be turned on here; it goes no lower than 0, the main one no lower than 1.
    expect(
      await popup.getByRole('button', { name: 'Fewer answers from third-model' }).isDisabled(),
    ).toBe(true);
    await popup.getByRole('button', { name: 'More answers from third-model' }).click();
    await popup.getByRole('button', { name: 'Fewer answers from second-model' }).click();
    await expect
      .poll(async () => (await stored()).otherVoices.map((v) => v.samples))
      .toEqual([2, 1]);
    // The main stepper is the one it always was.
    await popup.getByRole('button', { name: 'More extra answers' }).click();
    await expect.poll(async () => (await stored()).sampleCount).toBe(5);
    // By keyboard: Tab goes from the main stepper on to the first voice's, and Space presses.
    await popup.locator('#sample-count').focus();
    const focusedName = () =>
      popup.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    await popup.keyboard.press('Tab');
    expect(await focusedName()).toBe('More extra answers');
    await popup.keyboard.press('Tab');
    expect(await focusedName()).toBe('Fewer answers from second-model');
    await popup.keyboard.press('Space');
    await expect
      .poll(async () => (await stored()).otherVoices.map((v) => v.samples))
      .toEqual([1, 1]);
    await popup.screenshot({ path: `${ART}/voices-popup-keyboard-focus.png` });
    await screenshots(popup, 'voices-popup-steppers');
    await popup.close();
  });

  it('the popup shows what each source cost after a run, main first', async () => {
    const voices = (await stored()).otherVoices;
    const main = { id: 'main', label: 'main-model' };
    const second = { id: voices[0]!.id, label: 'second-model' };
    const third = { id: voices[1]!.id, label: 'third-model' };
    const run: RunStatus = {
      phase: 'done',
      report: report as unknown as Extract<RunStatus, { phase: 'done' }>['report'],
      fromCache: false,
      failures: [],
      usage: { inputTokens: 1800, outputTokens: 420 },
      cost: { kind: 'free' },
      sources: [main, main, main, main, second, second],
      spend: [
        {
          source: main,
          received: 4,
          asked: 4,
          usage: { inputTokens: 1200, outputTokens: 300 },
          cost: { kind: 'free' },
        },
        {
          source: second,
          received: 2,
          asked: 2,
          usage: { inputTokens: 600, outputTokens: 120 },
          cost: { kind: 'free' },
        },
        {
          source: third,
          received: 0,
          asked: 0,
          usage: null,
          cost: null,
          note: 'not asked: the answer looked consistent',
        },
      ],
    };
    // A finished run as the background keeps it (storage.session), read by a fresh worker.
    const tabId = 424242;
    await browser.worker.evaluate(
      async ({ tabId, run }) => {
        const { tabs } = await chrome.storage.session.get('tabs');
        const record = {
          tabId,
          site: 'chatgpt',
          url: 'https://chatgpt.com/c/seeded',
          health: null,
          capture: null,
          run,
          runId: 1,
          samples: [],
        };
        await chrome.storage.session.set({ tabs: { ...(tabs ?? {}), [tabId]: record } });
      },
      { tabId, run },
    );
    await restartWorker();

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 340, height: 700 });
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    const lines = popup.getByTestId('source-cost');
    await expect
      .poll(() => lines.allTextContents(), { timeout: 15_000 })
      .toEqual([
        'main-model (main): 4 of 4 samples, 1,500 tokens used, free (runs locally).',
        'second-model: 2 of 2 samples, 720 tokens used, free (runs locally).',
        'third-model: not asked: the answer looked consistent.',
      ]);
    expect(await popup.getByTestId('run-cost').textContent()).toBe(
      'In all: 2,220 tokens used, free (runs locally).',
    );
    await screenshots(popup, 'voices-popup-cost');
    await popup.close();
  });

  it('removing a voice forgets it, and focus returns to "Add a voice"', async () => {
    const options = await openOptions(1000);
    const voices = options.getByRole('region', { name: 'Other voices' });
    await voices.getByRole('button', { name: 'Remove voice 2' }).click();
    await expect
      .poll(async () => (await stored()).otherVoices.map((v) => v.backend.model))
      .toEqual(['second-model']);
    expect(await voices.getByRole('form').count()).toBe(1);
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Add a voice');

    // At most four: then "Add a voice" is off and says why. An unsaved voice goes without a trace.
    const add = voices.getByRole('button', { name: 'Add a voice' });
    for (let i = 0; i < 3; i++) await add.click();
    expect(await voices.getByRole('form').count()).toBe(4);
    expect(await add.isDisabled()).toBe(true);
    expect(await options.locator('#voices-add-hint').textContent()).toBe('At most 4 other voices.');
    await voices.getByRole('button', { name: 'Remove voice 4' }).click();
    expect(await add.isDisabled()).toBe(false);
    expect((await stored()).otherVoices).toHaveLength(1);
    await options.close();
  });

  it('after a real run on a chat page, the popup shows the tokens each server reported', async () => {
    const options = await openOptions(1000);
    const voices = options.getByRole('region', { name: 'Other voices' });
    await voices.getByRole('radio', { name: /^Always/ }).check();
    await expect.poll(async () => (await stored()).otherVoicesMode).toBe('always');
    await options.close();
    first.resetStats();
    second.resetStats();

    const page = await browser.context.newPage();
    const url = fixtures.url(
      '/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&tick=10',
    );
    await page.goto(url);
    const phase = async () => {
      const raw = await page.getAttribute('html', 'data-crosscheck-test');
      return raw === null ? null : (JSON.parse(raw) as { run?: { phase: string } }).run?.phase;
    };
    await expect.poll(phase, { timeout: 90_000, interval: 250 }).toBe('done');
    const tabId = await (
      await browser.currentWorker()
    ).evaluate(async (u) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs: Record<string, { tabId: number; url: string }>;
      };
      return Object.values(tabs).find((t) => t.url === u)!.tabId;
    }, url);

    const reported = (requests: RecordedRequest[]) =>
      requests.reduce((sum, r) => {
        const usage = (r.reply as { usage: { prompt_tokens: number; completion_tokens: number } })
          .usage;
        return sum + usage.prompt_tokens + usage.completion_tokens;
      }, 0);
    const mainTokens = reported(first.requests);
    const voiceTokens = reported(second.requests);
    expect(mainTokens).toBeGreaterThan(0);
    expect(voiceTokens).toBeGreaterThan(0);

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 340, height: 700 });
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    const n = (tokens: number) => tokens.toLocaleString('en');
    await expect
      .poll(() => popup.getByTestId('source-cost').allTextContents())
      .toEqual([
        `main-model (main): 5 of 5 samples, ${n(mainTokens)} tokens used, free (runs locally).`,
        `second-model: 1 of 1 sample, ${n(voiceTokens)} tokens used, free (runs locally).`,
      ]);
    expect(await popup.getByTestId('run-cost').textContent()).toBe(
      `In all: ${n(mainTokens + voiceTokens)} tokens used, free (runs locally).`,
    );
    await screenshots(popup, 'voices-popup-real-run');
    await popup.close();
    await page.close();
  });

  /** Stops the service worker as Chrome does when it idles; the next message starts it afresh. */
  async function restartWorker(): Promise<void> {
    await (await stopServiceWorker(browser)).close();
  }
});
