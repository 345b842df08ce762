/** Position + quote selectors: built from offsets, re-anchored after the text shifts or changes. */
import { describe, expect, it } from 'vitest';
import { anchorSpan, describeSpan } from '../../src/core/anchoring/selectors.ts';

const TEXT = 'Paris is the capital of France. Its population is about 2.1 million people.';

describe('describeSpan', () => {
  it('builds a position and a quote with context from offsets', () => {
    const start = TEXT.indexOf('2.1 million');
    const s = describeSpan(TEXT, start, start + '2.1 million'.length, 10);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start, end: start + 11 });
    expect(s.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: '2.1 million',
      prefix: ' is about ',
      suffix: ' people.',
    });
  });

  it('clamps offsets outside the text', () => {
    const s = describeSpan(TEXT, -5, TEXT.length + 10);
    expect(s.position.start).toBe(0);
    expect(s.position.end).toBe(TEXT.length);
    expect(s.quote.prefix).toBe('');
    expect(s.quote.suffix).toBe('');
  });
});

describe('anchorSpan', () => {
  const start = TEXT.indexOf('about 2.1 million');
  const selectors = describeSpan(TEXT, start, start + 'about 2.1 million'.length);

  it('uses the position when it still holds the quote', () => {
    expect(anchorSpan(TEXT, selectors)).toEqual({
      start,
      end: start + 17,
      method: 'position',
      score: 1,
    });
  });

  it('falls back to the quote when text was inserted before the span', () => {
    const shifted = `Summary:\n${TEXT}`;
    const a = anchorSpan(shifted, selectors);
    expect(a?.method).toBe('quote');
    expect(shifted.slice(a!.start, a!.end)).toBe('about 2.1 million');
  });

  it('finds a slightly re-worded span', () => {
    const reworded = TEXT.replace('about 2.1 million', 'about 2.1 millions');
    const a = anchorSpan(reworded, selectors);
    expect(reworded.slice(a!.start, a!.end)).toBe('about 2.1 million');
    expect(a!.score).toBeGreaterThan(0.8);
  });

  it('returns null when the span is gone', () => {
    expect(anchorSpan('Something else entirely, nothing in common here.', selectors)).toBeNull();
  });
});
