/**
 * Owns the runs: one per tab, replaced when a newer answer arrives, cancelled on navigation or
 * when the site is turned off. A run (check-answer.ts) samples the backend and analyses each
 * sample as it arrives; this stores the finished report and pushes every status change to the
 * tab (and into storage.session, where the popup reads it and where a restarted worker finds it).
 */
import browser from 'webextension-polyfill';
import type { Embedder } from '../core/embedder.ts';
import { builtinUnavailableReason } from '../sampling/backends/chrome-builtin.ts';
import { redactSecrets } from '../sampling/errors.ts';
import { originPatternFor, settingsFromPreset } from '../sampling/presets.ts';
import { SampleCache } from '../sampling/cache.ts';
import { costOfRun } from '../sampling/cost.ts';
import { BACKEND_KINDS, type BackendSettings } from '../shared/backend.ts';
import type { Capture } from '../shared/conversation.ts';
import { errorMessage, type CaptureTrigger } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import type { RunStatus } from '../shared/run-status.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { badgeFor } from './badge.ts';
import { checkAnswer } from './check-answer.ts';
import { showBadge } from './toolbar-badge.ts';
import { holdAlive } from './keep-alive.ts';
import { answerHash, ResultStore } from './result-store.ts';
import type { TabStore } from './tab-store.ts';

export interface RunServices {
  /** Where embeddings are computed: the offscreen document (Chrome) or this page (Firefox). */
  embedder: Embedder;
  /**
   * The embedder for the model a run's settings name, used for the whole run: vectors of two
   * models (a download finishing mid-run) cannot be compared. Defaults to `embedder`.
   */
  embedderFor?: (settings: Settings) => Embedder;
  /** Keeps the embedder's home (Chrome's offscreen document) open while a run may need it. */
  holdEmbedder?: () => () => void;
}

/** Told when the first run starts and when the last one ends (the watchdog's alarm). */
export interface RunLifecycle {
  onBusy(): void;
  onIdle(): void;
}

export interface StartOptions {
  trigger: CaptureTrigger;
  /** Samples already received by an interrupted run of the same answer. */
  resumeWith?: string[];
}

/** The user's backend, or Chrome's built-in model when none is chosen and it is available. */
async function chooseBackend(settings: Settings): Promise<BackendSettings> {
  if (settings.backend) return settings.backend;
  const reason = await builtinUnavailableReason();
  if (reason) {
    throw new Error('Choose a backend in Crosscheck’s options to get extra answers.');
  }
  return settingsFromPreset('chrome-builtin');
}

async function ensureHostPermission(backend: BackendSettings): Promise<void> {
  if (!BACKEND_KINDS[backend.kind].http) return;
  const origin = originPatternFor(backend.baseUrl);
  if (!(await browser.permissions.contains({ origins: [origin] }))) {
    throw new Error(
      `Crosscheck may not contact ${new URL(backend.baseUrl).host} yet: open Crosscheck’s options and press Save to allow it.`,
    );
  }
}

export class RunController {
  private readonly active = new Map<number, AbortController>();
  /** Identical requests within minutes reuse samples (keyed by conversation, backend, model). */
  private readonly cache = new SampleCache();
  private readonly results = new ResultStore(browser.storage.local);

  constructor(
    private readonly tabs: TabStore,
    private readonly services: RunServices,
    private readonly lifecycle?: RunLifecycle,
  ) {}

  /** Runs in flight in this background right now. */
  get running(): number {
    return this.active.size;
  }

  /** Starts a run for `capture` in `tabId`, replacing any run there. Resolves when it ends. */
  async start(
    tabId: number,
    capture: Capture,
    settings: Settings,
    options: StartOptions,
  ): Promise<void> {
    this.cancel(tabId, 'a newer answer replaced it');
    const controller = new AbortController();
    this.active.set(tabId, controller);
    this.lifecycle?.onBusy();
    const { signal } = controller;
    const total = settings.sampleCount;
    const releaseEmbedder = this.services.holdEmbedder?.();
    const release = holdAlive();
    let runId = -1;
    const publish = async (run: RunStatus): Promise<void> => {
      const current = await this.tabs.get(tabId);
      if (current?.runId !== runId) return;
      void showBadge(badgeFor(run, settings.sensitivity), tabId);
      // The page need not wait for storage.session to take a whole report.
      await Promise.all([
        this.tabs.update(tabId, (r) => ({ ...r, run })),
        sendToTab(tabId, 'bg/run', { conversationId: capture.conversationId, run }).catch(
          () => undefined,
        ),
      ]);
    };
    try {
      const record = await this.tabs.update(tabId, (r) => ({
        ...r,
        capture,
        runId: r.runId + 1,
        samples: options.resumeWith ?? [],
      }));
      runId = record.runId;

      const stored = await this.results.find(capture, total);
      if (stored && options.trigger !== 'user') {
        await publish({
          phase: 'done',
          report: stored.report,
          fromCache: true,
          failures: [],
          usage: stored.usage,
          cost: stored.cost ?? null,
          notes: stored.notes ?? [],
        });
        return;
      }
      if (options.trigger === 'page-load') {
        await publish({ phase: 'idle' });
        return;
      }
      await this.sampleAndAnalyze(tabId, runId, capture, settings, options, signal, publish);
    } catch (error) {
      // Whatever failed, the message is shown and stored: never with the key in it.
      const message = redactSecrets(errorMessage(error), [settings.backend?.apiKey ?? '']);
      if (!signal.aborted) await publish({ phase: 'error', message });
    } finally {
      release();
      releaseEmbedder?.();
      if (this.active.get(tabId) === controller) this.active.delete(tabId);
      if (this.active.size === 0) this.lifecycle?.onIdle();
    }
  }

  private async sampleAndAnalyze(
    tabId: number,
    runId: number,
    capture: Capture,
    settings: Settings,
    options: StartOptions,
    signal: AbortSignal,
    publish: (run: RunStatus) => Promise<void>,
  ): Promise<void> {
    const total = settings.sampleCount;
    const backend = await chooseBackend(settings);
    await ensureHostPermission(backend);
    const resumed = (options.resumeWith ?? []).slice(0, total);
    await publish({ phase: 'sampling', done: resumed.length, total, failures: [] });

    const outcome = await checkAnswer({
      capture,
      backend,
      total,
      embedder: this.services.embedderFor?.(settings) ?? this.services.embedder,
      resumeWith: resumed,
      cache: options.trigger === 'user' ? undefined : this.cache,
      signal,
      onProgress: async ({ received, failures }) => {
        // Kept so that a worker stopped mid-run resumes by asking only for the rest.
        await this.tabs.update(tabId, (r) => (r.runId === runId ? { ...r, samples: received } : r));
        await publish({ phase: 'sampling', done: received.length, total, failures });
      },
      onAnalyzing: (failures) => publish({ phase: 'analyzing', total, failures }),
    });
    if (!outcome || signal.aborted) return;
    const { report, failures, usage } = outcome;
    const cost = costOfRun(backend, usage);
    const done = { phase: 'done', report, fromCache: false, failures, usage, cost } as const;
    // Highlights first: the store write (tens of ms for a long report) must not delay them.
    await publish({ ...done, notes: outcome.notes });
    try {
      await this.results.save(capture, {
        answerHash: answerHash(capture.answer),
        sampleCount: outcome.sampleCount,
        report,
        usage,
        cost,
        savedAt: Date.now(),
        notes: outcome.notes,
      });
    } catch (error) {
      // The check is finished and paid for: it stays shown, and says only that it was not kept.
      const unsaved = `This result could not be saved, so a reload will not show it (${errorMessage(error)}).`;
      await publish({ ...done, notes: [...outcome.notes, unsaved] });
    }
  }

  /**
   * The reader's Cancel: stops the run and shows the answer as not checked, in the page and the
   * popup. A newer run id makes the stopped run's last messages land nowhere.
   */
  async stop(tabId: number): Promise<void> {
    this.cancel(tabId, 'the reader cancelled it');
    const idle: RunStatus = { phase: 'idle' };
    const record = await this.tabs.update(tabId, (r) => ({ ...r, runId: r.runId + 1, run: idle }));
    void showBadge(badgeFor(idle), tabId);
    if (record.capture) {
      await sendToTab(tabId, 'bg/run', {
        conversationId: record.capture.conversationId,
        run: idle,
      }).catch(() => undefined);
    }
  }

  cancel(tabId: number, reason: string): void {
    const controller = this.active.get(tabId);
    if (!controller) return;
    controller.abort(new Error(`Cancelled: ${reason}`));
    this.active.delete(tabId);
  }

  /**
   * After the worker was stopped mid-run (Chrome stops idle service workers; a crash does the
   * same): runs that were in flight resume with the samples they had already received. Called
   * at start-up and by the watchdog's alarm, one call at a time (watchdog.ts).
   */
  async recoverInterrupted(load: () => Promise<Settings>): Promise<void> {
    for (const record of await this.tabs.all()) {
      const inFlight = record.run.phase === 'sampling' || record.run.phase === 'analyzing';
      if (!inFlight || this.active.has(record.tabId)) continue;
      if (!record.capture) {
        await this.tabs.update(record.tabId, (r) => ({
          ...r,
          run: { phase: 'error', message: 'The run was interrupted; press Re-run to try again.' },
        }));
        continue;
      }
      void this.start(record.tabId, record.capture, await load(), {
        trigger: 'new-answer',
        resumeWith: record.samples,
      });
    }
  }
}
