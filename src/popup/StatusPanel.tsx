/**
 * The current tab's run, with a way forward in every state: on a page Crosscheck does not run on,
 * where it does run; without a backend, "Open settings" first; while sampling, the progress in
 * the bar's words and Cancel; on an error only the settings can fix, "Open settings" first; when
 * done, the bar's agreement sentence, the number of flags and what the samples cost (per source
 * when other voices answered too).
 */
import type { Sensitivity } from '../core/types.ts';
import { agreement, shownFlags } from '../shared/report-reading.ts';
import { sourceReading } from '../shared/source-reading.ts';
import { spendText } from '../shared/run-cost.ts';
import { sourceSpendText, totalSpendText } from '../shared/source-spend.ts';
import { describeRun, needsSettings, type TabStatus } from '../shared/run-status.ts';

export function StatusPanel(props: {
  status: TabStatus | null;
  /** The reader's sensitivity: the count is of the sentences the page shows at it. */
  sensitivity?: Sensitivity;
  /** The chat sites Crosscheck runs on, named on a page it does not run on. */
  siteNames: readonly string[];
  onRerun: (() => void) | undefined;
  onCancel: (() => void) | undefined;
  onOpenSettings: () => void;
}) {
  const { status } = props;
  if (!status) return <section class="status muted">Checking this tab…</section>;
  if (status.site === null) {
    return (
      <section class="status" data-state="unsupported">
        <strong data-testid="run-status">Crosscheck does not run on this page</strong>
        <p class="small muted">It checks answers on {props.siteNames.join(', ')}.</p>
      </section>
    );
  }
  const run = status.run;
  if (!status.backendReady && (run.phase === 'idle' || run.phase === 'error')) {
    return (
      <section class="status" data-state="needs-setup">
        <strong data-testid="run-status">Choose where extra answers come from</strong>
        <p class="small muted">
          Crosscheck asks a model the same question again and compares the answers. Pick a backend
          to start; some need no key.
        </p>
        <div class="actions">
          <button type="button" class="button primary" onClick={props.onOpenSettings}>
            Open settings
          </button>
        </div>
      </section>
    );
  }
  const canRerun = run.phase === 'done' || run.phase === 'error';
  const busy = run.phase === 'sampling' || run.phase === 'analyzing';
  const fixInSettings = run.phase === 'error' && needsSettings(run.message);
  const reading = run.phase === 'done' ? agreement(run.report) : null;
  const flagCount = run.phase === 'done' ? shownFlags(run.report, props.sensitivity).length : 0;
  // Within one model or between models, as the page's bar says it; null with one source.
  const voices = run.phase === 'done' ? sourceReading(run.report, run.sources) : null;
  const spend = run.phase === 'done' ? spendText(run.usage, run.cost ?? null) : '';
  // Per source once there are several (main first); the total stays, after them.
  const perSource = run.phase === 'done' && (run.spend?.length ?? 0) > 1 ? run.spend! : null;
  return (
    <section class="status" aria-live="polite">
      <strong class="block" data-testid="run-status">
        {describeRun(run)}
      </strong>
      {run.phase === 'sampling' && (
        <progress max={run.total} value={run.done} aria-label="Samples received" />
      )}
      {run.phase === 'sampling' && run.note && (
        <p class="small muted" data-testid="run-note">
          {run.note}
        </p>
      )}
      {run.phase === 'done' && (
        <p class="small" data-testid="run-summary">
          {reading ? `${reading.sentence}: ${reading.verdict}.` : (run.report.notice ?? '')}{' '}
          {flagCount === 0
            ? 'Nothing flagged.'
            : `${flagCount} ${flagCount === 1 ? 'sentence' : 'sentences'} to check.`}
          {spend && !perSource && (
            <span class="muted" data-testid="run-cost">
              {' '}
              {spend}
            </span>
          )}
        </p>
      )}
      {voices && (
        <p class="small" data-testid="run-voices">
          {voices.sentence}
        </p>
      )}
      {perSource && (
        <ul class="small muted spend" aria-label="What each source cost">
          {perSource.map((source) => (
            <li key={source.source.id} data-testid="source-cost">
              {sourceSpendText(source)}
            </li>
          ))}
        </ul>
      )}
      {perSource && spend && (
        <p class="small muted" data-testid="run-cost">
          {totalSpendText(spend)}
        </p>
      )}
      {run.phase === 'done' &&
        (run.notes ?? []).map((note) => (
          <p key={note} class="small muted" data-testid="run-note">
            {note}
          </p>
        ))}
      {'failures' in run && run.failures.length > 0 && (
        <ul class="small error">
          {run.failures.map((f) => (
            <li key={f.index}>
              Sample {f.index + 1}
              {f.source ? ` (${f.source.label})` : ''}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {(fixInSettings || (busy && props.onCancel) || (canRerun && props.onRerun)) && (
        <div class="actions">
          {fixInSettings && (
            <button type="button" class="button primary" onClick={props.onOpenSettings}>
              Open settings
            </button>
          )}
          {busy && props.onCancel && (
            <button type="button" class="button" onClick={props.onCancel}>
              Cancel
            </button>
          )}
          {canRerun && props.onRerun && (
            <button type="button" class="button" onClick={props.onRerun}>
              Re-run
            </button>
          )}
        </div>
      )}
      {status.health && !status.health.ok && (
        <div class="small health">
          <p class="error" role="alert">
            This site’s page layout has changed, so Crosscheck cannot find the answers here. An
            update of Crosscheck is needed for this site.
          </p>
          <details>
            <summary>What did not match</summary>
            <ul>
              {status.health.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}
