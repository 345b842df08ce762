/**
 * The card's state machine: which flag's card is open, how (a resting pointer's preview, a click,
 * the keyboard), the hover delay and the close grace, where focus returns, and stepping through
 * the flags. It knows the overlay's shadow root (to move focus inside it) but adds no listeners:
 * mount.tsx wires the page's events to the methods here and re-renders on `onChange`.
 */
import { CARD_ID } from './Card.tsx';
import type { CardTarget, OverlayState } from './state.ts';
import { GAP, pointInBoxes, unionBox } from './placement.ts';
import { shownFlags, type Flag, type SentenceType } from '../../shared/report-reading.ts';

/** How long the pointer rests on a highlight before its preview shows: a passing pointer is not a question. */
export const HOVER_DELAY_MS = 400;

/** How long a card stays after the pointer leaves it and its sentence. */
export const CLOSE_GRACE_MS = 350;

/** Scrolls made right after opening are our own or the caller's scroll-to-flag, not the user's. */
const SCROLL_SETTLE_MS = 250;

export type CardVia = 'pointer' | 'click' | 'focus';

export interface OpenCard extends CardTarget {
  via: CardVia;
  /**
   * Opened by stepping to a flag: the page is still scrolling there (smoothly, on pages with
   * `scroll-behavior: smooth`), so the sentence being out of sight does not close the card yet.
   */
  arriving: boolean;
  /** The summary button that opened it from the keyboard; focus returns there. */
  opener: HTMLElement | null;
  openedAt: number;
}

export interface CardControllerOptions {
  /** The overlay's shadow root: the card and the summary's flag buttons live in it. */
  root: ShadowRoot;
  /** Re-render: the open card or its mode changed. */
  onChange: () => void;
  /** Whether the overlay is gone (then nothing renders or focuses). */
  isDisposed: () => boolean;
  locateFlag?: ((flagIndex: number) => Range | null) | undefined;
  onFocusFlag?: ((flagIndex: number) => void) | undefined;
}

function sameRects(a: readonly DOMRect[], b: readonly DOMRect[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (r, i) =>
        r.left === b[i]!.left &&
        r.top === b[i]!.top &&
        r.right === b[i]!.right &&
        r.bottom === b[i]!.bottom,
    )
  );
}

/** Tabbable elements inside a container, in order. */
export function tabbables(container: HTMLElement): HTMLElement[] {
  return [
    ...container.querySelectorAll<HTMLElement>('button:not([disabled]), [href], [tabindex="0"]'),
  ];
}

/**
 * Scrolls the nearest element of a range to the middle of its scroll container: clear of a chat
 * page's composer at the bottom and its header at the top.
 */
function scrollRangeIntoView(range: Range): void {
  const node = range.startContainer;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  el?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

export class CardController {
  state: OverlayState = { phase: 'idle' };
  card: OpenCard | null = null;
  private pointerInCard = false;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private hover: {
    flagIndex: number;
    rects: DOMRect[];
    timer: ReturnType<typeof setTimeout>;
  } | null = null;
  private pendingOpener: HTMLElement | null = null;

  constructor(private readonly options: CardControllerOptions) {}

  private get root(): ShadowRoot {
    return this.options.root;
  }

  shown(): Flag[] {
    return this.state.phase === 'done' ? shownFlags(this.state.report, this.state.sensitivity) : [];
  }

  shownType(flagIndex: number): SentenceType | null {
    return this.shown().find((f) => f.index === flagIndex)?.type ?? null;
  }

  cardElement(): HTMLElement | null {
    return this.root.getElementById(CARD_ID);
  }

  setState(next: OverlayState): void {
    this.state = next;
    // A new report may not have the flag any more.
    if (this.card && (next.phase !== 'done' || !this.shownType(this.card.flagIndex))) {
      this.card = null;
      this.cancelClose();
    }
    this.cancelHover();
    this.options.onChange();
  }

  /** Stops the timers; the overlay is going away. */
  dispose(): void {
    this.cancelClose();
    this.cancelHover();
  }

  private cancelHover(): void {
    if (this.hover) clearTimeout(this.hover.timer);
    this.hover = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.closeCard();
    }, CLOSE_GRACE_MS);
  }

  openCard(flagIndex: number, anchorRects: readonly DOMRect[], via: CardVia = 'pointer'): void {
    if (this.options.isDisposed() || this.state.phase !== 'done') return;
    if (!this.shownType(flagIndex)) return;
    const { card } = this;
    // The card can lie over other flagged sentences; a hover there is the user reading the card.
    if (via === 'pointer' && card && this.pointerInCard) return;
    this.cancelClose();
    if (card && card.flagIndex === flagIndex && sameRects(card.anchorRects, anchorRects)) {
      // The caller re-opens on every hover move; keep the card as it is.
      if (via !== 'pointer' && card.mode === 'preview') {
        this.card = { ...card, via, mode: 'full' };
        this.options.onChange();
      } else if (via === 'focus') card.via = 'focus';
      return;
    }
    if (via === 'pointer') {
      // A full card stays until it is closed; a preview waits for the pointer to rest.
      if (card && card.mode === 'full') return;
      if (this.hover?.flagIndex === flagIndex) {
        this.hover.rects = [...anchorRects];
        return;
      }
      this.cancelHover();
      const pending = {
        flagIndex,
        rects: [...anchorRects],
        timer: setTimeout(() => {
          if (this.hover !== pending) return;
          this.hover = null;
          this.show(flagIndex, pending.rects, 'pointer', null);
        }, HOVER_DELAY_MS),
      };
      this.hover = pending;
      return;
    }
    this.cancelHover();
    const active = this.root.activeElement as HTMLElement | null;
    const opener =
      this.pendingOpener ?? (active?.closest('.cc-flag') as HTMLElement | null) ?? null;
    this.show(flagIndex, anchorRects, opener ? 'focus' : via, opener);
  }

  private show(
    flagIndex: number,
    anchorRects: readonly DOMRect[],
    via: CardVia,
    opener: HTMLElement | null,
    arriving = false,
  ): void {
    if (this.state.phase !== 'done') return;
    this.card = {
      flagIndex,
      anchorRects: [...anchorRects],
      via,
      mode: via === 'pointer' ? 'preview' : 'full',
      arriving,
      opener,
      openedAt: performance.now(),
    };
    this.pointerInCard = false;
    this.options.onChange();
  }

  /** The open preview becomes the full card (a click on it, or Enter). */
  expand(via: CardVia): void {
    if (!this.card) return;
    this.card = { ...this.card, mode: 'full', via };
    this.options.onChange();
  }

  /** Scrolls to a shown flag and opens its full card; focus goes to the card for the keyboard. */
  private goTo(flagIndex: number, focusCard: boolean): void {
    const range = this.options.locateFlag?.(flagIndex) ?? null;
    if (!range) return;
    this.cancelHover();
    scrollRangeIntoView(range);
    const opener = this.card?.opener ?? null;
    this.show(flagIndex, [...range.getClientRects()], 'focus', opener, true);
    if (focusCard) this.cardElement()?.focus({ preventScroll: true });
    this.options.onFocusFlag?.(flagIndex);
  }

  step(direction: 1 | -1): void {
    const list = this.shown();
    if (list.length === 0) return;
    const openIndex = this.card?.flagIndex;
    const at = openIndex === undefined ? -1 : list.findIndex((f) => f.index === openIndex);
    const next =
      at === -1
        ? direction === 1
          ? list[0]!
          : list[list.length - 1]!
        : list[(at + direction + list.length) % list.length]!;
    this.goTo(next.index, true);
  }

  jumpToType(type: SentenceType): void {
    const first = this.shown().find((f) => f.type === type);
    if (first) this.goTo(first.index, true);
  }

  closeCard(restoreFocus = false): void {
    this.cancelClose();
    this.cancelHover();
    if (!this.card) return;
    const { opener } = this.card;
    const focusWasInCard = this.cardElement()?.contains(this.root.activeElement) ?? false;
    this.card = null;
    this.pointerInCard = false;
    this.options.onChange();
    if (opener && (restoreFocus || focusWasInCard)) opener.focus();
  }

  /** A flag chosen in the summary's list: scroll to it and open its card, focus returning there. */
  activateFlag(flagIndex: number, button: HTMLButtonElement): void {
    this.pendingOpener = button;
    try {
      const range = this.options.locateFlag?.(flagIndex) ?? null;
      if (range) {
        scrollRangeIntoView(range);
        this.openCard(flagIndex, [...range.getClientRects()], 'focus');
        if (this.card?.flagIndex === flagIndex) this.card.arriving = true;
      }
      this.options.onFocusFlag?.(flagIndex);
    } finally {
      this.pendingOpener = null;
    }
  }

  flagKeyDown(flagIndex: number, event: KeyboardEvent): void {
    // Tab from the flag whose card is open moves into the card, which sits elsewhere in the DOM.
    if (event.key === 'Tab' && !event.shiftKey && this.card?.flagIndex === flagIndex) {
      const el = this.cardElement();
      if (el) {
        event.preventDefault();
        el.focus();
      }
    }
  }

  cardKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeCard(true);
      return;
    }
    const opener = this.card?.opener;
    if (event.key !== 'Tab' || !opener) return;
    const el = this.cardElement();
    if (!el) return;
    const items = tabbables(el);
    const active = this.root.activeElement;
    if (event.shiftKey && (active === el || active === items[0])) {
      // Back to the flag it came from, as if the card followed it in the tab order.
      event.preventDefault();
      opener.focus();
    } else if (!event.shiftKey && (items.length === 0 || active === items[items.length - 1])) {
      const flagsInOrder = [...this.root.querySelectorAll<HTMLElement>('.cc-flag')];
      const next = flagsInOrder[flagsInOrder.indexOf(opener) + 1];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }

  cardPointerEnter(): void {
    this.pointerInCard = true;
    this.cancelClose();
  }

  cardPointerLeave(): void {
    this.pointerInCard = false;
    if (this.card?.via === 'pointer') this.scheduleClose();
  }

  /** The pointer moved on the page (client coordinates). */
  pointerMoved(x: number, y: number): void {
    // A pointer that moved off the sentence before the hover delay shows nothing.
    if (this.hover && !pointInBoxes(x, y, this.hover.rects, 2)) this.cancelHover();
    const { card } = this;
    if (!card || card.via !== 'pointer' || this.pointerInCard) return;
    // The gap between the sentence and the card counts as inside, so the pointer can cross it.
    if (pointInBoxes(x, y, card.anchorRects, GAP + 2)) this.cancelClose();
    else this.scheduleClose();
  }

  /** A press on the page outside the overlay: closes the card unless it is on its sentence. */
  pressedOutside(x: number, y: number): void {
    if (!this.card || pointInBoxes(x, y, this.card.anchorRects, 0)) return;
    this.closeCard();
  }

  /**
   * Enter while a hover preview shows and nothing on the page takes the key: the full card, with
   * focus in it. Returns whether it took the key.
   */
  enterOnPreview(): boolean {
    if (this.card?.mode !== 'preview') return false;
    this.expand('focus');
    this.cardElement()?.focus({ preventScroll: true });
    return true;
  }

  /** The page scrolled or resized: follow the sentence, or close when it is out of sight. */
  viewportChanged(viewportHeight: number): void {
    const { card } = this;
    if (!card) return;
    const range = this.options.locateFlag?.(card.flagIndex) ?? null;
    if (range) {
      const rects = [...range.getClientRects()];
      const box = unionBox(rects);
      const outOfSight = !box || box.bottom < 0 || box.top > viewportHeight;
      if (card.arriving && !outOfSight) card.arriving = false;
      if (outOfSight && !card.arriving) {
        // The sentence scrolled out of sight (or is gone); a card pinned to the edge would only
        // cover the page.
        this.closeCard();
        return;
      }
      if (!sameRects(rects, card.anchorRects)) {
        this.card = { ...card, anchorRects: rects };
        this.options.onChange();
      }
    } else if (performance.now() - card.openedAt > SCROLL_SETTLE_MS) {
      // Without a way to find the sentence again the card would float away from it.
      this.closeCard();
    }
  }

  /**
   * Focus left an element of the shadow root. Whether the card closes is decided once focus has
   * settled: our own re-render replaces the focused card when stepping to another flag, and focus
   * then moves into the new one.
   */
  focusLeft(from: Node | null, pageFocusIsOnBody: () => boolean): void {
    const { card } = this;
    if (!card) return;
    const el = this.cardElement();
    const fromOurs = !!from && (!from.isConnected || el?.contains(from) || from === card.opener);
    if (!fromOurs) return;
    setTimeout(() => {
      const now = this.card;
      if (!now || this.options.isDisposed()) return;
      const active = this.root.activeElement;
      if (active && (this.cardElement()?.contains(active) || active === now.opener)) return;
      // A click on the card's plain text blurs its button without focusing anything.
      if (!active && this.pointerInCard) return;
      // Focus went back to the page by a press on the sentence itself: the card stays.
      if (now.via === 'click' && !active && pageFocusIsOnBody()) return;
      this.closeCard();
    }, 0);
  }
}
