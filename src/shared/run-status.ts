/**
 * One run per captured answer: captured → sampling k/N → analyzing → done | error. The background
 * owns the run; the content script and the popup only show this status.
 */
import type { AnalysisReport } from '../core/types.ts';
import type { TokenUsage } from './backend.ts';
import type { RunCost } from './run-cost.ts';
import type { SampleSource, SourceSpend } from './sources.ts';

export interface SampleFailure {
  /** 0-based sample slot. */
  index: number;
  message: string;
  /** Which voice failed; absent in results stored before there were several. */
  source?: SampleSource;
}

export type RunStatus =
  | { phase: 'idle' }
  | {
      phase: 'sampling';
      done: number;
      /** Samples wanted so far; in budget mode it grows when the other voices are asked too. */
      total: number;
      failures: SampleFailure[];
      /** Why more is being asked, in budget mode: "Asking gpt-4o-mini too: some sentences look
       * uncertain." Absent otherwise. */
      note?: string;
    }
  | { phase: 'analyzing'; total: number; failures: SampleFailure[] }
  | {
      phase: 'done';
      report: AnalysisReport;
      fromCache: boolean;
      failures: SampleFailure[];
      usage: TokenUsage | null;
      /** Free, priced, or absent/null when no price is known (then tokens only). */
      cost?: RunCost | null;
      /** What the result says about its inputs or its keeping: a cut answer, a failed save.
       * Absent in results stored by earlier versions. */
      notes?: string[];
      /** Who said each sample, parallel to `report.samples`; absent in results stored before
       * there were several voices (then every sample came from the main voice). */
      sources?: SampleSource[];
      /** Per-voice requests, tokens and cost, main voice first; absent as `sources`. */
      spend?: SourceSpend[];
    }
  | { phase: 'error'; message: string };

/** Health of the site adapter on the page: which required selectors found nothing. */
export interface SiteHealth {
  ok: boolean;
  problems: string[];
}

/** What the popup shows for the current tab. */
export interface TabStatus {
  /** Site adapter id, or null when Crosscheck has no adapter for the page. */
  site: string | null;
  siteEnabled: boolean;
  health: SiteHealth | null;
  run: RunStatus;
  /** False while no backend is chosen and the browser has no built-in model to use instead. */
  backendReady: boolean;
}

/** Progress while sampling, worded the same in the page's bar and in the popup. */
export function progressText(done: number, total: number): string {
  return done >= total ? `Received all ${total} samples` : `Received ${done} of ${total} samples…`;
}

/**
 * Whether an error can only be fixed in the settings (no backend, a rejected key, a wrong address
 * or model, a missing permission): then "Open settings" is the action to offer, not Re-run.
 */
export function needsSettings(message: string): boolean {
  return /\b(options|settings)\b|api key|\b(401|403)\b|base url|address|choose a backend|may not contact|model .* may not exist/i.test(
    message,
  );
}

export function describeRun(run: RunStatus): string {
  switch (run.phase) {
    case 'idle':
      return 'Waiting for an answer';
    case 'sampling':
      return progressText(run.done, run.total);
    case 'analyzing':
      return 'Analysing';
    case 'done':
      return run.fromCache ? 'Done (saved result)' : 'Done';
    case 'error':
      return `Error: ${run.message}`;
  }
}
