/**
 * One option of a radio group drawn as a card: the whole card is the label, so a click anywhere
 * on it chooses. Used for the embedding model and for when to ask the other voices.
 */
import type { ComponentChildren } from 'preact';

export function ChoiceCard(props: {
  name: string;
  value: string;
  checked: boolean;
  onChoose: () => void;
  children: ComponentChildren;
}) {
  return (
    <label class="choice-card">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={props.onChoose}
      />
      <span>{props.children}</span>
    </label>
  );
}
