/**
 * Gradient-boosted trees for a weighted logistic loss (Newton boosting, as XGBoost does): each
 * round fits a small complete tree to the loss's gradient and curvature, on features cut into
 * quantile bins. Small data (a few ten thousand rows), so plain loops; deterministic (row
 * subsampling from a seeded generator), so a refit writes the same table.
 */
import type { Row } from './logistic.ts';

/** A complete binary tree of a fixed depth: feature and threshold per inner node (breadth
 * first; feature -1 sends every row left), a value per leaf. x[feature] > threshold goes right. */
export interface Tree {
  feature: number[];
  threshold: number[];
  leaf: number[];
}

export interface Forest {
  depth: number;
  /** Margin before the trees (the logit of the weighted base rate, or 0 with an init margin). */
  base: number;
  trees: Tree[];
}

export interface BoostOptions {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values. */
  lambda: number;
  /** Least summed curvature in a child. */
  minChild: number;
  /** Share of rows each round sees. */
  subsample: number;
  bins: number;
  seed: number;
}

export const DEFAULT_BOOST: BoostOptions = {
  rounds: 400,
  depth: 3,
  learningRate: 0.05,
  lambda: 5,
  minChild: 5,
  subsample: 0.8,
  bins: 48,
  seed: 1,
};

export function forestMargin(forest: Forest, x: readonly number[]): number {
  let z = forest.base;
  const inner = 2 ** forest.depth - 1;
  for (const t of forest.trees) {
    let node = 0;
    for (let d = 0; d < forest.depth; d++) {
      const f = t.feature[node]!;
      node = 2 * node + 1 + (f >= 0 && x[f]! > t.threshold[node]! ? 1 : 0);
    }
    z += t.leaf[node - inner]!;
  }
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Cut points per feature: distinct quantiles of its values (midpoints, so ties stay together). */
function cutPoints(rows: readonly Row[], feature: number, bins: number): number[] {
  const values = [...new Set(rows.map((r) => r.x[feature]!))].sort((a, b) => a - b);
  if (values.length <= bins) return values.slice(0, -1).map((v, i) => (v + values[i + 1]!) / 2);
  const sorted = rows.map((r) => r.x[feature]!).sort((a, b) => a - b);
  const cuts = new Set<number>();
  for (let k = 1; k < bins; k++) {
    const v = sorted[Math.floor((k * sorted.length) / bins)]!;
    const next = values.find((u) => u > v);
    if (next !== undefined) cuts.add((v + next) / 2);
  }
  return [...cuts].sort((a, b) => a - b);
}

function binOf(cuts: readonly number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v > cuts[mid]!) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Fits a forest. `init` gives each row a starting margin (e.g. a logistic model's), which the
 * trees then correct; the forest's base is then 0 and predictions must add the same margin.
 */
export function fitForest(
  rows: readonly Row[],
  options: Partial<BoostOptions> = {},
  init?: readonly number[],
): Forest {
  const o = { ...DEFAULT_BOOST, ...options };
  const nf = rows[0]!.x.length;
  const cuts = Array.from({ length: nf }, (_, f) => cutPoints(rows, f, o.bins));
  const bin = rows.map((r) => r.x.map((v, f) => binOf(cuts[f]!, v)));
  const wSum = rows.reduce((s, r) => s + r.w, 0);
  const pos = rows.reduce((s, r) => s + r.w * r.y, 0) / wSum;
  const base = init ? 0 : Math.log(pos / (1 - pos));
  const margin = rows.map((_, i) => base + (init?.[i] ?? 0));
  const g = new Float64Array(rows.length);
  const h = new Float64Array(rows.length);
  const random = rng(o.seed);
  const inner = 2 ** o.depth - 1;
  const trees: Tree[] = [];
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < rows.length; i++) {
      const p = sigmoid(margin[i]!);
      g[i] = rows[i]!.w * (p - rows[i]!.y);
      h[i] = rows[i]!.w * Math.max(p * (1 - p), 1e-6);
    }
    const inRound = rows.flatMap((_, i) => (random() < o.subsample ? [i] : []));
    const tree: Tree = {
      feature: new Array<number>(inner).fill(-1),
      threshold: new Array<number>(inner).fill(0),
      leaf: new Array<number>(inner + 1).fill(0),
    };
    // Rows per node, level by level; a node that does not split sends all its rows left.
    let level: number[][] = [inRound];
    for (let d = 0; d < o.depth; d++) {
      const next: number[][] = [];
      level.forEach((members, k) => {
        const node = 2 ** d - 1 + k;
        const split = bestSplit(members, bin, cuts, g, h, o);
        if (split) {
          tree.feature[node] = split.feature;
          tree.threshold[node] = cuts[split.feature]![split.bin]!;
          next.push(members.filter((i) => bin[i]![split.feature]! <= split.bin));
          next.push(members.filter((i) => bin[i]![split.feature]! > split.bin));
        } else {
          next.push(members, []);
        }
      });
      level = next;
    }
    level.forEach((members, k) => {
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += g[i]!;
        H += h[i]!;
      }
      tree.leaf[k] = H > 0 ? (-G / (H + o.lambda)) * o.learningRate : 0;
    });
    trees.push(tree);
    const forest: Forest = { depth: o.depth, base: 0, trees: [tree] };
    for (let i = 0; i < rows.length; i++) margin[i]! += forestMargin(forest, rows[i]!.x);
  }
  return { depth: o.depth, base, trees };
}

function bestSplit(
  members: readonly number[],
  bin: readonly (readonly number[])[],
  cuts: readonly (readonly number[])[],
  g: Float64Array,
  h: Float64Array,
  o: BoostOptions,
): { feature: number; bin: number } | null {
  let G = 0;
  let H = 0;
  for (const i of members) {
    G += g[i]!;
    H += h[i]!;
  }
  if (H < 2 * o.minChild) return null;
  const parent = (G * G) / (H + o.lambda);
  let best: { feature: number; bin: number; gain: number } | null = null;
  for (let f = 0; f < cuts.length; f++) {
    const nb = cuts[f]!.length + 1;
    if (nb < 2) continue;
    const hg = new Float64Array(nb);
    const hh = new Float64Array(nb);
    for (const i of members) {
      const b = bin[i]![f]!;
      hg[b]! += g[i]!;
      hh[b]! += h[i]!;
    }
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += hg[b]!;
      hl += hh[b]!;
      const hr = H - hl;
      if (hl < o.minChild || hr < o.minChild) continue;
      const gr = G - gl;
      const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { feature: f, bin: b, gain };
    }
  }
  return best;
}
