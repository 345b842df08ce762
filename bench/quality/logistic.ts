/**
 * Weighted logistic regression with a small ridge penalty, fitted by Newton's method: few
 * features, a few thousand rows, so exact second-order steps converge in a handful of
 * iterations and the result does not depend on a learning rate or a random start.
 */

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export interface Row {
  x: readonly number[];
  y: 0 | 1;
  /** Weight of the row in the fit. */
  w: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * x[i]!;
  return sigmoid(z);
}

/** Solves A v = b for a symmetric positive definite A (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * v[k]!;
    v[r] = s / m[r]![r]!;
  }
  return v;
}

/** Fits the model; `ridge` penalises the weights (not the bias) per unit of total row weight. */
export function fitLogistic(rows: readonly Row[], ridge = 1e-3, iterations = 30): LogisticModel {
  const d = rows[0]?.x.length ?? 0;
  // Parameters: weights then bias (as a constant feature).
  let theta = new Array<number>(d + 1).fill(0);
  const total = rows.reduce((s, r) => s + r.w, 0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (const r of rows) {
      const x = [...r.x, 1];
      let z = 0;
      for (let i = 0; i <= d; i++) z += theta[i]! * x[i]!;
      const p = sigmoid(z);
      const g = r.w * (p - r.y);
      const h = r.w * p * (1 - p);
      for (let i = 0; i <= d; i++) {
        grad[i]! += g * x[i]!;
        for (let j = 0; j <= i; j++) hess[i]![j]! += h * x[i]! * x[j]!;
      }
    }
    for (let i = 0; i <= d; i++) for (let j = 0; j < i; j++) hess[j]![i] = hess[i]![j]!;
    for (let i = 0; i < d; i++) {
      grad[i]! += ridge * total * theta[i]!;
      hess[i]![i]! += ridge * total;
    }
    hess[d]![d]! += 1e-9 * total;
    const step = solve(hess, grad);
    theta = theta.map((t, i) => t - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { weights: theta.slice(0, d), bias: theta[d]! };
}

/**
 * The same fit for many features (hundreds to a thousand): rows as one row-major Float64Array,
 * every row weighing one, the ridge on every weight (features should be standardised first).
 * The Hessian is accumulated in one flat array and solved by Cholesky, which is what keeps a
 * thousand-feature Newton step to seconds.
 */
export function fitLogisticDense(
  x: Float64Array,
  y: Uint8Array,
  d: number,
  ridge: number,
  iterations = 25,
): LogisticModel {
  const n = y.length;
  const d1 = d + 1;
  const theta = new Float64Array(d1);
  const row = new Float64Array(d1);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(d1);
    const hess = new Float64Array(d1 * d1);
    for (let r = 0; r < n; r++) {
      row.set(x.subarray(r * d, r * d + d));
      row[d] = 1;
      let z = 0;
      for (let i = 0; i < d1; i++) z += theta[i]! * row[i]!;
      const p = sigmoid(z);
      const g = p - y[r]!;
      const h = p * (1 - p);
      for (let i = 0; i < d1; i++) {
        const xi = row[i]!;
        grad[i]! += g * xi;
        const hi = h * xi;
        const base = i * d1;
        for (let j = 0; j <= i; j++) hess[base + j]! += hi * row[j]!;
      }
    }
    for (let i = 0; i < d; i++) {
      grad[i]! += ridge * n * theta[i]!;
      hess[i * d1 + i]! += ridge * n;
    }
    hess[d * d1 + d]! += 1e-9 * n;
    const step = choleskySolve(hess, grad, d1);
    let largest = 0;
    for (let i = 0; i < d1; i++) {
      theta[i]! -= step[i]!;
      largest = Math.max(largest, Math.abs(step[i]!));
    }
    if (largest < 1e-7) break;
  }
  return { weights: [...theta.subarray(0, d)], bias: theta[d]! };
}

/** Solves A v = b for a symmetric positive definite A given by its lower triangle. */
function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = i === j ? Math.sqrt(s) : s / l[j * n + j]!;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * z[k]!;
    z[i] = s / l[i * n + i]!;
  }
  const v = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * v[k]!;
    v[i] = s / l[i * n + i]!;
  }
  return v;
}
