/**
 * The summary's line while a run is not done: what is happening, how far sampling has got and
 * what went wrong, in words.
 */
import type { OverlayState } from './state.ts';
import { plural } from '../../shared/wording.ts';
import { progressText } from './summarise.ts';
import { Spinner } from './icons.tsx';

type Pending = Exclude<OverlayState, { phase: 'done' }>;

export function StatusLine({ state }: { state: Pending }) {
  switch (state.phase) {
    case 'idle':
      return <span class="cc-status-text">This answer has not been checked yet.</span>;
    case 'analyzing':
      return (
        <span class="cc-status-text" role="status">
          <Spinner />
          Analysing…
        </span>
      );
    case 'sampling': {
      const share = state.total > 0 ? Math.min(1, state.done / state.total) : 0;
      return (
        <span class="cc-status-text cc-sampling" role="status">
          <Spinner />
          <span>{progressText(state.done, state.total)}</span>
          <span
            class="cc-progress"
            role="progressbar"
            aria-label="Samples received"
            aria-valuemin={0}
            aria-valuemax={state.total}
            aria-valuenow={state.done}
          >
            <span class="cc-progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
          </span>
          {/* Why more samples are being asked (budget mode calling in the other voices). */}
          {state.note && <span class="cc-status-detail cc-status-note">{state.note}</span>}
          {state.failures.length > 0 && (
            <>
              <span class="cc-status-warning">
                {plural(state.failures.length, 'request')} failed
              </span>
              <span
                class="cc-status-detail"
                title={state.failures.map((f) => f.message).join('\n')}
              >
                {state.failures[state.failures.length - 1]!.message}
              </span>
            </>
          )}
        </span>
      );
    }
    case 'error':
      return (
        <span class="cc-status-text cc-status-error" role="alert">
          <strong>Couldn’t check this answer.</strong> <span>{state.message}</span>
        </span>
      );
  }
}
