/**
 * A small sample of a type's underline ("Abc" underlined the way the page highlight is), so the
 * legend and the card teach the page's colours and line styles at once.
 */
import type { InconsistencyType } from '../../core/types.ts';

export function Swatch({ type }: { type: InconsistencyType }) {
  return (
    <span class={`cc-swatch cc-swatch-${type}`} aria-hidden="true">
      Abc
    </span>
  );
}
