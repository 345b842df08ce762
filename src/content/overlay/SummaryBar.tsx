/**
 * The summary by the answer: one compact bar with the run's status or result, and, when a result
 * is there, collapsible details that lead with what to check (flags, omissions), then the
 * consensus, the legend of the kinds present and all samples.
 *
 * Actions never dead-end: while a run is under way the bar offers Cancel; when an error can only
 * be fixed in the settings, "Open settings" is the primary action.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OverlayState } from './state.ts';
import { agreement, coverageNote, flags, headline, shownCounts } from './summarise.ts';
import { needsSettings } from '../../shared/run-status.ts';
import { type SentenceType } from '../../shared/report-reading.ts';
import { sourceReading, winningGroupSources } from '../../shared/source-reading.ts';
import type { SampleSource } from '../../shared/sources.ts';
import { CompareView, COMPARE_ID } from './CompareView.tsx';
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
  /** Who said each sample (report-reading's shownSources), or null to say nothing of sources. */
  sources: readonly SampleSource[] | null;
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
  // The compare view and its sample live here, in the overlay's own tree: a page that re-renders
  // the answer leaves them as they are.
  const [comparing, setComparing] = useState(false);
  const [compareSample, setCompareSample] = useState<number | null>(null);
  const compareButton = useRef<HTMLButtonElement>(null);
  // A new run closes the view: the next result is another set of samples, and opening by itself
  // would take the reader's focus.
  useEffect(() => {
    if (state.phase === 'done') return;
    setComparing(false);
    setCompareSample(null);
  }, [state.phase]);
  const busy = state.phase === 'sampling' || state.phase === 'analyzing';
  const done = state.phase === 'done' ? state : null;
  const fixInSettings =
    state.phase === 'error' && needsSettings(state.message) && onOpenSettings !== undefined;
  const flagCount = done ? flags(done.report, done.sensitivity).length : 0;
  const reading = done ? agreement(done.report) : null;
  const bySource = done ? sourceReading(done.report, done.sources) : null;
  const canCompare = !!done && done.report.samples.length > 0 && !done.report.notice;
  const closeCompare = (): void => {
    setComparing(false);
    compareButton.current?.focus();
  };
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
              {bySource && (
                <span class="cc-source-reading" data-split={bySource.split}>
                  {bySource.sentence}
                </span>
              )}
              {done.fromCache && (
                <span class="cc-badge" title="Shown from an earlier check of this answer">
                  Saved
                </span>
              )}
              <TypeChips
                counts={shownCounts(done.report, done.sensitivity)}
                majority={reading?.majority ?? null}
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
          {canCompare && (
            <button
              ref={compareButton}
              type="button"
              class="cc-button cc-button-quiet cc-compare-toggle"
              aria-expanded={comparing}
              aria-controls={COMPARE_ID}
              title="Your answer beside another sample, sentence by sentence"
              onClick={() => (comparing ? closeCompare() : setComparing(true))}
            >
              <span>Compare</span>
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
      {done && canCompare && comparing && (
        <CompareView
          report={done.report}
          sources={props.sources}
          sensitivity={done.sensitivity}
          sample={compareSample}
          onSelect={setCompareSample}
          onClose={closeCompare}
        />
      )}
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
              <Omissions report={done.report} sources={props.sources} />
              <ConsensusSection
                report={done.report}
                bySource={bySource?.sentence ?? null}
                winningSources={winningGroupSources(done.report, done.sources)}
              />
              <Legend counts={shownCounts(done.report, done.sensitivity)} />
              <SamplesList report={done.report} sources={props.sources} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
