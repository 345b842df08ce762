/**
 * Owns the runs: one per tab, replaced when a newer answer arrives, cancelled on navigation or
 * when the site is turned off. A run samples the backend, feeds each sample to the incremental
 * analysis as it arrives, stores the finished report, and pushes every status change to the tab
 * (and into storage.session, where the popup reads it and where a restarted worker finds it).
 */
import browser from 'webextension-polyfill';
import { createAnalysis } from '../core/analysis.ts';
import type { Embedder } from '../embedding/embedder.ts';
import { builtinUnavailableReason } from '../sampling/backends/chrome-builtin.ts';
import { originPatternFor, settingsFromPreset } from '../sampling/presets.ts';
import { SampleCache } from '../sampling/cache.ts';
import { sample } from '../sampling/sampler.ts';
import type { BackendSettings, TokenUsage as ApiUsage } from '../sampling/types.ts';
import type { Capture } from '../shared/conversation.ts';
import { errorMessage, type CaptureTrigger } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import type { RunStatus, SampleFailure, TokenUsage } from '../shared/run-status.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { badgeFor } from './badge.ts';
import { showBadge } from './toolbar-badge.ts';
import { holdAlive } from './keep-alive.ts';
import { answerHash, findResult, saveResult } from './result-store.ts';
import type { TabStore } from './tab-store.ts';

export interface RunServices {
  /** Where embeddings are computed: the offscreen document (Chrome) or this page (Firefox). */
  embedder: Embedder;
  /**
   * The embedder for the model a run's settings name, used for the whole run: vectors of two
   * models (a download finishing mid-run) cannot be compared. Defaults to `embedder`.
   */
  embedderFor?: (settings: Settings) => Embedder;
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
  if (backend.kind === 'chrome-builtin') return;
  const origin = originPatternFor(backend.baseUrl);
  if (!(await browser.permissions.contains({ origins: [origin] }))) {
    throw new Error(
      `Crosscheck may not contact ${new URL(backend.baseUrl).host} yet: open Crosscheck’s options and press Save to allow it.`,
    );
  }
}

function addUsage(total: TokenUsage | null, usage: ApiUsage | undefined): TokenUsage | null {
  if (!usage) return total;
  return {
    inputTokens: (total?.inputTokens ?? 0) + (usage.inputTokens ?? 0),
    outputTokens: (total?.outputTokens ?? 0) + (usage.outputTokens ?? 0),
  };
}

export class RunController {
  private readonly active = new Map<number, AbortController>();
  /** Identical requests within minutes reuse samples (keyed by conversation, backend, model). */
  private readonly cache = new SampleCache();

  constructor(
    private readonly tabs: TabStore,
    private readonly services: RunServices,
  ) {}

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
    const { signal } = controller;
    const total = settings.sampleCount;
    const record = await this.tabs.update(tabId, (r) => ({
      ...r,
      capture,
      runId: r.runId + 1,
      samples: options.resumeWith ?? [],
    }));
    const runId = record.runId;

    const publish = async (run: RunStatus): Promise<void> => {
      const current = await this.tabs.get(tabId);
      if (current?.runId !== runId) return;
      await this.tabs.update(tabId, (r) => ({ ...r, run }));
      void showBadge(badgeFor(run), tabId);
      await sendToTab(tabId, 'bg/run', { conversationId: capture.conversationId, run }).catch(
        () => undefined,
      );
    };

    const release = holdAlive();
    try {
      const stored = await findResult(capture, total);
      if (stored && options.trigger !== 'user') {
        await publish({
          phase: 'done',
          report: stored.report,
          fromCache: true,
          failures: [],
          usage: stored.usage,
        });
        return;
      }
      if (options.trigger === 'page-load') {
        await publish({ phase: 'idle' });
        return;
      }
      await this.sampleAndAnalyse(tabId, runId, capture, settings, options, signal, publish);
    } catch (error) {
      if (!signal.aborted) await publish({ phase: 'error', message: errorMessage(error) });
    } finally {
      release();
      if (this.active.get(tabId) === controller) this.active.delete(tabId);
    }
  }

  private async sampleAndAnalyse(
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
    if (capture.answer.trim() === '') throw new Error('The answer is empty: nothing to check.');

    const received = [...(options.resumeWith ?? [])].slice(0, total);
    const failures: SampleFailure[] = [];
    let usage: TokenUsage | null = null;
    await publish({ phase: 'sampling', done: received.length, total, failures });

    // The answer is embedded while the backend is still thinking.
    const embedder = this.services.embedderFor?.(settings) ?? this.services.embedder;
    const analysis = await createAnalysis(capture.answer, embedder, { signal });
    const pending: Promise<void>[] = received.map((text) => analysis.addSample(text, signal));

    const remaining = total - received.length;
    if (remaining > 0) {
      const events = sample(
        backend,
        {
          turns: capture.turns,
          n: remaining,
          temperature: backend.temperature,
          maxTokens: backend.maxTokens,
          signal,
        },
        { cache: options.trigger === 'user' ? undefined : this.cache },
      );
      for await (const event of events) {
        if (signal.aborted) return;
        if (event.type === 'sample') {
          received.push(event.text);
          usage = addUsage(usage, event.usage);
          pending.push(analysis.addSample(event.text, signal));
          await this.tabs.update(tabId, (r) =>
            r.runId === runId ? { ...r, samples: [...received] } : r,
          );
        } else if (event.error.kind !== 'cancelled') {
          failures.push({ index: event.index + (total - remaining), message: event.error.message });
        }
        await publish({ phase: 'sampling', done: received.length, total, failures: [...failures] });
      }
    }
    if (signal.aborted) return;
    if (received.length === 0) {
      throw new Error(failures[0]?.message ?? 'The backend returned no answers.');
    }
    await publish({ phase: 'analysing', total, failures: [...failures] });
    await Promise.all(pending);
    if (signal.aborted) return;
    const report = analysis.report();
    await saveResult(capture, {
      answerHash: answerHash(capture.answer),
      sampleCount: received.length,
      report,
      usage,
      savedAt: Date.now(),
    });
    await publish({ phase: 'done', report, fromCache: false, failures, usage });
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
   * same): runs that were in flight resume with the samples they had already received.
   */
  async recoverInterrupted(load: () => Promise<Settings>): Promise<void> {
    for (const record of await this.tabs.all()) {
      const inFlight = record.run.phase === 'sampling' || record.run.phase === 'analysing';
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
