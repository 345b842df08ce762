/**
 * The card for one flagged sentence, evidence first: the reader's own sentence with the words the
 * samples do not back marked, what the samples say instead, how many back it, and each sample's
 * wording; its label is read from that same evidence (evidence.ts), so the two cannot disagree.
 * A hover shows it as a one-line preview; a click, Enter or J/K shows it in full, with buttons to
 * step to the previous and next flag.
 *
 * It is a non-modal dialog placed beside the sentence (in the margin when there is room) with
 * `position: fixed`, and shown in the top layer through the Popover API where the browser has
 * it, so a chat page's own stacking contexts and `overflow: hidden` boxes cannot cut it off. Its
 * position is written in a layout effect, after measuring, so it never flashes in the wrong place.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { AnalysisReport } from '../../core/types.ts';
import { type SentenceType } from '../../shared/report-reading.ts';
import { sampleName } from '../../shared/source-reading.ts';
import type { SampleSource } from '../../shared/sources.ts';
import { CloseButton } from './CloseButton.tsx';
import { DiffText } from './DiffText.tsx';
import { readCard, STANCE_LABEL } from './evidence.ts';
import { FlagStepper } from './FlagStepper.tsx';
import { placeCard, type Box, type Placement } from './placement.ts';
import { Swatch } from './Swatch.tsx';
import { supportText } from './summarise.ts';

export const CARD_ID = 'cc-card';

export interface CardProps {
  report: AnalysisReport;
  /** Who said each sample (report-reading's shownSources), or null to say nothing of sources. */
  sources: readonly SampleSource[] | null;
  flagIndex: number;
  /** The flag's shown type (the underline it has on the page). */
  type: SentenceType;
  anchorRects: readonly DOMRect[];
  /** The answer's column, so the card can sit in the margin beside it. */
  column: Box | null;
  mode: 'preview' | 'full';
  /** Position of this flag among the shown flags (0-based) and how many there are. */
  position: number;
  flagCount: number;
  onStep: (direction: 1 | -1) => void;
  onExpand: () => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** Shows the element in the top layer when the Popover API is there (not in jsdom). */
function showInTopLayer(el: HTMLElement): void {
  if (typeof el.showPopover === 'function' && !el.matches(':popover-open')) el.showPopover();
}

export function Card(props: CardProps) {
  const { report, flagIndex, anchorRects, column, mode, type } = props;
  const ref = useRef<HTMLDivElement>(null);
  const lastPlace = useRef<{ flagIndex: number; side: Placement['side'] } | null>(null);
  const finding = report.sentences[flagIndex];

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el?.isConnected) return;
    showInTopLayer(el);
    // Measure at natural height, then place; hidden meanwhile so it never shows misplaced.
    el.style.visibility = 'hidden';
    el.style.maxHeight = 'none';
    el.style.left = '0px';
    el.style.top = '0px';
    const size = el.getBoundingClientRect();
    const viewport = {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: window.innerHeight,
    };
    // The bar's headline row says what the card is part of; the card never covers it.
    const bar = (el.getRootNode() as ParentNode).querySelector('.cc-bar');
    const place = placeCard(
      anchorRects,
      { width: size.width, height: size.height },
      viewport,
      column ?? undefined,
      bar ? [bar.getBoundingClientRect()] : [],
      lastPlace.current?.flagIndex === flagIndex ? lastPlace.current.side : undefined,
    );
    lastPlace.current = { flagIndex, side: place.side };
    el.style.left = `${place.left}px`;
    el.style.top = `${place.top}px`;
    el.style.maxHeight = `${place.maxHeight}px`;
    el.dataset.side = place.side;
    el.style.visibility = '';
  }, [flagIndex, anchorRects, mode, column]);

  if (!finding) return null;
  const reading = readCard(finding, type, report.samples.length);
  // Dates carry commas of their own ("July 15, 1912"): between such items a semicolon.
  const insteadSeparator = reading.instead.some((item) => item.text.includes(',')) ? '; ' : ', ';
  const support = supportText(finding, report.samples.length);
  const dots = (
    <span class="cc-dots" aria-hidden="true">
      {reading.lines
        .slice()
        .sort((a, b) => a.sample - b.sample)
        .map((line) => (
          <span key={line.sample} class={`cc-dot cc-dot-${line.stance}`} />
        ))}
    </span>
  );
  const common = {
    id: CARD_ID,
    ref,
    'data-type': type,
    'data-flag': flagIndex,
    'data-mode': mode,
    'data-label': reading.label,
    tabIndex: -1,
    popover: 'manual' as const,
    onPointerEnter: props.onPointerEnter,
    onPointerLeave: props.onPointerLeave,
    onKeyDown: props.onKeyDown,
  };

  if (mode === 'preview') {
    return (
      <div {...common} class="cc-card cc-card-preview" role="tooltip" onClick={props.onExpand}>
        <div class="cc-card-head">
          <Swatch type={type} />
          <span class="cc-card-title">{reading.label}</span>
          {dots}
        </div>
        <p class="cc-preview-text">
          {support} · <span class="cc-preview-hint">click or Enter for what the samples say</span>
        </p>
      </div>
    );
  }

  return (
    <div
      {...common}
      class="cc-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cc-card-title"
      aria-describedby="cc-card-explanation"
    >
      <header class="cc-card-head">
        <Swatch type={type} />
        <h2 id="cc-card-title" class="cc-card-title">
          {reading.label}
        </h2>
        {props.flagCount > 1 && (
          <FlagStepper
            label="Flags"
            onStep={props.onStep}
            position={{ index: props.position, count: props.flagCount }}
          />
        )}
        <CloseButton class="cc-card-close" label="Close" onClose={props.onClose} />
      </header>
      <blockquote class="cc-own-sentence" aria-label="Your sentence">
        <DiffText parts={reading.sentenceParts} variant="mark" />
      </blockquote>
      {reading.instead.length > 0 && (
        <p class="cc-instead">
          Samples say instead:{' '}
          {reading.instead.slice(0, 4).map((item, i) => (
            <span key={item.text}>
              {i > 0 && insteadSeparator}
              <mark class="cc-diff-mark">{item.text}</mark>
              {item.count > 1 && ` (${item.count})`}
            </span>
          ))}
        </p>
      )}
      <div class="cc-support">
        {dots}
        <span class="cc-support-text">{support}</span>
      </div>
      <ul class="cc-evidence" aria-label="What each sample says">
        {reading.lines.map((line) => (
          <li
            key={line.sample}
            class={`cc-evidence-item cc-${line.stance}`}
            data-stance={line.stance}
          >
            <div class="cc-evidence-head">
              <span class="cc-sample-tag">{sampleName(line.sample, props.sources)}</span>
              <span class={`cc-stance cc-stance-${line.stance}`}>{STANCE_LABEL[line.stance]}</span>
            </div>
            {line.parts.length > 0 ? (
              <p class="cc-quote">
                <DiffText parts={line.parts} variant="mark" />
              </p>
            ) : (
              <p class="cc-quote cc-silent-text">Says nothing about this.</p>
            )}
          </li>
        ))}
      </ul>
      <p id="cc-card-explanation" class="cc-card-explanation">
        {reading.explanation}
      </p>
    </div>
  );
}
