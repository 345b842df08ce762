/**
 * Counts per flag type: chips for the bar (only the types that occur; each jumps to its first
 * flag, omissions open the details where they are listed) and a legend for the details (only the
 * types present, with their underline and what they mean).
 */
import type { InconsistencyType } from '../../core/types.ts';
import type { SentenceType } from '../../shared/report-reading.ts';
import { INCONSISTENCY_TYPES } from '../../core/types.ts';
import { TYPE_STYLES } from './type-styles.ts';
import { Swatch } from './Swatch.tsx';

type Counts = Record<InconsistencyType, number>;

export function TypeChips(props: {
  counts: Counts;
  onJump: (type: SentenceType) => void;
  onOmissions: () => void;
}) {
  const { counts } = props;
  const present = INCONSISTENCY_TYPES.filter((t) => counts[t] > 0);
  if (present.length === 0) {
    return <span class="cc-chip cc-chip-none">No sentences flagged</span>;
  }
  return (
    <ul class="cc-chips" aria-label="Flags by type">
      {present.map((type) => {
        const [one, many] = TYPE_STYLES[type].noun;
        const words = `${counts[type]} ${counts[type] === 1 ? one : many}`;
        return (
          <li key={type} data-type={type}>
            <button
              type="button"
              class="cc-chip"
              data-type={type}
              title={type === 'omission' ? 'Show what the answer omits' : `Go to the first ${one}`}
              onClick={() => (type === 'omission' ? props.onOmissions() : props.onJump(type))}
            >
              <Swatch type={type} />
              <span>{words}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function Legend({ counts }: { counts: Counts }) {
  const present = INCONSISTENCY_TYPES.filter((t) => counts[t] > 0);
  if (present.length === 0) return null;
  return (
    <section class="cc-section" aria-labelledby="cc-legend-title">
      <h3 id="cc-legend-title" class="cc-section-title">
        What the marks mean
      </h3>
      <ul class="cc-legend">
        {present.map((type) => (
          <li key={type} class="cc-legend-item" data-type={type}>
            <Swatch type={type} />
            <span class="cc-legend-name">{TYPE_STYLES[type].label}</span>
            <span class="cc-legend-explanation">{TYPE_STYLES[type].explanation}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
