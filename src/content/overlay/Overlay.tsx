/**
 * The overlay's root component: the summary bar, plus the card when one is open. Holds no run
 * state of its own; `mount.tsx` owns that and re-renders this with each change.
 */
import type { OverlayState, CardTarget } from './state.ts';
import { SummaryBar } from './SummaryBar.tsx';
import { Card } from './Card.tsx';

export interface OverlayProps {
  state: OverlayState;
  card: CardTarget | null;
  onRerun: () => void;
  onOpenSettings?: (() => void) | undefined;
  onActivateFlag: (flagIndex: number, button: HTMLButtonElement) => void;
  onFlagKeyDown: (flagIndex: number, event: KeyboardEvent) => void;
  onCloseCard: () => void;
  onCardPointerEnter: () => void;
  onCardPointerLeave: () => void;
  onCardKeyDown: (event: KeyboardEvent) => void;
  initiallyExpanded?: boolean;
}

export function Overlay(props: OverlayProps) {
  const { state, card } = props;
  const report = state.kind === 'done' ? state.report : null;
  return (
    <div class="cc-root">
      <SummaryBar
        state={state}
        openFlag={card?.flagIndex ?? null}
        onRerun={props.onRerun}
        onOpenSettings={props.onOpenSettings}
        onActivateFlag={props.onActivateFlag}
        onFlagKeyDown={props.onFlagKeyDown}
        initiallyExpanded={props.initiallyExpanded ?? false}
      />
      {report && card && (
        <Card
          key={card.flagIndex}
          report={report}
          flagIndex={card.flagIndex}
          anchorRects={card.anchorRects}
          onClose={props.onCloseCard}
          onPointerEnter={props.onCardPointerEnter}
          onPointerLeave={props.onCardPointerLeave}
          onKeyDown={props.onCardKeyDown}
        />
      )}
    </div>
  );
}
