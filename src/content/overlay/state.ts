/**
 * What the overlay shows, set by the content script as a run moves along
 * (idle → capturing → sampling k/N → analysing → done | error). Plain data, so the lead can
 * build it straight from the background's status messages.
 */
import type { AnalysisReport } from '../../core/types.ts';

export type OverlayState =
  /** The answer has not been checked (e.g. automatic checks are off). */
  | { kind: 'idle' }
  /** Reading the conversation off the page. */
  | { kind: 'capturing' }
  /** `done` of `total` samples are back; `errors` holds one message per failed request. */
  | { kind: 'sampling'; done: number; total: number; errors: string[] }
  | { kind: 'analysing' }
  /** `fromCache` when the report was stored from an earlier run rather than just computed;
   * `notes` say what the result left out or could not keep (a cut answer, a failed save). */
  | { kind: 'done'; report: AnalysisReport; fromCache: boolean; notes?: string[] }
  | { kind: 'error'; message: string };

/** The flag a card is open for, and where its sentence is on screen. */
export interface CardTarget {
  /** Index into `report.sentences` of a flagged sentence. */
  flagIndex: number;
  /** Client rects of the sentence (viewport coordinates), as from `Range.getClientRects()`. */
  anchorRects: DOMRect[];
  /** `preview`: one line, shown by a resting pointer. `full`: the evidence, by click or key. */
  mode: 'preview' | 'full';
}
