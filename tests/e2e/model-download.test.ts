/**
 * Optional embedding models in real Chromium with the test build: the options page downloads a
 * remote model through the real transformers.js download code, from a 127.0.0.1 stand-in for the
 * Hugging Face hub that serves the bundled model's files as `crosscheck-test/use-lite-remote`
 * (test builds read that host from storage.local; see src/shared/model-host.ts). The progress
 * bar moves, "Ready" follows, and a capture's report names the remote model. With the server
 * stopped, the browser-cached copy still loads, and without it the download fails with the
 * offline message. Screenshots: test-artifacts/options-model.png, options-model-progress.png,
 * options-model-offline.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalysisReport } from '../../src/core/types.ts';
import { BUNDLED_MODEL } from '../../src/shared/bundled-model.ts';
import { TEST_MODEL_HOST_KEY } from '../../src/shared/model-host.ts';
import { DEFAULT_MODELS_DIR } from '../../src/embedding/node-embedder.ts';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { startModelHubServer, type ModelHubServer } from '../helpers/model-hub-server.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

const REPO = 'crosscheck-test/use-lite-remote';
const LABEL = 'use-lite-remote';

describe('optional embedding models in Chromium', () => {
  let browser: ExtensionBrowser;
  let hub: ModelHubServer;
  let fixtures: FixtureServer;
  let llm: LlmServer;
  let options: Page;

  const storedSettings = async () => {
    const worker = await browser.currentWorker();
    return worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings: { embeddingModel: { id: string } };
      };
      return settings;
    });
  };

  const section = () => options.getByRole('region', { name: 'Embedding model' });

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    // 256 kB every 40 ms: the 14 MB model takes a few seconds, long enough to watch progress.
    hub = await startModelHubServer({
      repo: REPO,
      dir: join(DEFAULT_MODELS_DIR, BUNDLED_MODEL.modelId),
      chunkBytes: 256 * 1024,
      chunkDelayMs: 40,
    });
    fixtures = await startFixtureServer();
    llm = await startLlmServer({ delayMs: 50, passages: [BROOKLYN_PASSAGE] });
    browser = await launchWithExtension('dist/test/chrome');
    await browser.worker.evaluate(([key, host]) => chrome.storage.local.set({ [key]: host }), [
      TEST_MODEL_HOST_KEY,
      hub.host,
    ] as const);
    options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 1300 });
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([hub?.close(), fixtures?.close(), llm?.stop()]);
  });

  it('downloads the chosen model with a moving progress bar, and analysis then uses it', async () => {
    // A backend for the capture below, entered as a user would.
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${llm.url}/v1`);
    await options.fill('#model', 'recorded-model');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByText('Saved.').count()).toBe(1);

    expect((await storedSettings()).embeddingModel.id).toBe(BUNDLED_MODEL.modelId);
    await expect.poll(() => section().getByText('in use', { exact: true }).count()).toBe(1);

    // Keyboard: focus the checked radio, arrow down through the list to the test model.
    await section().getByRole('radio', { checked: true }).focus();
    for (let i = 0; i < 5; i++) {
      if (
        await section()
          .getByRole('radio', { name: new RegExp(LABEL) })
          .isChecked()
      )
        break;
      await options.keyboard.press('ArrowDown');
    }
    expect(
      await section()
        .getByRole('radio', { name: new RegExp(LABEL) })
        .isChecked(),
    ).toBe(true);
    await section().getByRole('button', { name: 'Download and use' }).click();

    // Watch the bar until the model is ready.
    const seen: { value: number; label: string }[] = [];
    const ready = section().getByRole('status');
    const until = Date.now() + 120_000;
    let shotMidway = false;
    while (Date.now() < until) {
      const bar = await options
        .evaluate(() => {
          const progress = document.querySelector<HTMLProgressElement>('#model-progress');
          const label = document.querySelector('label[for="model-progress"]');
          return progress ? { value: progress.value, label: label?.textContent ?? '' } : null;
        })
        .catch(() => null);
      if (bar) seen.push(bar);
      if (!shotMidway && bar && bar.value > 20 && bar.value < 80) {
        shotMidway = true;
        await section().screenshot({ path: 'test-artifacts/options-model-progress.png' });
      }
      if ((await ready.count()) > 0) break;
      await options.waitForTimeout(40);
    }
    await expect
      .poll(() => ready.textContent())
      .toContain(`Ready: ${LABEL}, ${BUNDLED_MODEL.dimensions} dimensions.`);
    await options.screenshot({ path: 'test-artifacts/options-model.png', fullPage: true });

    const onnx = seen.filter((s) => s.label.includes('onnx/model.onnx'));
    const partial = new Set(onnx.map((s) => s.value).filter((v) => v > 0 && v < 100));
    console.log(
      `progress samples: ${seen.length}, model.onnx values between 0 and 100: ${[...partial].sort((a, b) => a - b).join(', ')}`,
    );
    expect(partial.size).toBeGreaterThanOrEqual(3);
    console.log(`hub requests: ${hub.requests.join(', ')}`);
    // Each file is downloaded once (besides transformers.js' one-byte range request for its size).
    const full = (file: string) =>
      hub.requests.filter((r) => r === `GET /${REPO}/resolve/main/${file}`).length;
    expect(full('onnx/model.onnx')).toBe(1);
    expect(full('tokenizer.json')).toBe(1);
    expect((await storedSettings()).embeddingModel.id).toBe(REPO);

    // A capture: its report's embedder is the downloaded model, not the bundled one.
    const page = await browser.context.newPage();
    const url = fixtures.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1');
    await page.goto(url);
    const until2 = Date.now() + 90_000;
    let phase = '';
    while (Date.now() < until2 && phase !== 'done' && phase !== 'error') {
      const raw = await page.getAttribute('html', 'data-crosscheck-test');
      phase = raw ? ((JSON.parse(raw) as { run?: { phase: string } }).run?.phase ?? '') : '';
      await page.waitForTimeout(100);
    }
    expect(phase).toBe('done');
    const report = await (
      await browser.currentWorker()
    ).evaluate(async (u) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs: Record<string, { url: string; run: { report?: unknown } }>;
      };
      return Object.values(tabs).find((t) => t.url === u)?.run.report as AnalysisReport;
    }, url);
    expect(report.embedder).toBe(`${REPO}@main`);
    await page.close();
  });

  it('goes back to the bundled model; offline, the cached copy loads and an uncached one fails clearly', async () => {
    await hub.close();
    const requestsWhenStopped = hub.requests.length;

    // Back to the bundled model.
    await section()
      .getByRole('radio', { name: /Universal Sentence Encoder lite/ })
      .check();
    await section().getByRole('button', { name: 'Use the bundled model' }).click();
    await expect.poll(async () => (await storedSettings()).embeddingModel.id).toBe('use-lite');

    // The browser kept the files: with the server stopped the model still loads.
    await section()
      .getByRole('radio', { name: new RegExp(LABEL) })
      .check();
    await section().getByRole('button', { name: 'Download and use' }).click();
    await expect
      .poll(() => section().getByRole('status').textContent(), { timeout: 60_000 })
      .toContain(`Ready: ${LABEL}`);
    expect((await storedSettings()).embeddingModel.id).toBe(REPO);
    expect(hub.requests.length).toBe(requestsWhenStopped);

    // Without the cached files, the stopped server means a clear offline error, and the model
    // in use does not change.
    await section()
      .getByRole('radio', { name: /Universal Sentence Encoder lite/ })
      .check();
    await section().getByRole('button', { name: 'Use the bundled model' }).click();
    await expect.poll(async () => (await storedSettings()).embeddingModel.id).toBe('use-lite');
    const deleted = await (
      await browser.currentWorker()
    ).evaluate(async () => {
      const names = await caches.keys();
      await Promise.all(names.map((name) => caches.delete(name)));
      return names;
    });
    expect(deleted.length).toBeGreaterThan(0);

    await section()
      .getByRole('radio', { name: new RegExp(LABEL) })
      .check();
    await section().getByRole('button', { name: 'Download and use' }).click();
    const alert = section().getByRole('alert');
    await expect.poll(() => alert.count(), { timeout: 60_000 }).toBe(1);
    const text = (await alert.textContent()) ?? '';
    console.log(`offline error: ${text}`);
    expect(text).toContain(`Could not download ${LABEL} — are you offline?`);
    expect(text).toContain(new URL(hub.host).host);
    expect((await storedSettings()).embeddingModel.id).toBe('use-lite');
    await options.screenshot({ path: 'test-artifacts/options-model-offline.png', fullPage: true });
  });
});
