/** The current tab's run: progress while sampling, errors in words, a re-run button. */
import { describeRun, type TabStatus } from '../shared/run-status.ts';

export function StatusPanel(props: {
  status: TabStatus | null;
  backendChosen: boolean;
  onRerun: (() => void) | undefined;
}) {
  const { status } = props;
  if (!status) return <section class="status muted">Checking this tab…</section>;
  const run = status.run;
  const canRerun = run.phase === 'done' || run.phase === 'error';
  return (
    <section class="status" aria-live="polite">
      <div class="row">
        <strong class="grow" data-testid="run-status">
          {describeRun(run)}
        </strong>
        {canRerun && props.onRerun && (
          <button type="button" class="button" onClick={props.onRerun}>
            Re-run
          </button>
        )}
      </div>
      {run.phase === 'sampling' && (
        <progress max={run.total} value={run.done} aria-label="Samples received" />
      )}
      {run.phase === 'done' && (
        <p class="small">
          {Math.round(run.report.agreement * 100)}% agreement ·{' '}
          {run.report.sentences.filter((s) => s.flagged).length} flagged
          {run.usage
            ? ` · ${(run.usage.inputTokens ?? 0) + (run.usage.outputTokens ?? 0)} tokens`
            : ''}
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
              Sample {f.index + 1}: {f.message}
            </li>
          ))}
        </ul>
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
      {!props.backendChosen && (
        <p class="small muted">Pick a backend in the settings below to get extra answers.</p>
      )}
    </section>
  );
}
