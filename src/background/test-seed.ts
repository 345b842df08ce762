/**
 * Test builds only (`__TEST_HOOKS__`): settings packaged as `test-settings.json` next to the
 * manifest are stored at startup. Firefox tests use it to point the extension at their local
 * backend, since nothing can drive Firefox's options page from the test there. A
 * `"test:modelHost"` entry in it names the stand-in for the Hugging Face hub (model-host.ts).
 * Production builds drop this code and never carry the file.
 */
import browser from 'webextension-polyfill';
import { TEST_MODEL_HOST_KEY } from '../shared/model-host.ts';
import { updateSettings } from '../shared/settings-store.ts';
import type { Settings } from '../shared/settings-schema.ts';

export async function seedTestSettings(): Promise<void> {
  const response = await fetch(browser.runtime.getURL('test-settings.json')).catch(() => null);
  if (!response?.ok) return;
  const { [TEST_MODEL_HOST_KEY]: modelHost, ...settings } = (await response.json()) as Partial<
    Settings & Record<typeof TEST_MODEL_HOST_KEY, string>
  >;
  if (typeof modelHost === 'string') {
    await browser.storage.local.set({ [TEST_MODEL_HOST_KEY]: modelHost });
  }
  await updateSettings(settings);
}
