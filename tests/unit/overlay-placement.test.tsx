/**
 * Card placement: beside the sentence and never on it, inside the viewport.
 */
import { describe, expect, it } from 'vitest';
import {
  GAP,
  MARGIN,
  placeCard,
  pointInBoxes,
  unionBox,
  type Box,
} from '../../src/content/overlay/placement.ts';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };
const line = (top: number, left = 100, right = 600): Box => ({
  left,
  top,
  right,
  bottom: top + 20,
});

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('placeCard', () => {
  it('goes below the sentence when it fits there', () => {
    const p = placeCard([line(100)], card, viewport);
    expect(p).toEqual({ left: 100, top: 120 + GAP, side: 'below', maxHeight: 300 });
  });

  it('goes above when there is no room below', () => {
    const p = placeCard([line(700)], card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + p.maxHeight).toBe(700 - GAP);
  });

  it('takes the roomier side and caps its height when neither fits', () => {
    const tall = { width: 360, height: 700 };
    const p = placeCard([line(300), line(320)], tall, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBe(340 + GAP);
    expect(p.maxHeight).toBe(800 - MARGIN - (340 + GAP));
  });

  it('clamps to the viewport horizontally', () => {
    expect(placeCard([line(100, 900, 990)], card, viewport).left).toBe(1000 - MARGIN - 360);
    expect(placeCard([line(100, -50, 40)], card, viewport).left).toBe(MARGIN);
  });

  it('never covers any line of a multi-line sentence, wherever it is', () => {
    for (let top = 0; top <= 760; top += 20) {
      const rects = [line(top, 400, 900), line(top + 20, 0, 900), line(top + 40, 0, 200)];
      const p = placeCard(rects, card, viewport);
      const box = {
        left: p.left,
        top: p.top,
        right: p.left + card.width,
        bottom: p.top + p.maxHeight,
      };
      for (const r of rects) expect(overlaps(box, r)).toBe(false);
      expect(box.top).toBeGreaterThanOrEqual(Math.min(MARGIN, box.bottom));
    }
  });

  it('ignores empty rects when finding the sentence', () => {
    expect(unionBox([{ left: 5, top: 5, right: 5, bottom: 5 }, line(100)])).toEqual(line(100));
    expect(unionBox([])).toBeNull();
  });
});

describe('pointInBoxes', () => {
  it('counts points within the padding as inside', () => {
    expect(pointInBoxes(95, 110, [line(100)], 6)).toBe(true);
    expect(pointInBoxes(90, 110, [line(100)], 6)).toBe(false);
  });
});
