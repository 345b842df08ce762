/**
 * The benchmark's metrics against hand-computed cases. (Named core-* because the metric code is
 * what the quality figures stand on; it lives in bench/quality/metrics.ts.)
 */
import { describe, expect, it } from 'vitest';
import {
  aucPr,
  averageRanks,
  classification,
  pearson,
  spearman,
} from '../../bench/quality/metrics.ts';

describe('aucPr (sklearn precision_recall_curve + auc)', () => {
  it('matches a hand-computed curve', () => {
    // Thresholds 0.9, 0.8, 0.7, 0.1 give (recall, precision) = (1/3, 1), (1/3, 1/2),
    // (2/3, 2/3), (1, 3/4); with the (0, 1) end point the trapezoids sum to
    // 1/3·1 + 0 + 1/3·(1/2 + 2/3)/2 + 1/3·(2/3 + 3/4)/2 = 0.763888…
    expect(aucPr([true, false, true, true], [0.9, 0.8, 0.7, 0.1])).toBeCloseTo(0.7638889, 6);
  });

  it('treats tied scores as one threshold', () => {
    // One threshold: recall 1, precision 1/2 → trapezoid from (0, 1): (1 + 1/2)/2 = 0.75.
    expect(aucPr([true, false], [0.5, 0.5])).toBeCloseTo(0.75, 10);
  });

  it('is 1 for a perfect ranking and rejects labels without positives', () => {
    expect(aucPr([false, true, true], [0.1, 0.8, 0.9])).toBeCloseTo(1, 10);
    expect(() => aucPr([false, false], [0.1, 0.2])).toThrow(/positive/);
  });
});

describe('correlations', () => {
  it('computes Pearson and Spearman with average ranks for ties', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3], [3, 1, 2])).toBeCloseTo(-0.5, 10);
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    // Monotone but not linear: Spearman 1, Pearson below 1.
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1, 10);
    expect(pearson([1, 2, 3, 4], [1, 4, 9, 100])).toBeLessThan(0.9);
  });
});

describe('classification', () => {
  it('computes precision, recall and F1', () => {
    const c = classification([true, true, false, false], [true, false, true, false]);
    expect(c).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});
