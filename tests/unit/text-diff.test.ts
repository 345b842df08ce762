/**
 * The word diff that marks where two answers differ: it must find the changed words, keep
 * numbers and names whole, ignore case and quote style, rebuild the shown text exactly, and stay
 * cheap on long inputs.
 */
import { describe, expect, it } from 'vitest';
import { diffWords, markSpans, type DiffPart } from '../../src/shared/text-diff.ts';

const join = (parts: DiffPart[]): string => parts.map((p) => p.text).join('');
/** The parts that make up the `to` text: `same` and `added` only. */
const toSide = (parts: DiffPart[]): DiffPart[] => parts.filter((p) => p.op !== 'removed');
const changed = (parts: DiffPart[], op: DiffPart['op']): string[] =>
  parts.filter((p) => p.op === op).map((p) => p.text.trim());

describe('diffWords', () => {
  it('reports identical texts as one unchanged part', () => {
    expect(diffWords('The tower is 330 metres tall.', 'The tower is 330 metres tall.')).toEqual([
      { op: 'same', text: 'The tower is 330 metres tall.' },
    ]);
  });

  it('finds a changed number as a removal followed by an addition', () => {
    expect(diffWords('born in 1820 in Paris', 'born in 1829 in Paris')).toEqual([
      { op: 'same', text: 'born in ' },
      { op: 'removed', text: '1820 ' },
      { op: 'added', text: '1829 ' },
      { op: 'same', text: 'in Paris' },
    ]);
  });

  it('keeps decimals, thousands and hyphenated words whole', () => {
    const parts = diffWords(
      'about 3.5 million co-founders and 1,000 staff',
      'about 3.6 million co-founders and 1,200 staff',
    );
    expect(changed(parts, 'removed')).toEqual(['3.5', '1,000']);
    expect(changed(parts, 'added')).toEqual(['3.6', '1,200']);
  });

  it('ignores case, curly quotes and dash style', () => {
    const parts = diffWords('He said "Paris" — twice', 'he said “paris” – twice');
    expect(parts.every((p) => p.op === 'same')).toBe(true);
  });

  it('marks punctuation changes without swallowing the neighbouring words', () => {
    const parts = diffWords('Yes, it is.', 'Yes it is!');
    expect(changed(parts, 'removed')).toEqual([',', '.']);
    expect(changed(parts, 'added')).toEqual(['!']);
  });

  it('rebuilds the second text exactly from its same and added parts', () => {
    const pairs: Array<[string, string]> = [
      ['', 'Only new words here.'],
      ['Only old words here.', ''],
      ['  leading space and\ttabs\n', 'leading  spaces, and tabs\n\nand more'],
      ['Émile Nouguier designed it.', 'Maurice Koechlin and Émile Nouguier designed it in 1884.'],
      ['a b c d e f', 'f e d c b a'],
    ];
    for (const [from, to] of pairs) {
      expect(join(toSide(diffWords(from, to)))).toBe(to);
      // The from-side words survive in order too (`same` parts are spelt as in `to`).
      const fromSide = diffWords(from, to)
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join('');
      expect(fromSide.replace(/\s+/g, '')).toBe(from.replace(/\s+/g, ''));
    }
  });

  it('stays fast and exact on long, entirely different texts', () => {
    const a = Array.from({ length: 4000 }, (_, i) => `alpha${i}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, i) => `beta${i}`).join(' ');
    const started = performance.now();
    const parts = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(join(toSide(parts))).toBe(b);
    expect(parts.some((p) => p.op === 'removed')).toBe(true);
  });
});

describe('markSpans', () => {
  it('marks the given spans case-insensitively and leaves the rest', () => {
    expect(markSpans('It opened in March 1889 in Paris.', ['march 1889'])).toEqual([
      { op: 'same', text: 'It opened in ' },
      { op: 'added', text: 'March 1889' },
      { op: 'same', text: ' in Paris.' },
    ]);
  });

  it('marks longer spans first and each occurrence once', () => {
    const parts = markSpans('1,829 people; 829 left; 829 stayed', ['829', '1,829', '829']);
    expect(changed(parts, 'added')).toEqual(['1,829', '829', '829']);
    expect(join(parts)).toBe('1,829 people; 829 left; 829 stayed');
  });

  it('marks spans a reader reads as one phrase as one mark, across function words only', () => {
    const text =
      'Another figure in the development of TQM was Juran, who stressed planning, control, and improvement.';
    const parts = markSpans(text, [
      'Another',
      'figure',
      'development',
      'TQM',
      'planning',
      'control',
      'improvement',
    ]);
    expect(changed(parts, 'added')).toEqual([
      'Another figure in the development of TQM',
      'planning, control, and improvement',
    ]);
    expect(join(parts)).toBe(text);
    // A content word between two marks keeps them apart: "Juran" is backed.
    expect(
      changed(markSpans('TQM was Juran, who stressed it.', ['TQM', 'stressed']), 'added'),
    ).toEqual(['TQM', 'stressed']);
  });

  it('ignores spans that do not occur and empty spans', () => {
    expect(markSpans('Nothing to see.', ['absent', ' '])).toEqual([
      { op: 'same', text: 'Nothing to see.' },
    ]);
  });
});
