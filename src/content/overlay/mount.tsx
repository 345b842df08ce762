/**
 * `mountOverlay`: the overlay's imperative API for the content script. Puts a host element right
 * after the answer, gives it a shadow root holding all of the UI and its styles, and returns a
 * handle to set the run state and to open and close the card of a flag.
 *
 * The overlay does not know how sentence ranges are made: the caller passes the rects of the
 * sentence when it opens a card, and may pass `locateFlag` so the overlay can scroll to a flag
 * (the keyboard path from the summary) and keep an open card beside its sentence on scroll.
 *
 * A resting pointer shows a one-line preview after HOVER_DELAY_MS (a passing pointer shows
 * nothing); a click, Enter on a flag, or J/K (next/previous flag, anywhere on the page outside a
 * text field) shows the full card. Closing rules live here, because they need the document:
 * Escape, a pointer that leaves both a preview and its sentence for longer than a grace delay,
 * focus leaving the card, and a press outside it.
 */
import { render } from 'preact';
import { Overlay } from './Overlay.tsx';
import { CARD_ID } from './Card.tsx';
import type { CardTarget, OverlayState } from './state.ts';
import { GAP, pointInBoxes, unionBox, type Box } from './placement.ts';
import { shownFlags, type Flag, type SentenceType } from '../../shared/report-reading.ts';
import { overlayCss } from './styles.ts';

export interface MountOptions {
  /** The page element holding the answer; the overlay goes right after it. */
  answerElement: Element;
  /** Aborting it removes the overlay and every listener it added. */
  signal: AbortSignal;
  /** Re-run (or first run) of the check for this answer. */
  onRerun: () => void;
  /** Shows a settings button when given (the primary action when an error needs settings). */
  onOpenSettings?: () => void;
  /** Shows a Cancel button while a run is under way when given. */
  onCancel?: () => void;
  /**
   * Called when a flag is chosen from the summary's list (keyboard path), after the overlay has
   * scrolled to it and opened its card when `locateFlag` is given. Without `locateFlag` the
   * caller scrolls and calls `openCard` itself.
   */
  onFocusFlag?: (flagIndex: number) => void;
  /** The page range of a flag (an index into `report.sentences`), or null when it is gone. */
  locateFlag?: (flagIndex: number) => Range | null;
  /** `closed` in the extension; tests use `open` to look inside. */
  shadowMode?: ShadowRootMode;
  /** Show the summary's details from the start instead of only the bar. */
  initiallyExpanded?: boolean;
}

export interface OpenCardOptions {
  /**
   * `pointer` (default): the pointer rests on a highlight, so a preview shows after the hover
   * delay and closes when the pointer leaves the sentence and the card. `click`: the full card,
   * until Escape or a press elsewhere. `focus`: the full card opened from the keyboard; stays
   * until Escape, blur or a press elsewhere.
   */
  via?: 'pointer' | 'click' | 'focus';
}

export interface OverlayHandle {
  /** The element placed after the answer (for hit-testing: events inside it are ours). */
  readonly host: HTMLElement;
  setState(state: OverlayState): void;
  /** Opens the card of a flagged sentence beside its rects; ignored for unknown or unflagged ones. */
  openCard(flagIndex: number, anchorRects: readonly DOMRect[], options?: OpenCardOptions): void;
  closeCard(): void;
  /** Scrolls to the next (1) or previous (-1) shown flag after the open one, and opens its card. */
  step(direction: 1 | -1): void;
  /** The flag whose card is open, or null. */
  readonly openFlag: number | null;
}

/** How long the pointer rests on a highlight before its preview shows: a passing pointer is not a question. */
export const HOVER_DELAY_MS = 400;

/** How long a card stays after the pointer leaves it and its sentence. */
export const CLOSE_GRACE_MS = 350;

/** Scrolls made right after opening are our own or the caller's scroll-to-flag, not the user's. */
const SCROLL_SETTLE_MS = 250;

interface OpenCard extends CardTarget {
  via: 'pointer' | 'click' | 'focus';
  /**
   * Opened by stepping to a flag: the page is still scrolling there (smoothly, on pages with
   * `scroll-behavior: smooth`), so the sentence being out of sight does not close the card yet.
   */
  arriving: boolean;
  /** The summary button that opened it from the keyboard; focus returns there. */
  opener: HTMLElement | null;
  openedAt: number;
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
function tabbables(container: HTMLElement): HTMLElement[] {
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

/** Keys typed into the page's own fields are the page's. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(
    'input, textarea, select, [contenteditable=""], [contenteditable="true"]',
  );
}

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

export function mountOverlay(options: MountOptions): OverlayHandle {
  const { signal } = options;
  const doc = options.answerElement.ownerDocument;
  const win = doc.defaultView ?? window;

  const host = doc.createElement('crosscheck-overlay');
  host.setAttribute('data-crosscheck-overlay', '');
  // Inline, so page rules such as `* { margin: 0 }` cannot reach the host; `all: initial` also
  // stops the page's inherited font and colour from flowing into the shadow tree.
  host.style.cssText = 'all: initial; display: block; margin: 12px 0;';
  const root = host.attachShadow({ mode: options.shadowMode ?? 'closed' });
  // A <style> element rather than adoptedStyleSheets: constructed sheets fail in Firefox
  // content scripts (Xray wrappers, Mozilla bug 1770592).
  const style = doc.createElement('style');
  style.textContent = overlayCss();
  const container = doc.createElement('div');
  root.append(style, container);
  options.answerElement.after(host);

  let state: OverlayState = { phase: 'idle' };
  let card: OpenCard | null = null;
  let pointerInCard = false;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let hover: { flagIndex: number; rects: DOMRect[]; timer: ReturnType<typeof setTimeout> } | null =
    null;
  let pendingOpener: HTMLElement | null = null;

  const shown = (): Flag[] =>
    state.phase === 'done' ? shownFlags(state.report, state.sensitivity) : [];
  const shownType = (flagIndex: number): SentenceType | null =>
    shown().find((f) => f.index === flagIndex)?.type ?? null;

  function cancelHover(): void {
    if (hover) clearTimeout(hover.timer);
    hover = null;
  }

  const cardElement = (): HTMLElement | null => root.getElementById(CARD_ID);

  function cancelClose(): void {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  function scheduleClose(): void {
    if (closeTimer !== undefined) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      closeCard();
    }, CLOSE_GRACE_MS);
  }

  let rendering = false;
  let renderAgain = false;

  function update(): void {
    if (signal.aborted) return;
    // A render can move focus, whose handlers may ask for another render: run it after this one.
    if (rendering) {
      renderAgain = true;
      return;
    }
    rendering = true;
    try {
      do {
        renderAgain = false;
        renderNow();
      } while (renderAgain && !signal.aborted);
    } finally {
      rendering = false;
    }
  }

  function renderNow(): void {
    render(
      <Overlay
        state={state}
        card={card}
        onRerun={options.onRerun}
        onOpenSettings={options.onOpenSettings}
        onCancel={options.onCancel}
        onActivateFlag={activateFlag}
        onJumpToType={jumpToType}
        onStep={step}
        onFlagKeyDown={flagKeyDown}
        onCloseCard={() => closeCard(true)}
        onExpandCard={() => {
          if (card) {
            card = { ...card, mode: 'full', via: 'click' };
            update();
          }
        }}
        cardType={card ? shownType(card.flagIndex) : null}
        cardColumn={card ? boxOf(options.answerElement) : null}
        onCardPointerEnter={() => {
          pointerInCard = true;
          cancelClose();
        }}
        onCardPointerLeave={() => {
          pointerInCard = false;
          if (card?.via === 'pointer') scheduleClose();
        }}
        onCardKeyDown={cardKeyDown}
        initiallyExpanded={options.initiallyExpanded ?? false}
      />,
      container,
    );
  }

  function openCard(
    flagIndex: number,
    anchorRects: readonly DOMRect[],
    opts: OpenCardOptions = {},
  ): void {
    if (signal.aborted || state.phase !== 'done') return;
    if (!shownType(flagIndex)) return;
    const via = opts.via ?? 'pointer';
    // The card can lie over other flagged sentences; a hover there is the user reading the card.
    if (via === 'pointer' && card && pointerInCard) return;
    cancelClose();
    if (card && card.flagIndex === flagIndex && sameRects(card.anchorRects, anchorRects)) {
      // The caller re-opens on every hover move; keep the card as it is.
      if (via !== 'pointer' && card.mode === 'preview') {
        card = { ...card, via, mode: 'full' };
        update();
      } else if (via === 'focus') card.via = 'focus';
      return;
    }
    if (via === 'pointer') {
      // A full card stays until it is closed; a preview waits for the pointer to rest.
      if (card && card.mode === 'full') return;
      if (hover?.flagIndex === flagIndex) {
        hover.rects = [...anchorRects];
        return;
      }
      cancelHover();
      const pending = {
        flagIndex,
        rects: [...anchorRects],
        timer: setTimeout(() => {
          if (hover !== pending) return;
          hover = null;
          show(flagIndex, pending.rects, 'pointer', null);
        }, HOVER_DELAY_MS),
      };
      hover = pending;
      return;
    }
    cancelHover();
    const active = root.activeElement as HTMLElement | null;
    const opener = pendingOpener ?? (active?.closest('.cc-flag') as HTMLElement | null) ?? null;
    show(flagIndex, anchorRects, opener ? 'focus' : via, opener);
  }

  function show(
    flagIndex: number,
    anchorRects: readonly DOMRect[],
    via: OpenCard['via'],
    opener: HTMLElement | null,
    arriving = false,
  ): void {
    if (state.phase !== 'done') return;
    card = {
      flagIndex,
      anchorRects: [...anchorRects],
      via,
      mode: via === 'pointer' ? 'preview' : 'full',
      arriving,
      opener,
      openedAt: performance.now(),
    };
    pointerInCard = false;
    update();
  }

  /** Scrolls to a shown flag and opens its full card; focus goes to the card for the keyboard. */
  function goTo(flagIndex: number, focusCard: boolean): void {
    const range = options.locateFlag?.(flagIndex) ?? null;
    if (!range) return;
    cancelHover();
    scrollRangeIntoView(range);
    const opener = card?.opener ?? null;
    show(flagIndex, [...range.getClientRects()], 'focus', opener, true);
    if (focusCard) cardElement()?.focus({ preventScroll: true });
    options.onFocusFlag?.(flagIndex);
  }

  function step(direction: 1 | -1): void {
    const list = shown();
    if (list.length === 0) return;
    const at = card ? list.findIndex((f) => f.index === card!.flagIndex) : -1;
    const next =
      at === -1
        ? direction === 1
          ? list[0]!
          : list[list.length - 1]!
        : list[(at + direction + list.length) % list.length]!;
    goTo(next.index, true);
  }

  function jumpToType(type: SentenceType): void {
    const first = shown().find((f) => f.type === type);
    if (first) goTo(first.index, true);
  }

  function closeCard(restoreFocus = false): void {
    cancelClose();
    cancelHover();
    if (!card) return;
    const { opener } = card;
    const focusWasInCard = cardElement()?.contains(root.activeElement) ?? false;
    card = null;
    pointerInCard = false;
    update();
    if (opener && (restoreFocus || focusWasInCard)) opener.focus();
  }

  function activateFlag(flagIndex: number, button: HTMLButtonElement): void {
    pendingOpener = button;
    try {
      const range = options.locateFlag?.(flagIndex) ?? null;
      if (range) {
        scrollRangeIntoView(range);
        openCard(flagIndex, [...range.getClientRects()], { via: 'focus' });
        if (card?.flagIndex === flagIndex) card.arriving = true;
      }
      options.onFocusFlag?.(flagIndex);
    } finally {
      pendingOpener = null;
    }
  }

  function flagKeyDown(flagIndex: number, event: KeyboardEvent): void {
    // Tab from the flag whose card is open moves into the card, which sits elsewhere in the DOM.
    if (event.key === 'Tab' && !event.shiftKey && card?.flagIndex === flagIndex) {
      const el = cardElement();
      if (el) {
        event.preventDefault();
        el.focus();
      }
    }
  }

  function cardKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeCard(true);
      return;
    }
    if (event.key !== 'Tab' || !card?.opener) return;
    const el = cardElement();
    if (!el) return;
    const items = tabbables(el);
    const active = root.activeElement;
    if (event.shiftKey && (active === el || active === items[0])) {
      // Back to the flag it came from, as if the card followed it in the tab order.
      event.preventDefault();
      card.opener?.focus();
    } else if (!event.shiftKey && (items.length === 0 || active === items[items.length - 1])) {
      const flagsInOrder = [...root.querySelectorAll<HTMLElement>('.cc-flag')];
      const next = flagsInOrder[flagsInOrder.indexOf(card.opener) + 1];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }

  // Document listeners, all removed with the signal.
  const listen = { signal, passive: true } as const;
  doc.addEventListener(
    'pointermove',
    (e) => {
      // A pointer that moved off the sentence before the hover delay shows nothing.
      if (hover && !pointInBoxes(e.clientX, e.clientY, hover.rects, 2)) cancelHover();
      if (!card || card.via !== 'pointer' || pointerInCard) return;
      // The gap between the sentence and the card counts as inside, so the pointer can cross it.
      if (pointInBoxes(e.clientX, e.clientY, card.anchorRects, GAP + 2)) cancelClose();
      else scheduleClose();
    },
    listen,
  );
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (!card || e.composedPath().includes(host)) return;
      if (pointInBoxes(e.clientX, e.clientY, card.anchorRects, 0)) return;
      closeCard();
    },
    { signal, capture: true, passive: true },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      // Escape on the page (the card was opened by hovering, focus is elsewhere).
      if (e.key === 'Escape' && card) closeCard();
      // Enter while a hover preview shows, and nothing on the page would take the key: the full card.
      if (e.key === 'Enter' && card?.mode === 'preview' && !e.defaultPrevented) {
        const target = e.composedPath()[0] ?? e.target;
        const free =
          target === doc.body || target === doc.documentElement || target === cardElement();
        if (free && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          card = { ...card, mode: 'full', via: 'focus' };
          update();
          cardElement()?.focus({ preventScroll: true });
          return;
        }
      }
      // J/K step through the flags, unless the reader is typing or it is a shortcut.
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const key = e.key.toLowerCase();
      if ((key !== 'j' && key !== 'k') || isTyping(e.composedPath()[0] ?? e.target)) return;
      if (shown().length === 0) return;
      e.preventDefault();
      step(key === 'j' ? 1 : -1);
    },
    { signal },
  );
  const onViewportChange = (e: Event): void => {
    if (!card) return;
    if (e.target instanceof Node && (e.target === host || host.contains(e.target))) return;
    const range = options.locateFlag?.(card.flagIndex) ?? null;
    if (range) {
      const rects = [...range.getClientRects()];
      const box = unionBox(rects);
      const outOfSight = !box || box.bottom < 0 || box.top > win.innerHeight;
      if (card.arriving && !outOfSight) card.arriving = false;
      if (outOfSight && !card.arriving) {
        // The sentence scrolled out of sight (or is gone); a card pinned to the edge would only
        // cover the page.
        closeCard();
        return;
      }
      if (!sameRects(rects, card.anchorRects)) {
        card = { ...card, anchorRects: rects };
        update();
      }
    } else if (performance.now() - card.openedAt > SCROLL_SETTLE_MS) {
      // Without a way to find the sentence again the card would float away from it.
      closeCard();
    }
  };
  win.addEventListener('scroll', onViewportChange, { signal, capture: true, passive: true });
  win.addEventListener('resize', onViewportChange, listen);
  root.addEventListener(
    'focusout',
    (e) => {
      if (!card) return;
      const from = e.target as Node | null;
      const el = cardElement();
      const fromOurs = !!from && (!from.isConnected || el?.contains(from) || from === card.opener);
      if (!fromOurs) return;
      // Decided once focus has settled: our own re-render replaces the focused card when
      // stepping to another flag, and focus then moves into the new one.
      setTimeout(() => {
        if (!card || signal.aborted) return;
        const active = root.activeElement;
        const now = cardElement();
        if (active && (now?.contains(active) || active === card.opener)) return;
        // A click on the card's plain text blurs its button without focusing anything.
        if (!active && pointerInCard) return;
        // Focus went back to the page by a press on the sentence itself: the card stays.
        if (card.via === 'click' && !active && doc.activeElement === doc.body) return;
        closeCard();
      }, 0);
    },
    { signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      cancelClose();
      cancelHover();
      render(null, container);
      host.remove();
    },
    { once: true },
  );

  if (signal.aborted) host.remove();
  else update();

  return {
    host,
    setState(next: OverlayState): void {
      state = next;
      // A new report may not have the flag any more.
      if (card && (state.phase !== 'done' || !shownType(card.flagIndex))) {
        card = null;
        cancelClose();
      }
      cancelHover();
      update();
    },
    openCard,
    closeCard: () => closeCard(),
    step,
    get openFlag() {
      return card?.flagIndex ?? null;
    },
  };
}
