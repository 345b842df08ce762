/**
 * Where a card goes: next to its sentence, never on top of it. In the margin beside the answer's
 * column when there is room there (it then covers neither the sentence nor the lines after it);
 * else below the sentence when the card fits there, else above when it fits there, else on the
 * roomier side with its height capped to that room; left-aligned with the sentence and clamped to
 * the viewport. Boxes to keep clear (the bar's headline) take room away like the viewport's edges
 * do, so a card never lies over the sentence it explains or the headline it belongs to; a card
 * that fits neither between the sentence and the bar nor above goes just past the bar when that
 * is where it fits, or where it has the most room. Pure
 * geometry, so it is tested without a layout engine.
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
/** Room (px) a side must keep for a card to stay there while the page scrolls. */
export const STICKY_ROOM = 160;

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
  /** Boxes the card must not cover, such as the summary bar's headline. */
  keepClear: readonly Box[] = [],
  /** The side the card took last time for this sentence: kept while it still has fair room, so
   * a card capped to the room does not flip sides as the page scrolls. */
  previousSide?: Placement['side'],
): Placement {
  const anchor = unionBox(anchors) ?? {
    left: MARGIN,
    top: MARGIN,
    right: MARGIN,
    bottom: MARGIN,
  };
  const clear = (box: Box): boolean => keepClear.every((k) => !overlaps(box, k));
  if (column) {
    const maxHeight = Math.min(card.height, viewport.height - 2 * MARGIN);
    const top = Math.min(
      Math.max(anchor.top, MARGIN),
      Math.max(MARGIN, viewport.height - MARGIN - maxHeight),
    );
    const rightEdge = Math.max(column.right, anchor.right);
    const right = { left: rightEdge + GAP, top, right: rightEdge + GAP + card.width };
    if (
      viewport.width - MARGIN - right.left >= card.width &&
      clear({ ...right, bottom: top + maxHeight })
    ) {
      return { left: right.left, top, side: 'right', maxHeight };
    }
    const leftEdge = Math.min(column.left, anchor.left);
    const left = { left: leftEdge - GAP - card.width, top, right: leftEdge - GAP };
    if (leftEdge - GAP - MARGIN >= card.width && clear({ ...left, bottom: top + maxHeight })) {
      return { left: left.left, top, side: 'left', maxHeight };
    }
  }
  const maxLeft = Math.max(MARGIN, viewport.width - MARGIN - card.width);
  const left = Math.min(Math.max(anchor.left, MARGIN), maxLeft);
  const span = { left, right: left + card.width };
  // Room below the sentence ends at the viewport's edge or at the first box to keep clear.
  let floor = viewport.height - MARGIN;
  let ceiling = MARGIN;
  let pastBelow = -Infinity;
  for (const k of keepClear) {
    if (k.right <= span.left || k.left >= span.right) continue;
    if (k.top >= anchor.bottom) {
      floor = Math.min(floor, k.top - GAP);
      pastBelow = Math.max(pastBelow, k.bottom + GAP);
    } else if (k.bottom <= anchor.top) ceiling = Math.max(ceiling, k.bottom + GAP);
  }
  const roomBelow = floor - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - ceiling;
  const roomPast = pastBelow > 0 ? viewport.height - MARGIN - pastBelow : -1;
  const past = (): Placement => ({
    left,
    top: pastBelow,
    side: 'below',
    maxHeight: Math.min(card.height, roomPast),
  });
  let side: Placement['side'];
  const fairRoom = Math.min(card.height, STICKY_ROOM);
  if (previousSide === 'below' && roomBelow >= fairRoom) side = 'below';
  else if (previousSide === 'above' && roomAbove >= fairRoom) side = 'above';
  else if (card.height <= roomBelow) side = 'below';
  else if (card.height <= roomAbove) side = 'above';
  // Squeezed between the sentence and the bar: just past the bar, whole or roomiest, beats cramped.
  else if (roomPast >= card.height || roomPast > Math.max(roomBelow, roomAbove)) return past();
  else side = roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, Math.min(card.height, side === 'below' ? roomBelow : roomAbove));
  const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - maxHeight;
  return { left, top, side, maxHeight };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether a point lies in any of the rects, grown by `pad` on every side. */
export function pointInBoxes(x: number, y: number, boxes: readonly Box[], pad: number): boolean {
  return boxes.some(
    (b) => x >= b.left - pad && x <= b.right + pad && y >= b.top - pad && y <= b.bottom + pad,
  );
}
