/**
 * Everything drawn for one captured answer: the overlay (summary and cards) after it and the
 * highlights over its flagged sentences, kept in step with the background's run status. Aborting
 * the signal removes all of it.
 */
import type { AnalysisReport, Sensitivity } from '../core/types.ts';
import { DEFAULT_SENSITIVITY } from '../core/severity.ts';
import { shownFlags } from '../shared/report-reading.ts';
import type { RunStatus } from '../shared/run-status.ts';
import { createHighlighter, type FlagInput, type Highlighter } from './highlighter.ts';
import { mountOverlay, type OverlayHandle } from './overlay/index.ts';
import type { SiteAdapter, TurnElement } from './sites/types.ts';

export interface AnswerSessionOptions {
  adapter: SiteAdapter;
  answer: TurnElement;
  /** The text the report's offsets refer to (the captured answer). */
  answerText: string;
  signal: AbortSignal;
  onRerun: () => void;
  /** How many sentences get an underline (from the settings); changeable with setSensitivity. */
  sensitivity?: Sensitivity;
  onOpenSettings?: () => void;
  onCancel?: () => void;
}

/**
 * The shown flags (the same the summary and cards show, disclaimers left out) as spans of the
 * text, drawn with their shown type: the clear underline when likely wrong at the reader's
 * sensitivity, the faint one when uncertain.
 */
export function inlineFlags(
  report: AnalysisReport,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): FlagInput[] {
  return shownFlags(report, sensitivity).map(({ index, type, level, finding }) => ({
    id: String(index),
    type,
    level,
    start: finding.segment.start,
    end: finding.segment.end,
  }));
}

export class AnswerSession {
  readonly element: Element;
  private readonly overlay: OverlayHandle;
  private readonly highlighter: Highlighter;
  private lastRun: RunStatus | null = null;
  private sensitivity: Sensitivity;

  constructor(private readonly options: AnswerSessionOptions) {
    const { adapter, answer, signal } = options;
    this.sensitivity = options.sensitivity ?? DEFAULT_SENSITIVITY;
    this.element = answer.element;
    this.highlighter = createHighlighter({
      // The page may replace the answer's element when it re-renders: find the latest again.
      locate: () =>
        answer.body.isConnected ? answer.body : (adapter.latestAnswer(document)?.body ?? null),
      skip: adapter.skip,
      signal,
    });
    this.overlay = mountOverlay({
      answerElement: answer.element,
      signal,
      onRerun: options.onRerun,
      ...(options.onOpenSettings ? { onOpenSettings: options.onOpenSettings } : {}),
      ...(options.onCancel ? { onCancel: options.onCancel } : {}),
      // Closed in production so the page cannot reach into it; open in test builds to inspect.
      shadowMode: __TEST_HOOKS__ ? 'open' : 'closed',
      locateFlag: (index) =>
        this.highlighter.anchored().find((f) => f.id === String(index))?.range ?? null,
    });
    this.followPointer(signal);
  }

  get overlayHost(): HTMLElement {
    return this.overlay.host;
  }

  update(run: RunStatus): void {
    this.lastRun = run;
    this.overlay.setState({ ...run, sensitivity: this.sensitivity });
    if (run.phase === 'done')
      this.highlighter.show(inlineFlags(run.report, this.sensitivity), this.options.answerText);
    else if (run.phase !== 'error') this.highlighter.clear();
  }

  /** Redraws the underlines for another sensitivity (the popup's control). */
  setSensitivity(sensitivity: Sensitivity): void {
    if (sensitivity === this.sensitivity) return;
    this.sensitivity = sensitivity;
    if (this.lastRun?.phase === 'done') this.update(this.lastRun);
  }

  status(): RunStatus | null {
    return this.lastRun;
  }

  highlightCount(): number {
    return this.highlighter.anchored().length;
  }

  /**
   * A pointer resting on a highlight previews its card (the overlay waits for the hover delay);
   * a click or tap on one opens it in full; the cursor says a highlight can be clicked. One
   * passive listener, throttled to a frame, and idle unless there are highlights: it runs inside
   * someone else's page.
   */
  private followPointer(signal: AbortSignal): void {
    let frame = 0;
    let x = 0;
    let y = 0;
    let cursorSet = false;
    const body = (this.options.answer.body as HTMLElement | undefined) ?? null;
    const setCursor = (on: boolean): void => {
      if (on === cursorSet || !body?.style) return;
      cursorSet = on;
      body.style.cursor = on ? 'pointer' : '';
    };
    const look = (): void => {
      frame = 0;
      const flag = this.highlighter.flagAt(x, y);
      setCursor(flag !== null);
      if (!flag) return;
      const index = Number(flag.id);
      if (this.overlay.openFlag !== index) {
        this.overlay.openCard(index, this.highlighter.rects(flag.id), { via: 'pointer' });
      }
    };
    document.addEventListener(
      'click',
      (event) => {
        if (this.highlighter.anchored().length === 0) return;
        // Links and buttons inside the answer keep their own meaning.
        if (event.target instanceof Element && event.target.closest('a, button')) return;
        const flag = this.highlighter.flagAt(event.clientX, event.clientY);
        if (!flag) return;
        this.overlay.openCard(Number(flag.id), this.highlighter.rects(flag.id), { via: 'click' });
      },
      { passive: true, signal },
    );
    signal.addEventListener('abort', () => setCursor(false), { once: true });
    document.addEventListener(
      'pointermove',
      (event) => {
        if (this.highlighter.anchored().length === 0) return;
        x = event.clientX;
        y = event.clientY;
        if (frame === 0) frame = requestAnimationFrame(look);
      },
      { passive: true, signal },
    );
    signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });
  }
}
