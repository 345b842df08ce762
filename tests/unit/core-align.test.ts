import { describe, expect, it } from 'vitest';
import { matchedPositions, replacedRuns } from '../../src/core/align.ts';

const words = (text: string) => text.split(' ');

describe('word alignment', () => {
  it('keeps a longest common subsequence on both sides', () => {
    expect(matchedPositions(words('a b c d'), words('a x c d'))).toEqual([
      [true, false, true, true],
      [true, false, true, true],
    ]);
  });

  it('pairs each replaced run with the run it replaces, where it stands', () => {
    const a = words('top venues with flint among the bottom two');
    const b = words('top venues with flint among the top two');
    expect(replacedRuns(a, b)).toEqual([[[6], [6]]]);
  });

  it('reports words only added or only dropped as runs with an empty side', () => {
    expect(replacedRuns(words('a b c'), words('a c'))).toEqual([[[1], []]]);
    expect(replacedRuns(words('a c'), words('a b c d'))).toEqual([
      [[], [1]],
      [[], [3]],
    ]);
    expect(replacedRuns(words('x y'), words('x y'))).toEqual([]);
  });
});
