/**
 * `mountOverlay`: the overlay's imperative API for the content script. Puts a host element right
 * after the answer, gives it a shadow root holding all of the UI and its styles, and returns a
 * handle to set the run state and to open and close the card of a flag.
 *
 * The overlay does not know how sentence ranges are made: the caller passes the rects of the
 * sentence when it opens a card, and may pass `locateFlag` so the overlay can scroll to a flag
 * (the keyboard path from the summary) and keep an open card beside its sentence on scroll.
 *
 * This module is the DOM wiring: the host and its shadow root, rendering, and the page's events
 * (pointer, keys, scroll, focus), all removed with the signal. What they do to the card — a
 * resting pointer's preview after HOVER_DELAY_MS, the full card on a click, Enter or J/K, closing
 * on Escape, on a pointer that leaves both card and sentence, on focus leaving the card and on a
 * press outside it — is the card controller's (card-controller.ts).
 */
import { render } from 'preact';
import { Overlay } from './Overlay.tsx';
import type { OverlayState } from './state.ts';
import type { Box } from './placement.ts';
import { overlayCss } from './styles.ts';
import { CardController } from './card-controller.ts';

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

  const cards = new CardController({
    root,
    onChange: () => update(),
    isDisposed: () => signal.aborted,
    locateFlag: options.locateFlag,
    onFocusFlag: options.onFocusFlag,
  });

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
    const { card, state } = cards;
    render(
      <Overlay
        state={state}
        card={card}
        onRerun={options.onRerun}
        onOpenSettings={options.onOpenSettings}
        onCancel={options.onCancel}
        onActivateFlag={(index, button) => cards.activateFlag(index, button)}
        onJumpToType={(type) => cards.jumpToType(type)}
        onStep={(direction) => cards.step(direction)}
        onFlagKeyDown={(index, event) => cards.flagKeyDown(index, event)}
        onCloseCard={() => cards.closeCard(true)}
        onExpandCard={() => cards.expand('click')}
        cardType={card ? cards.shownType(card.flagIndex) : null}
        cardColumn={card ? boxOf(options.answerElement) : null}
        onCardPointerEnter={() => cards.cardPointerEnter()}
        onCardPointerLeave={() => cards.cardPointerLeave()}
        onCardKeyDown={(event) => cards.cardKeyDown(event)}
        initiallyExpanded={options.initiallyExpanded ?? false}
      />,
      container,
    );
  }

  // Document listeners, all removed with the signal.
  doc.addEventListener('pointermove', (e) => cards.pointerMoved(e.clientX, e.clientY), {
    signal,
    passive: true,
  });
  doc.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.composedPath().includes(host)) cards.pressedOutside(e.clientX, e.clientY);
    },
    { signal, capture: true, passive: true },
  );
  doc.addEventListener(
    'keydown',
    (e) => {
      // Escape on the page (the card was opened by hovering, focus is elsewhere).
      if (e.key === 'Escape' && cards.card) cards.closeCard();
      // Enter while a hover preview shows, and nothing on the page would take the key: the full card.
      if (e.key === 'Enter' && cards.card?.mode === 'preview' && !e.defaultPrevented) {
        const target = e.composedPath()[0] ?? e.target;
        const free =
          target === doc.body || target === doc.documentElement || target === cards.cardElement();
        if (free && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          cards.enterOnPreview();
          return;
        }
      }
      // J/K step through the flags, unless the reader is typing or it is a shortcut.
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const key = e.key.toLowerCase();
      if ((key !== 'j' && key !== 'k') || isTyping(e.composedPath()[0] ?? e.target)) return;
      if (cards.shown().length === 0) return;
      e.preventDefault();
      cards.step(key === 'j' ? 1 : -1);
    },
    { signal },
  );
  const onViewportChange = (e: Event): void => {
    if (e.target instanceof Node && (e.target === host || host.contains(e.target))) return;
    cards.viewportChanged(win.innerHeight);
  };
  win.addEventListener('scroll', onViewportChange, { signal, capture: true, passive: true });
  win.addEventListener('resize', onViewportChange, { signal, passive: true });
  root.addEventListener(
    'focusout',
    (e) => cards.focusLeft(e.target as Node | null, () => doc.activeElement === doc.body),
    { signal },
  );

  signal.addEventListener(
    'abort',
    () => {
      cards.dispose();
      render(null, container);
      host.remove();
    },
    { once: true },
  );

  if (signal.aborted) host.remove();
  else update();

  return {
    host,
    setState: (next) => cards.setState(next),
    openCard: (flagIndex, anchorRects, opts = {}) =>
      cards.openCard(flagIndex, anchorRects, opts.via ?? 'pointer'),
    closeCard: () => cards.closeCard(),
    step: (direction) => cards.step(direction),
    get openFlag() {
      return cards.card?.flagIndex ?? null;
    },
  };
}
