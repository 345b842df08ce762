/**
 * Counts per inconsistency type: compact chips for the bar (only the types that occur) and a
 * legend for the details (every sentence type, with its underline and what it means).
 */
import type { AnalysisReport } from '../../core/types.ts';
import { SENTENCE_TYPES, TYPE_STYLES } from './type-styles.ts';
import { Swatch } from './Swatch.tsx';

export function TypeChips({ counts }: { counts: AnalysisReport['counts'] }) {
  const present = SENTENCE_TYPES.filter((t) => counts[t] > 0);
  if (present.length === 0) {
    return <span class="cc-chip cc-chip-none">No sentences flagged</span>;
  }
  return (
    <ul class="cc-chips" aria-label="Flagged sentences by type">
      {present.map((type) => {
        const [one, many] = TYPE_STYLES[type].noun;
        return (
          <li key={type} class="cc-chip" data-type={type}>
            <Swatch type={type} />
            <span>
              {counts[type]} {counts[type] === 1 ? one : many}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function Legend({ counts }: { counts: AnalysisReport['counts'] }) {
  return (
    <ul class="cc-legend" aria-label="What the underlines mean">
      {SENTENCE_TYPES.map((type) => (
        <li
          key={type}
          class={`cc-legend-item${counts[type] === 0 ? ' cc-legend-zero' : ''}`}
          data-type={type}
        >
          <Swatch type={type} />
          <span class="cc-legend-name">{TYPE_STYLES[type].label}</span>
          <span class="cc-legend-count">{counts[type]}</span>
          <span class="cc-legend-explanation">{TYPE_STYLES[type].explanation}</span>
        </li>
      ))}
    </ul>
  );
}
