/**
 * Save and Test connection for one backend form (the main backend or an other voice): Save asks
 * for permission to reach the address at that moment, then stores the form with the caller's
 * `store`; Test connection is run by the background, which is where requests and keys live.
 */
import { useState } from 'preact/hooks';
import { sendToBackground } from '../shared/messaging.ts';
import { errorMessage } from '../shared/messages.ts';
import type { BackendSettings, ConnectionResult } from '../shared/backend.ts';
import type { Notice } from './Notice.tsx';
import { requestReach } from './host-permission.ts';
import { backendProblem } from './backend-choice.ts';

const NOT_PERMITTED =
  'Saved, but without permission to reach this address Crosscheck cannot ask it for answers. Save again and allow access.';

export interface BackendActions {
  notice: Notice;
  setNotice: (notice: Notice) => void;
  busy: boolean;
  save: (draft: BackendSettings) => Promise<void>;
  test: (draft: BackendSettings) => Promise<void>;
}

export function useBackendActions(
  store: (draft: BackendSettings) => Promise<void>,
): BackendActions {
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  async function save(draft: BackendSettings): Promise<void> {
    const problem = backendProblem(draft);
    if (problem) {
      setNotice({ kind: 'error', text: `Not saved: ${problem}.` });
      return;
    }
    setNotice(null);
    // First, before any other await: the browser only prompts inside the click.
    const reach = await requestReach(draft);
    if (reach === 'invalid-address') {
      setNotice({ kind: 'error', text: `“${draft.baseUrl}” is not a valid address.` });
      return;
    }
    setBusy(true);
    try {
      await store(draft);
      setNotice(
        reach === 'denied'
          ? { kind: 'error', text: NOT_PERMITTED }
          : { kind: 'ok', text: 'Saved.' },
      );
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  async function test(draft: BackendSettings): Promise<void> {
    setBusy(true);
    setNotice({ kind: 'info', text: 'Testing…' });
    try {
      const result: ConnectionResult = await sendToBackground('ui/test-connection', {
        backend: draft,
      });
      setNotice(
        result.ok
          ? { kind: 'ok', text: `Connected: ${result.model} answered in ${result.latencyMs} ms.` }
          : {
              kind: 'error',
              text: result.error.message,
              ...(result.error.detail ? { detail: result.error.detail } : {}),
            },
      );
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return { notice, setNotice, busy, save, test };
}
