/**
 * The overlay's root component: the summary bar, plus the card when one is open. Holds no run
 * state of its own; `mount.tsx` owns that and re-renders this with each change.
 */
import type { CardTarget, OverlayState } from './state.ts';
import { SummaryBar, type SummaryProps } from './SummaryBar.tsx';
import { Card } from './Card.tsx';
import type { Box } from './placement.ts';
import { shownFlags, type SentenceType } from '../../shared/report-reading.ts';
import { shownSources } from '../../shared/source-reading.ts';

/** The bar's handlers pass straight through; the card's are the overlay's own. */
type BarHandlers = Pick<
  SummaryProps,
  | 'onRerun'
  | 'onOpenSettings'
  | 'onCancel'
  | 'onActivateFlag'
  | 'onJumpToType'
  | 'onStep'
  | 'onFlagKeyDown'
  | 'initiallyExpanded'
>;

export interface OverlayProps extends BarHandlers {
  state: OverlayState;
  card: CardTarget | null;
  /** The open card's shown type, and the answer's column for placing it. */
  cardType: SentenceType | null;
  cardColumn: Box | null;
  onCloseCard: () => void;
  onExpandCard: () => void;
  onCardPointerEnter: () => void;
  onCardPointerLeave: () => void;
  onCardKeyDown: (event: KeyboardEvent) => void;
}

export function Overlay(props: OverlayProps) {
  const { state, card } = props;
  const report = state.phase === 'done' ? state.report : null;
  const flags = state.phase === 'done' ? shownFlags(state.report, state.sensitivity) : [];
  const sources = state.phase === 'done' ? shownSources(state.report, state.sources) : null;
  return (
    <div class="cc-root">
      <SummaryBar
        state={state}
        sources={sources}
        openFlag={card?.mode === 'full' ? card.flagIndex : null}
        onRerun={props.onRerun}
        onOpenSettings={props.onOpenSettings}
        onCancel={props.onCancel}
        onActivateFlag={props.onActivateFlag}
        onJumpToType={props.onJumpToType}
        onStep={props.onStep}
        onFlagKeyDown={props.onFlagKeyDown}
        initiallyExpanded={props.initiallyExpanded ?? false}
      />
      {report && card && props.cardType && (
        <Card
          key={`${card.flagIndex}-${card.mode}`}
          report={report}
          sources={sources}
          flagIndex={card.flagIndex}
          type={props.cardType}
          anchorRects={card.anchorRects}
          column={props.cardColumn}
          mode={card.mode}
          position={flags.findIndex((f) => f.index === card.flagIndex)}
          flagCount={flags.length}
          onStep={props.onStep}
          onExpand={props.onExpandCard}
          onClose={props.onCloseCard}
          onPointerEnter={props.onCardPointerEnter}
          onPointerLeave={props.onCardPointerLeave}
          onKeyDown={props.onCardKeyDown}
        />
      )}
    </div>
  );
}
