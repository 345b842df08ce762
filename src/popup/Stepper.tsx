/** A number with − and + buttons; a typed value is clamped by `clamp` when it is committed. */

export function Stepper(props: {
  id: string;
  value: number;
  min: number;
  max: number;
  /** Names of the group and of its two buttons, for screen readers. */
  groupLabel: string;
  fewerLabel: string;
  moreLabel: string;
  clamp: (typed: string) => number;
  onChange: (value: number) => void;
}) {
  return (
    <div class="stepper" role="group" aria-label={props.groupLabel}>
      <button
        type="button"
        class="button"
        aria-label={props.fewerLabel}
        disabled={props.value <= props.min}
        onClick={() => props.onChange(props.value - 1)}
      >
        −
      </button>
      <input
        id={props.id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(event) => props.onChange(props.clamp(event.currentTarget.value))}
      />
      <button
        type="button"
        class="button"
        aria-label={props.moreLabel}
        disabled={props.value >= props.max}
        onClick={() => props.onChange(props.value + 1)}
      >
        +
      </button>
    </div>
  );
}
