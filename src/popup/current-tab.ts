/**
 * The tab the popup describes: the active tab of its window, or the `?tabId=` given in its URL
 * (so the popup also works opened in a tab of its own, as keyboard users and tests do).
 */
import browser from 'webextension-polyfill';

export async function currentTabId(): Promise<number | null> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl !== null && /^\d+$/.test(fromUrl)) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
