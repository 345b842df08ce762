/**
 * A small sample of a type's mark: a short stretch of its underline, drawn the way the page
 * highlight is (colour and line style), with no letters that could be read as text.
 */
import type { InconsistencyType } from '../../core/types.ts';

export function Swatch({ type }: { type: InconsistencyType }) {
  // Non-breaking spaces carry the underline (text-decoration draws wavy lines; borders cannot).
  return (
    <span class={`cc-swatch cc-swatch-${type}`} aria-hidden="true">
      {'\u00a0\u00a0\u00a0\u00a0\u00a0'}
    </span>
  );
}
