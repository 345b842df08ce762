/**
 * The flagged sentences as buttons: the keyboard path to the flags. Activating one scrolls the
 * page to the sentence and opens its card; Tab then moves into the card. With many flags the
 * strongest come first, so a long answer's sea of marks starts with what matters most.
 */
import type { AnalysisReport, Sensitivity } from '../../core/types.ts';
import { flags, strongestFirst, supportText } from './summarise.ts';

/** Above this many flags the list is ordered by strength rather than by reading order. */
export const MANY_FLAGS = 8;
import { Swatch } from './Swatch.tsx';
import { TYPE_STYLES } from './type-styles.ts';

interface Props {
  report: AnalysisReport;
  sensitivity?: Sensitivity | undefined;
  /** The flag whose card is open, if any. */
  openFlag: number | null;
  onActivate: (flagIndex: number, button: HTMLButtonElement) => void;
  /** Key presses on a flag button, for moving focus into its open card. */
  onKeyDown: (flagIndex: number, event: KeyboardEvent) => void;
}

export function FlagList({ report, sensitivity, openFlag, onActivate, onKeyDown }: Props) {
  const shown = flags(report, sensitivity);
  if (shown.length === 0) return null;
  const many = shown.length > MANY_FLAGS;
  const list = many ? strongestFirst(shown) : shown;
  return (
    <section class="cc-section" aria-labelledby="cc-flags-title">
      <h3 id="cc-flags-title" class="cc-section-title">
        {many ? 'Flagged sentences, strongest first' : 'Flagged sentences'}
      </h3>
      <ul class="cc-flags">
        {list.map(({ index, finding, type }) => (
          <li key={index}>
            <button
              type="button"
              class="cc-flag"
              data-flag={index}
              data-type={type}
              aria-expanded={openFlag === index}
              aria-controls={openFlag === index ? 'cc-card' : undefined}
              onClick={(e) => onActivate(index, e.currentTarget)}
              onKeyDown={(e) => onKeyDown(index, e)}
            >
              <Swatch type={type} />
              <span class="cc-flag-body">
                <span class="cc-flag-text">{finding.segment.text}</span>
                <span class="cc-flag-meta">
                  {TYPE_STYLES[type].label} · {supportText(finding, report.samples.length)}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
