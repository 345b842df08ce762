/**
 * The card for one flagged sentence: its type (with the underline it has on the page), what that
 * type means, how many samples back the sentence, and what each sample said instead.
 *
 * It is a non-modal dialog placed beside the sentence with `position: fixed`, and shown in the
 * top layer through the Popover API where the browser has it, so a chat page's own stacking
 * contexts and `overflow: hidden` boxes cannot cut it off. Its position is written in a layout
 * effect, after measuring, so it never flashes in the wrong place.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { AnalysisReport } from '../../core/types.ts';
import { DiffText } from './DiffText.tsx';
import { sampleLines, type Stance } from './evidence.ts';
import { CloseIcon } from './icons.tsx';
import { placeCard } from './placement.ts';
import { Swatch } from './Swatch.tsx';
import { supportText } from './summarise.ts';
import { TYPE_STYLES } from './type-styles.ts';

export const CARD_ID = 'cc-card';

export interface CardProps {
  report: AnalysisReport;
  flagIndex: number;
  anchorRects: readonly DOMRect[];
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

const STANCE_LABEL: Record<Stance, string> = {
  differs: 'differs',
  silent: 'no mention',
  agrees: 'agrees',
};

/** Shows the element in the top layer when the Popover API is there (not in jsdom). */
function showInTopLayer(el: HTMLElement): void {
  if (typeof el.showPopover === 'function' && !el.matches(':popover-open')) el.showPopover();
}

export function Card(props: CardProps) {
  const { report, flagIndex, anchorRects } = props;
  const ref = useRef<HTMLDivElement>(null);
  const finding = report.sentences[flagIndex];

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
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
    const place = placeCard(anchorRects, { width: size.width, height: size.height }, viewport);
    el.style.left = `${place.left}px`;
    el.style.top = `${place.top}px`;
    el.style.maxHeight = `${place.maxHeight}px`;
    el.dataset.side = place.side;
    el.style.visibility = '';
  }, [flagIndex, anchorRects]);

  if (!finding || !finding.type) return null;
  const type = finding.type;
  const style = TYPE_STYLES[type];
  const lines = sampleLines(finding, report.samples.length);
  return (
    <div
      id={CARD_ID}
      ref={ref}
      class="cc-card"
      data-type={type}
      data-flag={flagIndex}
      role="dialog"
      aria-modal="false"
      aria-labelledby="cc-card-title"
      aria-describedby="cc-card-explanation"
      tabIndex={-1}
      popover="manual"
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
      onKeyDown={props.onKeyDown}
    >
      <header class="cc-card-head">
        <Swatch type={type} />
        <h2 id="cc-card-title" class="cc-card-title">
          {style.label}
        </h2>
        <button
          type="button"
          class="cc-icon-button cc-card-close"
          aria-label="Close"
          title="Close (Esc)"
          onClick={props.onClose}
        >
          <CloseIcon />
        </button>
      </header>
      <p id="cc-card-explanation" class="cc-card-explanation">
        {style.explanation}
      </p>
      <div class="cc-support">
        <span class="cc-dots" aria-hidden="true">
          {lines
            .slice()
            .sort((a, b) => a.sample - b.sample)
            .map((line) => (
              <span key={line.sample} class={`cc-dot cc-dot-${line.stance}`} />
            ))}
        </span>
        <span class="cc-support-text">{supportText(finding, report.samples.length)}</span>
      </div>
      <h3 class="cc-card-subtitle">What the other samples say</h3>
      <ul class="cc-evidence">
        {lines.map((line) => (
          <li
            key={line.sample}
            class={`cc-evidence-item cc-${line.stance}`}
            data-stance={line.stance}
          >
            <div class="cc-evidence-head">
              <span class="cc-sample-tag">Sample {line.sample + 1}</span>
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
    </div>
  );
}
