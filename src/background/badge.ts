/**
 * The toolbar badge: what a tab's run needs from the reader at a glance — "!" when Crosscheck
 * needs setup (no usable backend, a rejected key), "…" while checking, the number of flags when
 * done. `badgeFor` is pure (tested in Node); `showBadge` writes it for one tab.
 */
import browser from 'webextension-polyfill';
import { shownFlags } from '../shared/report-reading.ts';
import { needsSettings, type RunStatus } from '../shared/run-status.ts';

export interface Badge {
  text: string;
  colour: string;
  title: string;
}

const SETUP = '#b45309';
const BUSY = '#4a6785';
const FLAGS = '#555b67';

export const SETUP_BADGE: Badge = {
  text: '!',
  colour: SETUP,
  title: 'Crosscheck needs setup: choose a backend in its settings',
};

export function badgeFor(run: RunStatus): Badge {
  switch (run.phase) {
    case 'idle':
      return { text: '', colour: FLAGS, title: 'Crosscheck' };
    case 'sampling':
    case 'analysing':
      return { text: '…', colour: BUSY, title: 'Crosscheck is checking this answer' };
    case 'error':
      return needsSettings(run.message)
        ? { ...SETUP_BADGE, title: `Crosscheck needs setup: ${run.message}` }
        : { text: '!', colour: '#c62828', title: `Crosscheck: ${run.message}` };
    case 'done': {
      const count = shownFlags(run.report).length;
      return {
        text: count > 0 ? String(count) : '',
        colour: FLAGS,
        title:
          count > 0
            ? `Crosscheck: ${count} ${count === 1 ? 'sentence' : 'sentences'} to check`
            : 'Crosscheck: nothing flagged',
      };
    }
  }
}

/** The browser's toolbar-button API (MV3 `action`; Firefox MV2 builds call it `browserAction`). */
function toolbar(): typeof browser.action | undefined {
  const api = browser as unknown as {
    action?: typeof browser.action;
    browserAction?: typeof browser.action;
  };
  return api.action ?? api.browserAction;
}

/** Writes a badge for one tab, or the default for all tabs when `tabId` is undefined. */
export async function showBadge(badge: Badge, tabId?: number): Promise<void> {
  const action = toolbar();
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
