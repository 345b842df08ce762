/**
 * Launches Debian's Chromium (new headless mode) with a built extension loaded, through
 * playwright-core, and finds the extension's service worker and id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

import { CHROMIUM, QUIET_CHROMIUM_ARGS, extensionArgs } from '../../scripts/chromium.ts';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Waits for the (possibly restarted) service worker. */
  currentWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchWithExtension(extensionDir: string): Promise<ExtensionBrowser> {
  const path = resolve(extensionDir);
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...QUIET_CHROMIUM_ARGS, ...extensionArgs(path)],
  });
  // A worker stopped through CDP can linger in serviceWorkers() without a 'close' event: only a
  // worker that answers counts as current.
  const currentWorker = async (): Promise<Worker> => {
    for (const worker of context.serviceWorkers().reverse()) {
      if (!worker.url().startsWith('chrome-extension://')) continue;
      if (await worker.evaluate(() => true).catch(() => false)) return worker;
    }
    return context.waitForEvent('serviceworker', { timeout: 30_000 });
  };
  const worker = await currentWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    currentWorker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
