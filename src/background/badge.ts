/**
 * The toolbar badge: what a tab's run needs from the reader at a glance — "!" when Crosscheck
 * needs setup (no usable backend, a rejected key), "…" while checking, the number of flags when
 * done. Pure, so it is tested in Node; toolbar-badge.ts writes it.
 */
import { DEFAULT_SENSITIVITY } from '../core/severity.ts';
import type { Sensitivity } from '../core/types.ts';
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

/** `sensitivity` is the reader's: the count is of the sentences the page shows at it. */
export function badgeFor(run: RunStatus, sensitivity: Sensitivity = DEFAULT_SENSITIVITY): Badge {
  switch (run.phase) {
    case 'idle':
      return { text: '', colour: FLAGS, title: 'Crosscheck' };
    case 'sampling':
    case 'analyzing':
      return { text: '…', colour: BUSY, title: 'Crosscheck is checking this answer' };
    case 'error':
      return needsSettings(run.message)
        ? { ...SETUP_BADGE, title: `Crosscheck needs setup: ${run.message}` }
        : { text: '!', colour: '#c62828', title: `Crosscheck: ${run.message}` };
    case 'done': {
      const count = shownFlags(run.report, sensitivity).length;
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
