/**
 * Test builds only (`__TEST_HOOKS__`): mirrors the content script's state into an attribute on
 * <html>, so browser tests (and Firefox fixture pages, which have no other window into an
 * extension's isolated world) can observe it. Production builds drop this code.
 */
import browser from 'webextension-polyfill';

export function publishTestState(state: object): void {
  document.documentElement.setAttribute('data-crosscheck-test', JSON.stringify(state));
}

/** Whether this content script could read storage.local (where the API key is kept). */
export async function probeStorageLocal(): Promise<boolean> {
  try {
    await browser.storage.local.get(null);
    return true;
  } catch {
    return false;
  }
}
