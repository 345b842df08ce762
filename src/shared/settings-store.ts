/**
 * Settings in `storage.local` (never `storage.sync`: the backend key must not leave the device).
 * Only trusted extension contexts use this module; content scripts get PublicSettings by message.
 */
import browser from 'webextension-polyfill';
import { applyPatch, migrateSettings, type Settings } from './settings-schema.ts';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return migrateSettings(stored[KEY]);
}

/** Read-modify-write through migrateSettings; returns what was stored. */
export async function updateSettings(patch: Partial<Omit<Settings, 'version'>>): Promise<Settings> {
  const next = applyPatch(await loadSettings(), patch);
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Writes migrated settings back once, so older shapes are upgraded in storage too. */
export async function migrateStoredSettings(): Promise<Settings> {
  const settings = await loadSettings();
  await browser.storage.local.set({ [KEY]: settings });
  return settings;
}

export function onSettingsChanged(
  signal: AbortSignal,
  listener: (settings: Settings) => void,
): void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && KEY in changes) listener(migrateSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler), {
    once: true,
  });
}
