/**
 * Counts per flag type: chips for the bar (only the types that occur; each jumps to its first
 * flag, omissions open the details where they are listed) and a legend for the details (only the
 * types present, with their underline and what they mean).
 */
import type { InconsistencyType } from '../../core/types.ts';
import type { Majority, SentenceType } from '../../shared/report-reading.ts';
import { INCONSISTENCY_TYPES } from '../../core/types.ts';
import { TYPE_STYLES } from './type-styles.ts';
import { Swatch } from './Swatch.tsx';

type Counts = Record<InconsistencyType, number>;

export function TypeChips(props: {
  counts: Counts;
  /** Where the answer stands among the samples; null when there was nothing to compare. */
  majority: Majority | null;
  onJump: (type: SentenceType) => void;
  onOmissions: () => void;
}) {
  const { counts } = props;
  const present = INCONSISTENCY_TYPES.filter((t) => counts[t] > 0);
  if (present.length === 0) return <NothingFlagged majority={props.majority} />;
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

/**
 * No sentence flagged reads as good news only when most samples agree with the answer. When they
 * do not, the answer as a whole is in doubt though no one sentence stands out (samples that name
 * another person in a sentence of their own, say): a neutral chip that sends the reader to them.
 */
function NothingFlagged({ majority }: { majority: Majority | null }) {
  if (majority === null || majority === 'with') {
    return <span class="cc-chip cc-chip-none">No sentences flagged</span>;
  }
  return (
    <span
      class="cc-chip cc-chip-none"
      data-doubt=""
      title="The samples differ from the answer as a whole: compare them before you rely on it"
    >
      No single sentence flagged
    </span>
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
