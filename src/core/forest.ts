/**
 * Evaluates a table of gradient-boosted trees (bench/quality/gbdt.ts fits them): complete binary
 * trees of one depth, stored as one string so that thousands of numbers stay a compact,
 * generated literal. Each tree is "features|thresholds|leaves", comma-separated, inner nodes
 * breadth first (feature -1 sends every input left; x[feature] > threshold goes right); trees
 * are joined by ";".
 */

export interface ForestTable {
  depth: number;
  /** Margin (logit) before the trees. */
  base: number;
  /** Names of the inputs the trees' feature indices refer to, in order. */
  features: readonly string[];
  trees: string;
}

interface ParsedTree {
  feature: Int16Array;
  threshold: Float64Array;
  leaf: Float64Array;
}

const parsed = new WeakMap<ForestTable, ParsedTree[]>();

function treesOf(table: ForestTable): ParsedTree[] {
  let trees = parsed.get(table);
  if (trees) return trees;
  const numbers = (field: string) => field.split(',').map(Number);
  trees = table.trees.split(';').map((tree) => {
    const [f, t, l] = tree.split('|');
    return {
      feature: Int16Array.from(numbers(f!)),
      threshold: Float64Array.from(numbers(t!)),
      leaf: Float64Array.from(numbers(l!)),
    };
  });
  parsed.set(table, trees);
  return trees;
}

/** The forest's margin (a logit) for inputs in the table's feature order. */
export function forestLogit(table: ForestTable, x: readonly number[]): number {
  let z = table.base;
  const inner = 2 ** table.depth - 1;
  for (const t of treesOf(table)) {
    let node = 0;
    for (let d = 0; d < table.depth; d++) {
      const f = t.feature[node]!;
      node = 2 * node + 1 + (f >= 0 && x[f]! > t.threshold[node]! ? 1 : 0);
    }
    z += t.leaf[node - inner]!;
  }
  return z;
}
