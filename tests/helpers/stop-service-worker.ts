/**
 * Stops the extension's service worker as Chrome does when it idles, through the DevTools
 * protocol of a page of the extension's origin that runs no script (an icon), so nothing there
 * wakes the worker. The watch stays open until closed, so a test can see the worker start again.
 */
import { expect } from 'vitest';
import type { ExtensionBrowser } from './chromium-extension.ts';

export interface StoppedWorker {
  /** Versions seen running again since the stop. */
  restarted: string[];
  close(): Promise<void>;
}

export async function stopServiceWorker(browser: ExtensionBrowser): Promise<StoppedWorker> {
  // Each version's latest running status: an older version's 'stopped' (from install) must not
  // pass for this worker's.
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
  await cdp.send('ServiceWorker.stopAllWorkers');
  stopSent = true;
  await expect
    .poll(() => [...latest.values()].every((status) => status === 'stopped'), { timeout: 10_000 })
    .toBe(true);
  return { restarted, close: () => quiet.close() };
}
