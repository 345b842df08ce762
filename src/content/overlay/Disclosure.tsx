/**
 * A button that shows and hides a region below it, with `aria-expanded`/`aria-controls` so
 * screen readers announce the state. Used for every collapsible part of the summary.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { Chevron } from './icons.tsx';

interface Props {
  label: ComponentChildren;
  /** Extra text after the label, e.g. a count. */
  detail?: ComponentChildren;
  initiallyOpen?: boolean;
  class?: string;
  children: ComponentChildren;
}

export function Disclosure({
  label,
  detail,
  initiallyOpen = false,
  class: className,
  children,
}: Props) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <section class={`cc-disclosure ${className ?? ''}`}>
      <button
        type="button"
        class="cc-disclosure-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <Chevron open={open} />
        <span class="cc-disclosure-label">{label}</span>
        {detail !== undefined && <span class="cc-disclosure-detail">{detail}</span>}
      </button>
      <div id={id} class="cc-disclosure-body" hidden={!open}>
        {open && children}
      </div>
    </section>
  );
}
