/**
 * What the background knows about each tab: site, adapter health, the captured answer and its
 * run. Mirrored into `storage.session` so a service worker that Chrome stops and restarts picks
 * up where it was (the session area survives worker restarts, not browser restarts).
 */
import browser from 'webextension-polyfill';
import type { Capture } from '../shared/conversation.ts';
import type { RunStatus, SiteHealth } from '../shared/run-status.ts';
import type { SampleSource } from '../shared/sources.ts';

export interface TabRecord {
  tabId: number;
  site: string | null;
  url: string;
  health: SiteHealth | null;
  capture: Capture | null;
  run: RunStatus;
  /** Increments with each new run, so late results of a replaced run are dropped. */
  runId: number;
  /**
   * Samples the current run has received so far, kept so that a worker stopped mid-run can
   * resume by asking only for the rest.
   */
  samples: string[];
  /** Who said each of `samples`, parallel to it; absent in records of earlier versions (then
   * all came from the main voice). */
  sources?: SampleSource[];
}

const KEY = 'tabs';

export class TabStore {
  private tabs: Map<number, TabRecord> | null = null;
  private writing: Promise<void> = Promise.resolve();

  private async load(): Promise<Map<number, TabRecord>> {
    if (this.tabs) return this.tabs;
    const stored = (await browser.storage.session.get(KEY))[KEY] as
      Record<string, TabRecord> | undefined;
    this.tabs ??= new Map(
      Object.values(stored ?? {}).map((record) => [
        record.tabId,
        { ...record, samples: record.samples ?? [] },
      ]),
    );
    return this.tabs;
  }

  async get(tabId: number): Promise<TabRecord | undefined> {
    return (await this.load()).get(tabId);
  }

  async all(): Promise<TabRecord[]> {
    return [...(await this.load()).values()];
  }

  async update(tabId: number, change: (record: TabRecord) => TabRecord): Promise<TabRecord> {
    const tabs = await this.load();
    const current = tabs.get(tabId) ?? {
      tabId,
      site: null,
      url: '',
      health: null,
      capture: null,
      run: { phase: 'idle' },
      runId: 0,
      samples: [],
    };
    const next = change(current);
    tabs.set(tabId, next);
    await this.persist();
    return next;
  }

  async remove(tabId: number): Promise<void> {
    const tabs = await this.load();
    if (tabs.delete(tabId)) await this.persist();
  }

  /** Writes are chained so a slow write never lands after a newer one. */
  private persist(): Promise<void> {
    const snapshot = Object.fromEntries([...(this.tabs ?? new Map()).entries()]);
    this.writing = this.writing.then(() => browser.storage.session.set({ [KEY]: snapshot }));
    return this.writing;
  }
}
