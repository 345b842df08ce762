/**
 * The summary by the answer: one compact bar with the run's status or result, and, when a result
 * is there, collapsible details that lead with what to check (flags, omissions), then the
 * consensus, the legend of the kinds present and all samples.
 *
 * Actions never dead-end: while a run is under way the bar offers Cancel; when an error can only
 * be fixed in the settings, "Open settings" is the primary action.
 */
import { useState } from 'preact/hooks';
import type { OverlayState } from './state.ts';
import { agreement, coverageNote, flags, headline, shownCounts } from './summarise.ts';
import { needsSettings } from '../../shared/run-status.ts';
import type { SentenceType } from '../../shared/report-reading.ts';
import { GearIcon, Logo, RerunIcon, Chevron } from './icons.tsx';
import { StatusLine } from './StatusLine.tsx';
import { Legend, TypeChips } from './TypeCounts.tsx';
import { ConsensusSection } from './ConsensusSection.tsx';
import { FlagList } from './FlagList.tsx';
import { FlagStepper } from './FlagStepper.tsx';
import { Omissions } from './Omissions.tsx';
import { SamplesList } from './SamplesList.tsx';

export interface SummaryProps {
  state: OverlayState;
  openFlag: number | null;
  onRerun: () => void;
  onOpenSettings?: (() => void) | undefined;
  onCancel?: (() => void) | undefined;
  onActivateFlag: (flagIndex: number, button: HTMLButtonElement) => void;
  onJumpToType: (type: SentenceType) => void;
  onStep: (direction: 1 | -1) => void;
  onFlagKeyDown: (flagIndex: number, event: KeyboardEvent) => void;
  initiallyExpanded?: boolean;
}

export function SummaryBar(props: SummaryProps) {
  const { state, onRerun, onOpenSettings } = props;
  const [expanded, setExpanded] = useState(props.initiallyExpanded ?? false);
  const busy = state.phase === 'sampling' || state.phase === 'analyzing';
  const done = state.phase === 'done' ? state : null;
  const fixInSettings =
    state.phase === 'error' && needsSettings(state.message) && onOpenSettings !== undefined;
  const flagCount = done ? flags(done.report, done.sensitivity).length : 0;
  const reading = done ? agreement(done.report) : null;
  // Omissions have no place in the answer: their chip opens the details, which list them.
  const showOmissions = () => setExpanded(true);
  return (
    <section class={`cc-summary cc-state-${state.phase}`} aria-label="Crosscheck">
      <div class="cc-bar">
        <span class="cc-brand" title="Crosscheck">
          <Logo />
        </span>
        <div class="cc-bar-main">
          {done ? (
            <>
              <span class="cc-headline" data-majority={reading?.majority ?? 'none'}>
                {headline(done.report)}
              </span>
              {done.fromCache && (
                <span class="cc-badge" title="Shown from an earlier check of this answer">
                  Saved
                </span>
              )}
              <TypeChips
                counts={shownCounts(done.report, done.sensitivity)}
                onJump={props.onJumpToType}
                onOmissions={showOmissions}
              />
            </>
          ) : (
            state.phase !== 'done' && <StatusLine state={state} />
          )}
        </div>
        <div class="cc-bar-actions">
          {flagCount > 0 && <FlagStepper label="Step through flags" onStep={props.onStep} />}
          {busy && props.onCancel && (
            <button type="button" class="cc-button cc-button-quiet" onClick={props.onCancel}>
              Cancel
            </button>
          )}
          {fixInSettings && (
            <button type="button" class="cc-button cc-button-primary" onClick={onOpenSettings}>
              <GearIcon />
              <span>Open settings</span>
            </button>
          )}
          {!busy && (
            <button
              type="button"
              class={`cc-button ${state.phase === 'idle' ? 'cc-button-primary' : 'cc-button-quiet'}`}
              onClick={onRerun}
              title={state.phase === 'idle' ? undefined : 'Ask the backend again (costs a new run)'}
            >
              <RerunIcon />
              <span>{state.phase === 'idle' ? 'Check answer' : 'Re-run'}</span>
            </button>
          )}
          {onOpenSettings && !fixInSettings && (
            <button
              type="button"
              class="cc-icon-button"
              aria-label="Crosscheck settings"
              title="Settings"
              onClick={onOpenSettings}
            >
              <GearIcon />
            </button>
          )}
          {done && (
            <button
              type="button"
              class="cc-button cc-button-quiet cc-expand"
              aria-expanded={expanded}
              aria-controls="cc-details"
              onClick={() => setExpanded(!expanded)}
            >
              <span>Details</span>
              <Chevron open={expanded} />
            </button>
          )}
        </div>
      </div>
      {done?.notes && done.notes.length > 0 && (
        <p class="cc-notes" role="note">
          {done.notes.join(' ')}
        </p>
      )}
      {done && (
        <div id="cc-details" class="cc-details" hidden={!expanded}>
          {expanded && (
            <>
              {coverageNote(done.report) && (
                <p class="cc-note" role="note">
                  {coverageNote(done.report)}
                </p>
              )}
              <FlagList
                report={done.report}
                sensitivity={done.sensitivity}
                openFlag={props.openFlag}
                onActivate={props.onActivateFlag}
                onKeyDown={props.onFlagKeyDown}
              />
              <Omissions report={done.report} />
              <ConsensusSection report={done.report} />
              <Legend counts={shownCounts(done.report, done.sensitivity)} />
              <SamplesList report={done.report} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
