/**
 * Reads where remote embedding models come from (see model-host.ts). Trusted extension
 * pages only: it reads storage.local, and only test builds look there at all.
 */
import browser from 'webextension-polyfill';
import { HUB_HOST, resolveModelHost, TEST_MODEL_HOST_KEY } from './model-host.ts';

export async function modelHost(): Promise<string> {
  if (!__TEST_HOOKS__) return HUB_HOST;
  const stored = await browser.storage.local.get(TEST_MODEL_HOST_KEY);
  return resolveModelHost(stored[TEST_MODEL_HOST_KEY], __TEST_HOOKS__);
}
