import { describe, expect, it } from 'vitest';
import { segment } from '../../src/core/segment.ts';

/** Every segment's text must be exactly the slice its offsets point at. */
function expectExactOffsets(text: string) {
  const segments = segment(text);
  for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  return segments;
}

const texts = (text: string) => expectExactOffsets(text).map((s) => s.text);

describe('segment', () => {
  it('splits plain sentences and keeps offsets exact', () => {
    expect(texts('Paris is big. It is old!  Is it nice? Yes.')).toEqual([
      'Paris is big.',
      'It is old!',
      'Is it nice?',
      'Yes.',
    ]);
  });

  it('does not split after abbreviations, initials or decimals', () => {
    expect(
      texts('Dr. Smith met J. R. R. Tolkien in the U.S. in Jan. 1950. Pi is about 3.14 today.'),
    ).toEqual([
      'Dr. Smith met J. R. R. Tolkien in the U.S. in Jan. 1950.',
      'Pi is about 3.14 today.',
    ]);
    expect(texts('It costs approx. 5 dollars, e.g. in shops. Next one.')).toEqual([
      'It costs approx. 5 dollars, e.g. in shops.',
      'Next one.',
    ]);
  });

  it('reads "No." and "p." as abbreviations only before a number, and "al." only after "et"', () => {
    expect(texts('It is No. 5 on the list, see p. 14. The answer is no. Then it ended.')).toEqual([
      'It is No. 5 on the list, see p. 14.',
      'The answer is no.',
      'Then it ended.',
    ]);
    expect(
      texts('Smith et al. Found it. Oman opened its airspace to El Al. Flights began.'),
    ).toEqual(['Smith et al. Found it.', 'Oman opened its airspace to El Al.', 'Flights began.']);
  });

  it('splits after a year that ends a sentence and keeps dates whole', () => {
    expect(texts('He was born on 12.03.1950 in Rome. He died in 1999. His son lived.')).toEqual([
      'He was born on 12.03.1950 in Rome.',
      'He died in 1999.',
      'His son lived.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split before lower case', () => {
    expect(texts('He said "Stop." Then he left. "Really?" she asked.')).toEqual([
      'He said "Stop."',
      'Then he left.',
      '"Really?" she asked.',
    ]);
  });

  it('attaches emoji to the sentence they follow', () => {
    expect(texts('Done! 🎉 Next we test. Works 👍')).toEqual([
      'Done! 🎉',
      'Next we test.',
      'Works 👍',
    ]);
  });

  it('handles markdown headings, bullets, numbered lists and bold text', () => {
    const text = '## Early life\n\n- **Born** in 1820. Raised in London.\n2. Second item\n* third';
    const segments = expectExactOffsets(text);
    expect(segments.map((s) => [s.kind, s.text, s.judged])).toEqual([
      ['heading', 'Early life', false],
      ['list-item', '**Born** in 1820.', true],
      ['list-item', 'Raised in London.', true],
      ['list-item', 'Second item', true],
      ['list-item', 'third', true],
    ]);
    expect(segments.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps code blocks whole and unjudged, even unclosed ones', () => {
    const text = 'Run this:\n```js\nconst a = 1. b = 2;\n```\nThen stop.\n```\nopen. Code';
    const segments = expectExactOffsets(text);
    expect(segments.map((s) => [s.kind, s.judged])).toEqual([
      // "Run this:" only introduces the code below it: no claim to judge.
      ['sentence', false],
      ['code', false],
      ['sentence', true],
      ['code', false],
    ]);
    expect(segments[1]!.text).toBe('```js\nconst a = 1. b = 2;\n```');
    expect(segments[3]!.text).toBe('```\nopen. Code');
  });

  it('makes table rows segments and drops separator rows', () => {
    const text = '| City | People |\n|---|---:|\n| Paris | 2.1 million |';
    expect(expectExactOffsets(text).map((s) => [s.kind, s.text])).toEqual([
      ['table-row', '| City | People |'],
      ['table-row', '| Paris | 2.1 million |'],
    ]);
  });

  it('does not judge a table header, with or without a separator row', () => {
    const judged = (text: string) => expectExactOffsets(text).map((s) => [s.text, s.judged]);
    expect(judged('| City | People |\n|---|---:|\n| Paris | 2.1 million |')).toEqual([
      ['| City | People |', false],
      ['| Paris | 2.1 million |', true],
    ]);
    // As read from a rendered page: no separator; a first row without digits is the header.
    expect(judged('| Year | Event |\n| 1869 | Construction begins |')).toEqual([
      ['| Year | Event |', false],
      ['| 1869 | Construction begins |', true],
    ]);
    expect(judged('| 1869 | Construction begins |\n| 1883 | Bridge opens |')).toEqual([
      ['| 1869 | Construction begins |', true],
      ['| 1883 | Bridge opens |', true],
    ]);
  });

  it('does not judge a sentence that only introduces a list, table or code', () => {
    const judged = (text: string) => expectExactOffsets(text).map((s) => [s.text, s.judged]);
    expect(judged('It was built in 1883. The main facts are:\n- Span: 486 m\nDone.')).toEqual([
      ['It was built in 1883.', true],
      ['The main facts are:', false],
      ['Span: 486 m', true],
      ['Done.', true],
    ]);
    // A colon inside a line, or before more prose, introduces nothing to leave out.
    expect(judged('Note: it opened in 1883.\nThe reason:\nIt was late.')).toEqual([
      ['Note: it opened in 1883.', true],
      ['The reason:', true],
      ['It was late.', true],
    ]);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(segment('')).toEqual([]);
    expect(segment('  \n\n ---\n')).toEqual([]);
  });

  it('segments a 50,000-character text quickly and exactly', () => {
    const text = 'Dr. Who met Mr. Smith in 1999. It rained 3.5 mm! '.repeat(1000);
    const t0 = performance.now();
    const segments = expectExactOffsets(text);
    expect(segments).toHaveLength(2000);
    // Generous bound: catches quadratic behaviour (seconds), not machine speed.
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
