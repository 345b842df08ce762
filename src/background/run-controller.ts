/**
 * Owns the runs: one per tab, replaced when a newer answer arrives, cancelled on navigation or
 * when the site is turned off. Status changes are stored (TabStore) and pushed to the tab.
 */
import type { Embedder } from '../embedding/embedder.ts';
import type { Capture } from '../shared/conversation.ts';
import { errorMessage } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import type { RunStatus } from '../shared/run-status.ts';
import type { Settings } from '../shared/settings-schema.ts';
import type { TabStore } from './tab-store.ts';

export interface RunServices {
  /** Where embeddings are computed: the offscreen document (Chrome) or this page (Firefox). */
  embedder: Embedder;
}

export class RunController {
  private readonly active = new Map<number, AbortController>();

  constructor(
    private readonly tabs: TabStore,
    private readonly services: RunServices,
  ) {}

  async start(
    tabId: number,
    capture: Capture,
    settings: Settings,
    _options: { force?: boolean } = {},
  ): Promise<void> {
    this.cancel(tabId, 'a newer answer replaced it');
    const controller = new AbortController();
    this.active.set(tabId, controller);
    const record = await this.tabs.update(tabId, (r) => ({
      ...r,
      capture,
      runId: r.runId + 1,
      run: { phase: 'sampling', done: 0, total: settings.sampleCount, failures: [] },
    }));
    const runId = record.runId;
    const report = async (run: RunStatus): Promise<void> => {
      if (controller.signal.aborted) return;
      const current = await this.tabs.get(tabId);
      if (current?.runId !== runId) return;
      await this.tabs.update(tabId, (r) => ({ ...r, run }));
      await sendToTab(tabId, 'bg/run', { conversationId: capture.conversationId, run }).catch(
        () => undefined,
      );
    };
    try {
      await report({ phase: 'sampling', done: 0, total: settings.sampleCount, failures: [] });
      if (settings.backend === null) {
        throw new Error('Choose a backend in Crosscheck’s options to get extra answers.');
      }
      throw new Error('Sampling is not available in this build yet.');
    } catch (error) {
      await report({ phase: 'error', message: errorMessage(error) });
    } finally {
      if (this.active.get(tabId) === controller) this.active.delete(tabId);
    }
  }

  cancel(tabId: number, reason: string): void {
    const controller = this.active.get(tabId);
    if (!controller) return;
    controller.abort(new Error(`Cancelled: ${reason}`));
    this.active.delete(tabId);
  }

  /** After a worker restart: runs that were in flight are marked, never left spinning. */
  async recoverInterrupted(): Promise<void> {
    for (const record of await this.tabs.all()) {
      if (record.run.phase === 'sampling' || record.run.phase === 'analysing') {
        await this.tabs.update(record.tabId, (r) => ({
          ...r,
          run: { phase: 'error', message: 'The run was interrupted; press Re-run to try again.' },
        }));
      }
    }
    void this.services;
  }
}
