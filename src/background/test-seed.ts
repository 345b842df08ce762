/**
 * Test builds only (`__TEST_HOOKS__`): settings packaged as `test-settings.json` next to the
 * manifest are stored at startup. Firefox tests use it to point the extension at their local
 * backend, since nothing can drive Firefox's options page from the test there. Production builds
 * drop this code and never carry the file.
 */
import browser from 'webextension-polyfill';
import { updateSettings } from '../shared/settings-store.ts';
import type { Settings } from '../shared/settings-schema.ts';

export async function seedTestSettings(): Promise<void> {
  const response = await fetch(browser.runtime.getURL('test-settings.json')).catch(() => null);
  if (!response?.ok) return;
  await updateSettings((await response.json()) as Partial<Settings>);
}
