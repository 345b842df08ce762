/** The × that closes the card or the compare view; Escape does the same, as its title says. */
import { CloseIcon } from './icons.tsx';

export function CloseButton(props: { class: string; label: string; onClose: () => void }) {
  return (
    <button
      type="button"
      class={`cc-icon-button ${props.class}`}
      aria-label={props.label}
      title="Close (Esc)"
      onClick={props.onClose}
    >
      <CloseIcon />
    </button>
  );
}
