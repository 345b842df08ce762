/**
 * Decides when the latest answer on a chat page has finished streaming, from several signals
 * under a time limit: the site's own flag (Claude's `data-is-streaming="false"`, Gemini's
 * `aria-busy="false"`), the stop button gone, the action bar shown, and the answer's text
 * unchanged for a while. A site flag, when the site has one, decides alone; otherwise the action
 * bar with no stop button, or else stable text with no stop button.
 *
 * Work per DOM mutation batch is one timer reset: the page streams tokens many times a second and
 * this runs inside it, so evaluation is debounced (with a maximum wait, so a stream that never
 * pauses is still looked at) and reads only the latest answer.
 */
import { domText } from './dom-text.ts';
import type { DoneSignals, SiteAdapter, TurnElement } from './sites/types.ts';

export type DoneReason = 'site-flag' | 'action-bar' | 'stable-text' | 'timeout';

export interface AnswerDone {
  answer: TurnElement;
  reason: DoneReason;
  signals: DoneSignals;
  /** True when the answer was already complete when watching started (page load, navigation). */
  initial: boolean;
}

export interface WatchOptions {
  signal: AbortSignal;
  /** How long the text must stay unchanged to count as done without a stronger signal (ms). */
  stableMs?: number;
  /** Give up waiting for one answer after this long and report it with reason "timeout" (ms). */
  timeoutMs?: number;
  /** Quiet time after a mutation batch before the signals are read (ms). */
  debounceMs?: number;
  /**
   * Longest a read may be put off by mutations that never pause (a token stream, a ticking
   * "thinking for 12s" counter), so the time limit and the signals are still checked (ms).
   */
  maxWaitMs?: number;
  root?: Document;
  /** Called on each look at a new answer that is still streaming (not one there at the start). */
  onStreaming?: () => void;
}

/**
 * Attributes whose change can flip one of the adapter's done signals: its streaming flag (and the
 * attributes its carrier selector tests), those its stop-button and action-bar selectors test,
 * and `class`. Read from the adapter's spec, so a new site's signals are watched with no change
 * here.
 */
export function watchedAttributes(adapter: SiteAdapter): string[] {
  const { spec } = adapter;
  const names = new Set<string>(['class']);
  const selectors: string[] = [
    ...(spec.selectors.stopButton?.css ?? []),
    ...(spec.selectors.actionBar?.css ?? []),
  ];
  if (spec.streamingFlag) {
    names.add(spec.streamingFlag.attribute);
    selectors.push(spec.streamingFlag.closest);
  }
  for (const css of selectors) for (const m of css.matchAll(/\[\s*([\w:-]+)/g)) names.add(m[1]!);
  return [...names].sort();
}

/** The verdict for one answer at one moment, from its signals and how long its text is stable. */
export function judgeDone(
  signals: DoneSignals,
  stableFor: number,
  stableMs: number,
): DoneReason | null {
  if (signals.stopButtonGone === false) return null;
  if (signals.siteFlag !== null) return signals.siteFlag ? 'site-flag' : null;
  if (signals.actionBarShown === true) return 'action-bar';
  return stableFor >= stableMs ? 'stable-text' : null;
}

/**
 * Calls `onDone` each time an answer finishes (once per answer text), until the signal aborts.
 * An answer already complete at start is reported with `initial: true`.
 */
export function watchAnswers(
  adapter: SiteAdapter,
  onDone: (done: AnswerDone) => void,
  options: WatchOptions,
): void {
  const { signal } = options;
  const doc = options.root ?? document;
  const stableMs = options.stableMs ?? 3000;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const debounceMs = options.debounceMs ?? 150;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  if (signal.aborted) return;

  let reportedKey = '';
  let watched: { element: Element; text: string; since: number; firstSeen: number } | null = null;
  /** What the latest answer looked like at the first look, to tell "was already there" apart. */
  let initialKey: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingSince = 0;

  const evaluate = (): void => {
    timer = undefined;
    if (signal.aborted) return;
    const answer = adapter.latestAnswer(doc);
    if (!answer) {
      initialKey ??= '';
      return;
    }
    const text = domText(answer.body, { skip: adapter.skip }).text;
    const now = performance.now();
    if (!watched || watched.element !== answer.element || watched.text !== text) {
      const sameElement = watched?.element === answer.element;
      watched = {
        element: answer.element,
        text,
        since: now,
        firstSeen: sameElement ? watched!.firstSeen : now,
      };
    }
    // The answer's position among answers plus its text: a re-render of a reported answer (new
    // element, same text) is not reported twice, the same text in a new answer is.
    const key = `${adapter.answerElements(doc).length}\u0000${text}`;
    initialKey ??= key;
    if (key === reportedKey || text.length === 0) return;
    const signals = adapter.doneSignals(answer);
    const initial = key === initialKey;
    let reason = judgeDone(signals, now - watched.since, stableMs);
    if (!reason && now - watched.firstSeen >= timeoutMs) reason = 'timeout';
    if (reason) {
      reportedKey = key;
      onDone({ answer, reason, signals, initial });
      return;
    }
    if (!initial) options.onStreaming?.();
    // Not done: look again when the text may have become stable even if nothing mutates.
    schedule(Math.max(debounceMs, stableMs - (now - watched.since)));
  };

  const schedule = (delay: number): void => {
    const now = performance.now();
    if (timer !== undefined) {
      // Debounce, but let a read that has waited long enough happen.
      if (now - pendingSince >= maxWaitMs) return;
      clearTimeout(timer);
    } else {
      pendingSince = now;
    }
    timer = setTimeout(evaluate, delay);
  };

  const observer = new MutationObserver(() => schedule(debounceMs));
  observer.observe(doc.body ?? doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: watchedAttributes(adapter),
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
  evaluate();
}
