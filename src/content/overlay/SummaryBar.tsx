/**
 * The summary by the answer: one compact bar with the run's status or result, and, when a result
 * is there, collapsible details (legend, consensus, flagged sentences, omissions, all samples).
 */
import { useState } from 'preact/hooks';
import type { OverlayState } from './state.ts';
import { headline } from './summarise.ts';
import { GearIcon, Logo, RerunIcon, Chevron } from './icons.tsx';
import { StatusLine } from './StatusLine.tsx';
import { Legend, TypeChips } from './TypeCounts.tsx';
import { ConsensusSection } from './ConsensusSection.tsx';
import { FlagList } from './FlagList.tsx';
import { Omissions } from './Omissions.tsx';
import { SamplesList } from './SamplesList.tsx';

export interface SummaryProps {
  state: OverlayState;
  openFlag: number | null;
  onRerun: () => void;
  onOpenSettings?: (() => void) | undefined;
  onActivateFlag: (flagIndex: number, button: HTMLButtonElement) => void;
  onFlagKeyDown: (flagIndex: number, event: KeyboardEvent) => void;
  initiallyExpanded?: boolean;
}

export function SummaryBar(props: SummaryProps) {
  const { state, onRerun, onOpenSettings } = props;
  const [expanded, setExpanded] = useState(props.initiallyExpanded ?? false);
  const busy =
    state.kind === 'capturing' || state.kind === 'sampling' || state.kind === 'analysing';
  const done = state.kind === 'done' ? state : null;
  return (
    <section class={`cc-summary cc-state-${state.kind}`} aria-label="Crosscheck">
      <div class="cc-bar">
        <span class="cc-brand" title="Crosscheck">
          <Logo />
        </span>
        <div class="cc-bar-main">
          {state.kind === 'done' ? (
            <>
              <span class="cc-headline">{headline(state.report)}</span>
              {state.fromCache && (
                <span class="cc-badge" title="Shown from an earlier check of this answer">
                  Saved
                </span>
              )}
              <TypeChips counts={state.report.counts} />
            </>
          ) : (
            <StatusLine state={state} />
          )}
        </div>
        <div class="cc-bar-actions">
          {!busy && (
            <button type="button" class="cc-button" onClick={onRerun}>
              <RerunIcon />
              <span>{state.kind === 'idle' ? 'Check answer' : 'Re-run'}</span>
            </button>
          )}
          {onOpenSettings && (
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
              class="cc-icon-button cc-expand"
              aria-expanded={expanded}
              aria-controls="cc-details"
              aria-label={expanded ? 'Hide details' : 'Show details'}
              title={expanded ? 'Hide details' : 'Show details'}
              onClick={() => setExpanded(!expanded)}
            >
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
              <Legend counts={done.report.counts} />
              <ConsensusSection report={done.report} />
              <FlagList
                report={done.report}
                openFlag={props.openFlag}
                onActivate={props.onActivateFlag}
                onKeyDown={props.onFlagKeyDown}
              />
              <Omissions report={done.report} />
              <SamplesList report={done.report} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
