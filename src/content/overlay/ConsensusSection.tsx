/**
 * The consensus pick: which answer most samples side with, how many, and why; with a toggle
 * that shows that answer in full, its differences from the user's answer marked.
 */
import { useMemo, useState } from 'preact/hooks';
import type { AnalysisReport } from '../../core/types.ts';
import { diffWords } from '../../shared/text-diff.ts';
import { DiffText } from './DiffText.tsx';
import { agreement, answerText, answerTitle } from './summarise.ts';

interface Props {
  report: AnalysisReport;
  /** Whether the disagreement is within one model or between models (report-reading). */
  bySource: string | null;
  /** The sources in the pick's group, e.g. "your answer and 2 samples from llama3.2". */
  winningSources: string | null;
}

export function ConsensusSection({ report, bySource, winningSources }: Props) {
  const { consensus } = report;
  const [open, setOpen] = useState(false);
  // The consensus answer reads best with only its own extra words marked; the user's words that
  // it drops are there on request.
  const [showRemoved, setShowRemoved] = useState(false);
  const reading = agreement(report);
  const isYours = consensus.index === 0;
  const parts = useMemo(
    () => (open && !isYours ? diffWords(report.answer, answerText(report, consensus.index)) : []),
    [open, isYours, report, consensus.index],
  );
  const bodyId = 'cc-consensus-body';
  return (
    <section class="cc-section cc-consensus" aria-labelledby="cc-consensus-title">
      <h3 id="cc-consensus-title" class="cc-section-title">
        Consensus
      </h3>
      {/* The same agreement sentence as the bar's: one number for the whole run. */}
      {reading && (
        <p class="cc-consensus-agreement">
          {reading.sentence}: <strong>{reading.verdict}</strong>.
        </p>
      )}
      <p class="cc-consensus-pick">
        {isYours ? (
          'Your answer reads most like the others.'
        ) : (
          <>
            <strong>{answerTitle(consensus.index)}</strong> reads most like the others.
          </>
        )}
      </p>
      {bySource && <p class="cc-consensus-sources">{bySource}</p>}
      {winningSources && (
        <p class="cc-consensus-group">
          In the winning group: <strong>{winningSources}</strong>.
        </p>
      )}
      {consensus.finalAnswer !== null && (
        <p class="cc-consensus-final">
          Final answer: <strong>{consensus.finalAnswer}</strong>
        </p>
      )}
      {!isYours && (
        <>
          <button
            type="button"
            class="cc-button cc-button-quiet"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide consensus answer' : 'Show consensus answer'}
          </button>
          <div id={bodyId} class="cc-consensus-body" hidden={!open}>
            {open && (
              <>
                <div class="cc-diff-key">
                  <span class="cc-key-item">
                    <ins class="cc-diff-ins">marked</ins> only in{' '}
                    {answerTitle(consensus.index).toLowerCase()}
                  </span>
                  <button
                    type="button"
                    class="cc-key-toggle"
                    aria-pressed={showRemoved}
                    onClick={() => setShowRemoved(!showRemoved)}
                  >
                    <span class="cc-check" aria-hidden="true" />
                    Show words only in your answer
                  </button>
                </div>
                <blockquote class="cc-fulltext">
                  <DiffText parts={parts} variant={showRemoved ? 'changes' : 'additions'} />
                </blockquote>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
