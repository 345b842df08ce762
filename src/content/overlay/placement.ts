/**
 * Where a card goes: next to its sentence, never on top of it. In the margin beside the answer's
 * column when there is room there (it then covers neither the sentence nor the lines after it);
 * else below the sentence when the card fits there, else above when it fits there, else on the
 * roomier side with its height capped to that room; left-aligned with the sentence and clamped to
 * the viewport. Pure geometry, so it is tested without a layout engine.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below' | 'right' | 'left';
  /** Height the card may take without covering the sentence or leaving the viewport. */
  maxHeight: number;
}

/** Space kept between the sentence and the card, and between the card and the viewport edge. */
export const GAP = 8;
export const MARGIN = 8;

/** The smallest box around all rects (empty rects, as for collapsed lines, are ignored). */
export function unionBox(rects: readonly Box[]): Box | null {
  let box: Box | null = null;
  for (const r of rects) {
    if (r.right - r.left <= 0 && r.bottom - r.top <= 0) continue;
    box = box
      ? {
          left: Math.min(box.left, r.left),
          top: Math.min(box.top, r.top),
          right: Math.max(box.right, r.right),
          bottom: Math.max(box.bottom, r.bottom),
        }
      : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  }
  return box;
}

export function placeCard(
  anchors: readonly Box[],
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  /** The answer's column: the card goes beside it when the margin has room. */
  column?: Box,
): Placement {
  const anchor = unionBox(anchors) ?? {
    left: MARGIN,
    top: MARGIN,
    right: MARGIN,
    bottom: MARGIN,
  };
  if (column) {
    const maxHeight = Math.min(card.height, viewport.height - 2 * MARGIN);
    const top = Math.min(
      Math.max(anchor.top, MARGIN),
      Math.max(MARGIN, viewport.height - MARGIN - maxHeight),
    );
    const rightEdge = Math.max(column.right, anchor.right);
    if (viewport.width - MARGIN - (rightEdge + GAP) >= card.width) {
      return { left: rightEdge + GAP, top, side: 'right', maxHeight };
    }
    const leftEdge = Math.min(column.left, anchor.left);
    if (leftEdge - GAP - MARGIN >= card.width) {
      return { left: leftEdge - GAP - card.width, top, side: 'left', maxHeight };
    }
  }
  const roomBelow = viewport.height - MARGIN - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - MARGIN;
  let side: Placement['side'];
  if (card.height <= roomBelow) side = 'below';
  else if (card.height <= roomAbove) side = 'above';
  else side = roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, Math.min(card.height, side === 'below' ? roomBelow : roomAbove));
  const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - maxHeight;
  const maxLeft = Math.max(MARGIN, viewport.width - MARGIN - card.width);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  return { left, top, side, maxHeight };
}

/** Whether a point lies in any of the rects, grown by `pad` on every side. */
export function pointInBoxes(x: number, y: number, boxes: readonly Box[], pad: number): boolean {
  return boxes.some(
    (b) => x >= b.left - pad && x <= b.right + pad && y >= b.top - pad && y <= b.bottom + pad,
  );
}
