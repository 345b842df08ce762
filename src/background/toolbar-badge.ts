/** Writes badge.ts's badges on the toolbar button. */
import browser from 'webextension-polyfill';
import type { Badge } from './badge.ts';

/** Writes a badge for one tab, or the default for all tabs when `tabId` is undefined. */
export async function showBadge(badge: Badge, tabId?: number): Promise<void> {
  // MV3's `action`; an MV2 build would call it `browserAction`.
  const api = browser as unknown as {
    action?: typeof browser.action;
    browserAction?: typeof browser.action;
  };
  const action = api.action ?? api.browserAction;
  if (!action) return;
  const where = tabId === undefined ? {} : { tabId };
  try {
    await action.setBadgeText({ ...where, text: badge.text });
    await action.setBadgeBackgroundColor({ ...where, color: badge.colour });
    await action.setTitle({ ...where, title: badge.title });
  } catch {
    // The tab closed meanwhile; nothing to show it on.
  }
}
