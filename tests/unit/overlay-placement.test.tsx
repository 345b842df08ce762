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
  it('never covers the bar’s headline or the sentence, at widths without a margin', () => {
    // The bar sits right under the answer; the last sentences are just above it.
    for (const width of [700, 800, 900, 1000, 1150]) {
      const vp = { width, height: 800 };
      const column = { left: 40, top: 0, right: width - 40, bottom: 560 };
      const bar = { left: 40, top: 572, right: width - 40, bottom: 616 };
      for (let top = 0; top <= 540; top += 20) {
        const rects = [line(top, 60, width - 60)];
        const p = placeCard(rects, card, vp, column, [bar]);
        const box = {
          left: p.left,
          top: p.top,
          right: p.left + card.width,
          bottom: p.top + p.maxHeight,
        };
        expect(overlaps(box, bar), `width ${width}, sentence at ${top}`).toBe(false);
        for (const r of rects) expect(overlaps(box, r), `width ${width}, at ${top}`).toBe(false);
        expect(p.maxHeight).toBeGreaterThan(0);
      }
    }
  });

  it('keeps its side while the page scrolls, as long as that side has fair room', () => {
    const tall = { width: 360, height: 500 };
    const bar = { left: 40, top: 640, right: 960, bottom: 684 };
    // Sentence at 330: 292 px above, 272 below (to the bar): above wins.
    const first = placeCard([line(330)], tall, viewport, undefined, [bar]);
    expect(first.side).toBe('above');
    // Scrolled 60 px: below would now be roomier, but the card stays above.
    const scrolled = { ...bar, top: bar.top - 60, bottom: bar.bottom - 60 };
    const next = placeCard([line(270)], tall, viewport, undefined, [scrolled], first.side);
    expect(next.side).toBe('above');
    expect(next.top + next.maxHeight).toBe(270 - GAP);
    // Without that memory it flips, which is what the memory is for.
    expect(placeCard([line(270)], tall, viewport, undefined, [scrolled]).side).toBe('below');
  });

  it('goes whole just past the bar when squeezed between the sentence and the bar', () => {
    const bar = { left: 40, top: 300, right: 960, bottom: 440 };
    const p = placeCard([line(150)], card, viewport, undefined, [bar]);
    expect(p).toEqual({ left: 100, top: 440 + GAP, side: 'below', maxHeight: 300 });
  });

  it('goes above the sentence rather than onto the bar below it', () => {
    const bar = { left: 40, top: 560, right: 960, bottom: 604 };
    const p = placeCard([line(500)], card, viewport, undefined, [bar]);
    expect(p.side).toBe('above');
    expect(p.top + p.maxHeight).toBe(500 - GAP);
  });

  it('leaves the margin when the bar reaches into it', () => {
    const column = { left: 100, top: 0, right: 500, bottom: 600 };
    const wideBar = { left: 100, top: 200, right: 1000, bottom: 244 };
    expect(placeCard([line(100, 100, 500)], card, viewport, column).side).toBe('right');
    expect(placeCard([line(100, 100, 500)], card, viewport, column, [wideBar]).side).not.toBe(
      'right',
    );
  });

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
