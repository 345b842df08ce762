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
import { originPatternFor, settingsFromPreset } from '../shared/presets.ts';
import { SampleCache } from '../sampling/cache.ts';
import { BACKEND_KINDS, type BackendSettings } from '../shared/backend.ts';
import type { Capture } from '../shared/conversation.ts';
import { errorMessage, type CaptureTrigger } from '../shared/messages.ts';
import { sendToTab } from '../shared/messaging.ts';
import type { RunStatus } from '../shared/run-status.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { MAIN_VOICE_ID, type SampleSource } from '../shared/sources.ts';
import { badgeFor } from './badge.ts';
import { checkAnswer, type SourcedSample } from './check-answer.ts';
import { showBadge } from './toolbar-badge.ts';
import { holdAlive } from './keep-alive.ts';
import { answerHash, ResultStore } from './result-store.ts';
import type { TabStore } from './tab-store.ts';
import { planVoices, voicesKey } from './voice-plan.ts';

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
  /** Samples already received by an interrupted run of the same answer, with their voices. */
  resumeWith?: SourcedSample[];
}

/** What one run's sampling needs to know: its tab, settings, cancellation and status. */
interface RunContext {
  tabId: number;
  runId: number;
  capture: Capture;
  settings: Settings;
  options: StartOptions;
  signal: AbortSignal;
  publish: (run: RunStatus) => Promise<void>;
}

/** Samples kept by an interrupted run, with their voices (all the main one's in old records). */
function resumedSamples(
  samples: readonly string[],
  sources?: readonly SampleSource[],
): SourcedSample[] {
  return samples.map((text, i) => ({
    text,
    source: sources?.[i] ?? { id: MAIN_VOICE_ID, label: '' },
  }));
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

/** Why Crosscheck may not contact the backend (no host permission), or null when it may. */
async function permissionProblem(backend: BackendSettings): Promise<string | null> {
  if (!BACKEND_KINDS[backend.kind].http) return null;
  let host: string;
  let origin: string;
  try {
    host = new URL(backend.baseUrl).host;
    origin = originPatternFor(backend.baseUrl);
  } catch {
    // The sampler says what is wrong with the address.
    return null;
  }
  return (await browser.permissions.contains({ origins: [origin] }))
    ? null
    : `Crosscheck may not contact ${host} yet: open Crosscheck’s options and press Save to allow it.`;
}

async function ensureHostPermission(backend: BackendSettings): Promise<void> {
  const problem = await permissionProblem(backend);
  if (problem) throw new Error(problem);
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
        samples: (options.resumeWith ?? []).map((s) => s.text),
        sources: (options.resumeWith ?? []).map((s) => s.source),
      }));
      runId = record.runId;

      const stored = await this.results.find(capture, {
        sampleCount: settings.sampleCount,
        voicesKey: voicesKey(settings),
      });
      if (stored && options.trigger !== 'user') {
        await publish({
          phase: 'done',
          report: stored.report,
          fromCache: true,
          failures: [],
          usage: stored.usage,
          cost: stored.cost ?? null,
          notes: stored.notes ?? [],
          ...(stored.sources ? { sources: stored.sources } : {}),
          ...(stored.spend ? { spend: stored.spend } : {}),
        });
        return;
      }
      if (options.trigger === 'page-load') {
        await publish({ phase: 'idle' });
        return;
      }
      await this.sampleAndAnalyze({ tabId, runId, capture, settings, options, signal, publish });
    } catch (error) {
      // Whatever failed, the message is shown and stored: never with any key in it.
      const message = redactSecrets(errorMessage(error), [
        settings.backend?.apiKey ?? '',
        ...settings.otherVoices.map((v) => v.backend.apiKey),
      ]);
      if (!signal.aborted) await publish({ phase: 'error', message });
    } finally {
      release();
      releaseEmbedder?.();
      if (this.active.get(tabId) === controller) this.active.delete(tabId);
      if (this.active.size === 0) this.lifecycle?.onIdle();
    }
  }

  private async sampleAndAnalyze(run: RunContext): Promise<void> {
    const { tabId, runId, capture, settings, options, signal, publish } = run;
    const main = await chooseBackend(settings);
    // The main voice's failures end the run as they always did; another voice's only fail it.
    await ensureHostPermission(main);
    const plan = await planVoices(settings, main, permissionProblem);
    // Budget mode asks the main voice first: the total grows if the others are asked too.
    let total = plan.askOthersWhenUncertain
      ? plan.voices[0]!.samples
      : plan.voices.reduce((sum, v) => sum + v.samples, 0);
    const resumed = options.resumeWith ?? [];
    await publish({ phase: 'sampling', done: resumed.length, total, failures: [] });

    const outcome = await checkAnswer({
      capture,
      ...plan,
      embedder: this.services.embedderFor?.(settings) ?? this.services.embedder,
      resumeWith: resumed,
      cache: options.trigger === 'user' ? undefined : this.cache,
      signal,
      onProgress: async (progress) => {
        const { received, sources, failures, note } = progress;
        total = progress.total;
        // Kept so that a worker stopped mid-run resumes by asking only for the rest.
        await this.tabs.update(tabId, (r) =>
          r.runId === runId ? { ...r, samples: received, sources } : r,
        );
        await publish({
          phase: 'sampling',
          done: received.length,
          total,
          failures,
          ...(note ? { note } : {}),
        });
      },
      onAnalyzing: (failures) => publish({ phase: 'analyzing', total, failures }),
    });
    if (!outcome || signal.aborted) return;
    const { report, failures, usage, cost, sources, spend } = outcome;
    const done = {
      phase: 'done',
      report,
      fromCache: false,
      failures,
      usage,
      cost,
      sources,
      spend,
    } as const;
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
        voicesKey: voicesKey(settings),
        sources,
        spend,
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
        resumeWith: resumedSamples(record.samples, record.sources),
      });
    }
  }
}
