/**
 * The metrics of the SelfCheckGPT paper and the classification figures, reimplemented from their
 * definitions: scikit-learn's `precision_recall_curve` followed by `auc(recall, precision)`
 * (trapezoids), and Pearson / Spearman correlation (Spearman = Pearson of average ranks, as
 * scipy computes it).
 */

/**
 * Area under the precision-recall curve exactly as `auc(recall, precision)` over
 * `precision_recall_curve(labels, scores)`: one point per distinct score (descending), plus the
 * (recall 0, precision 1) end point, joined by trapezoids.
 */
export function aucPr(labels: readonly boolean[], scores: readonly number[]): number {
  if (labels.length !== scores.length) throw new Error('labels and scores differ in length');
  const positives = labels.filter(Boolean).length;
  if (positives === 0) throw new Error('AUC-PR needs at least one positive label');
  const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
  let tp = 0;
  let fp = 0;
  let area = 0;
  let prevRecall = 0;
  let prevPrecision = 1;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i]) tp++;
    else fp++;
    // Only the last of a run of tied scores is a threshold of the curve.
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) continue;
    const recall = tp / positives;
    const precision = tp / (tp + fp);
    area += ((recall - prevRecall) * (precision + prevPrecision)) / 2;
    prevRecall = recall;
    prevPrecision = precision;
  }
  return area;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2) throw new Error('pearson needs two equal series ≥ 2');
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** Ranks from 1, ties sharing their average rank. */
export function averageRanks(v: readonly number[]): number[] {
  const order = [...v.keys()].sort((a, b) => v[a]! - v[b]!);
  const ranks = new Array<number>(v.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && v[order[end + 1]!] === v[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

export interface Classification {
  precision: number;
  recall: number;
  f1: number;
}

export function classification(
  truth: readonly boolean[],
  predicted: readonly boolean[],
): Classification {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  truth.forEach((t, i) => {
    if (predicted[i] && t) tp++;
    else if (predicted[i]) fp++;
    else if (t) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
