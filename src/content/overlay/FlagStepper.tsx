/**
 * Previous / next flag buttons (the same keys as K / J), with an optional "2 of 7" between them:
 * one control for the bar and the card, so both step the same way and read the same.
 */
import { Chevron } from './icons.tsx';

export function FlagStepper(props: {
  label: string;
  onStep: (delta: 1 | -1) => void;
  /** Shown as "position + 1 of count" between the buttons when given. */
  position?: { index: number; count: number };
}) {
  return (
    <span class="cc-stepper" role="group" aria-label={props.label}>
      <button
        type="button"
        class="cc-icon-button cc-step-prev"
        aria-label="Previous flag"
        title="Previous flag (K)"
        onClick={() => props.onStep(-1)}
      >
        <Chevron open={false} />
      </button>
      {props.position && (
        <span class="cc-step-count">
          {props.position.index + 1} of {props.position.count}
        </span>
      )}
      <button
        type="button"
        class="cc-icon-button cc-step-next"
        aria-label="Next flag"
        title="Next flag (J)"
        onClick={() => props.onStep(1)}
      >
        <Chevron open={false} />
      </button>
    </span>
  );
}
