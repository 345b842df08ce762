/**
 * The compare view: the answer beside one sample, sentence by sentence. Each answer sentence sits
 * in a row with that sample's counterpart (the report's per-sentence evidence), the row marked
 * with the kind of disagreement in the inline highlights' colours and underline styles, or as
 * backing it. It opens on the sample that disagrees most; a radio group switches to any sample,
 * each named with its source. Escape or the close button closes it (SummaryBar returns focus to
 * the button that opened it). All text goes in as text children, never as markup.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { AnalysisReport, Sensitivity } from '../../core/types.ts';
import type { SampleSource } from '../../shared/sources.ts';
import { compareRows, mostDisagreeingSample, type CompareRow } from '../../shared/comparison.ts';
import { sampleName } from '../../shared/source-reading.ts';
import { CloseButton } from './CloseButton.tsx';
import { DiffText } from './DiffText.tsx';
import { counterpartParts, STANCE_LABEL } from './evidence.ts';
import { Swatch } from './Swatch.tsx';
import { TYPE_STYLES } from './type-styles.ts';

export const COMPARE_ID = 'cc-compare';

export interface CompareViewProps {
  report: AnalysisReport;
  sources: readonly SampleSource[] | null;
  sensitivity?: Sensitivity | undefined;
  /** The sample shown (0-based); null for the default, the one that disagrees most. */
  sample: number | null;
  onSelect: (sample: number) => void;
  onClose: () => void;
}

function SampleCell({ row }: { row: CompareRow }) {
  if (!row.judged) return <span class="cc-muted">Not compared</span>;
  if (!row.counterpart || row.stance === 'silent' || !row.evidence)
    return <span class="cc-silent-text">Says nothing about this.</span>;
  return <DiffText parts={counterpartParts(row.evidence)} variant="mark" />;
}

/**
 * The answer sentence marked as this sample judges it: the kind's underline where the sample says
 * otherwise, a faint one where it backs only part of it, none where it backs it or is silent (not
 * repeating a detail is weaker evidence than stating a different one).
 */
function answerMark(row: CompareRow): string | undefined {
  if (!row.kind) return undefined;
  return row.stance === 'partly'
    ? `cc-kind cc-kind-${row.kind} cc-kind-faint`
    : `cc-kind cc-kind-${row.kind}`;
}

function RowTag({ row }: { row: CompareRow }) {
  if (!row.stance) return null;
  return (
    <span class={`cc-compare-tag cc-stance cc-stance-${row.stance}`}>
      {row.kind && <Swatch type={row.kind} />}
      {STANCE_LABEL[row.stance]}
      {/* The kind, when it names more than "says otherwise" does. */}
      {row.kind &&
        row.kind !== 'unsupported' &&
        row.stance === 'differs' &&
        ` · ${TYPE_STYLES[row.kind].label.toLowerCase()}`}
    </span>
  );
}

export function CompareView(props: CompareViewProps) {
  const { report, sources } = props;
  const fallback = mostDisagreeingSample(report) ?? 0;
  const chosen =
    props.sample !== null && props.sample < report.samples.length ? props.sample : fallback;
  const comparison = useMemo(
    () => compareRows(report, chosen, props.sensitivity),
    [report, chosen, props.sensitivity],
  );
  const ref = useRef<HTMLElement>(null);
  const pickerRef = useRef<HTMLDivElement>(null);

  // Focus moves into the view when it opens, so the keyboard continues where the eyes go.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('.cc-compare-title')?.focus({ preventScroll: true });
  }, []);

  const name = sampleName(chosen, sources);
  const select = (sample: number, focus: boolean): void => {
    props.onSelect(sample);
    if (focus) {
      // After the re-render the chosen radio is the tabbable one.
      queueMicrotask(() =>
        pickerRef.current
          ?.querySelector<HTMLElement>(`[data-sample="${sample}"]`)
          ?.focus({ preventScroll: true }),
      );
    }
  };
  const onPickerKey = (event: KeyboardEvent): void => {
    const count = report.samples.length;
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowDown: 1,
      ArrowLeft: -1,
      ArrowUp: -1,
    };
    let next: number | null = null;
    if (event.key in moves) next = (chosen + moves[event.key]! + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === null) return;
    event.preventDefault();
    select(next, true);
  };

  return (
    <section
      id={COMPARE_ID}
      ref={ref}
      class="cc-compare"
      aria-labelledby="cc-compare-title"
      data-sample={chosen}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        props.onClose();
      }}
    >
      <header class="cc-compare-head">
        <h3 id="cc-compare-title" class="cc-compare-title" tabIndex={-1}>
          Your answer beside {name}
        </h3>
        <CloseButton class="cc-compare-close" label="Close comparison" onClose={props.onClose} />
      </header>
      <div
        ref={pickerRef}
        class="cc-compare-picker"
        role="radiogroup"
        aria-label="Compare with"
        onKeyDown={onPickerKey}
      >
        {report.samples.map((_, sample) => (
          <button
            key={sample}
            type="button"
            role="radio"
            class="cc-compare-choice"
            data-sample={sample}
            aria-checked={sample === chosen}
            tabIndex={sample === chosen ? 0 : -1}
            onClick={() => select(sample, false)}
          >
            {sampleName(sample, sources)}
            {sample === fallback && <span class="cc-badge">most different</span>}
          </button>
        ))}
      </div>
      <table class="cc-compare-table">
        <thead>
          <tr>
            <th scope="col">Your answer</th>
            <th scope="col">{name}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr
              key={row.index}
              class={`cc-compare-row cc-${row.stance ?? 'unjudged'}`}
              data-stance={row.stance ?? 'unjudged'}
              data-kind={row.kind ?? 'none'}
            >
              <td class="cc-compare-answer" data-label="Your answer">
                <span class={answerMark(row)}>{row.answer}</span>
              </td>
              <td class="cc-compare-sample" data-label={name}>
                <RowTag row={row} />
                <p class="cc-quote">
                  <SampleCell row={row} />
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.onlyInSample.length > 0 && (
        <div class="cc-compare-extra">
          <h4 class="cc-card-subtitle">Only in {name}</h4>
          <ul>
            {comparison.onlyInSample.map((text, i) => (
              <li key={i} class="cc-quote">
                {text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
