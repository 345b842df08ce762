/**
 * What the overlay is shown: the run status as it comes from the background (shared/run-status.ts)
 * with the reader's sensitivity, and the card open for a flag.
 */
import type { Sensitivity } from '../../core/types.ts';
import type { RunStatus } from '../../shared/run-status.ts';

/** The run status as the background sends it, with the reader's sensitivity: which sentences
 * are shown (report-reading's shownFlags; the default when absent). */
export type OverlayState = RunStatus & { sensitivity?: Sensitivity | undefined };

/** The flag a card is open for, and where its sentence is on screen. */
export interface CardTarget {
  /** Index into `report.sentences` of a flagged sentence. */
  flagIndex: number;
  /** Client rects of the sentence (viewport coordinates), as from `Range.getClientRects()`. */
  anchorRects: DOMRect[];
  /** `preview`: one line, shown by a resting pointer. `full`: the evidence, by click or key. */
  mode: 'preview' | 'full';
}
