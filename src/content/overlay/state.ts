/**
 * What the overlay keeps besides the run status it is shown (shared/run-status.ts, passed as it
 * comes from the background): the card open for a flag.
 */

/** The flag a card is open for, and where its sentence is on screen. */
export interface CardTarget {
  /** Index into `report.sentences` of a flagged sentence. */
  flagIndex: number;
  /** Client rects of the sentence (viewport coordinates), as from `Range.getClientRects()`. */
  anchorRects: DOMRect[];
  /** `preview`: one line, shown by a resting pointer. `full`: the evidence, by click or key. */
  mode: 'preview' | 'full';
}
