/**
 * Fits the contradiction probe (src/core/contradiction-probe.ts) on ChatProtect's development
 * pairs: a ridge logistic model of "the pair contradicts itself" over the pair's vector
 * product and absolute difference (1,024 numbers from the bundled encoder) together with the
 * evidence the rest of the analysis already gives (severity.ts' features and the aligned pair's). Fitting both together makes the vector part learn what the evidence does not
 * already say. Only that part ships, as the probe; the severity model then weighs it.
 *
 * Run: npx tsx bench/quality/train-probe.ts [--write]
 * Prints the out-of-fold ranking of the pairs with and without the vectors (folds by original
 * sentence, as train-severity.ts), and always writes the out-of-fold margins to
 * .cache/probe-oof.json: train-severity.ts uses those for ChatProtect's own rows, so the
 * severity model never learns from a probe that saw the row it grades. --write also writes
 * src/core/contradiction-probe-weights.ts, fitted on all pairs, with the data's sha256.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEmbedder } from '../../src/cli/load-embedder.ts';
import { analyzeRecord } from '../../src/cli/score-record.ts';
import { meanPairFeatures } from '../../src/core/pair-features.ts';
import { severityFeatures } from '../../src/core/severity.ts';
import { pct, table } from './context.ts';
import { dataFile, readJsonlGz } from './data.ts';
import { fitLogisticDense, type LogisticModel } from './logistic.ts';
import { memoEmbedder } from './memo-embedder.ts';
import { PROBE_OOF_FILE, probeKey } from './probe-oof.ts';
import { aucPr } from './metrics.ts';

const PAIRS = 'chatprotect/pairs-dev.jsonl.gz';
const FOLDS = 5;
/** Chosen out of fold among 0.01, 0.03, 0.1, 0.3 and 1 (per unit of row weight). */
const RIDGE = 0.1;

interface PairRow {
  key: string;
  fold: number;
  y: 0 | 1;
  vectors: Float64Array;
  evidence: number[];
}

async function collect(): Promise<{ rows: PairRow[]; embedderId: string }> {
  const inner = await loadEmbedder();
  const embedder = memoEmbedder(
    inner,
    `.cache/bench-embeddings-${inner.id.replace(/[^\w.-]/g, '_')}.bin`,
  );
  const folds = new Map<string, number>();
  const rows: PairRow[] = [];
  try {
    const pairs = readJsonlGz<{ orig: string; alt: string; tag: string }>(PAIRS);
    for (const [g, p] of pairs.entries()) {
      if (!folds.has(p.orig)) folds.set(p.orig, folds.size % FOLDS);
      const report = await analyzeRecord(
        { id: g, answer: p.orig, sentences: [p.orig], samples: [p.alt] },
        embedder,
      );
      const f = report.sentences[0];
      const counterpart = f?.evidence[0]?.counterpart;
      if (!f || !counterpart) continue;
      const [a, b] = await embedder.embed([f.segment.text, counterpart]);
      const vectors = new Float64Array(2 * a!.length);
      for (let i = 0; i < a!.length; i++) {
        vectors[i] = a![i]! * b![i]!;
        vectors[a!.length + i] = Math.abs(a![i]! - b![i]!);
      }
      const evidence = severityFeatures(f, f.score);
      rows.push({
        key: probeKey(p.orig, p.alt),
        fold: folds.get(p.orig)!,
        y: p.tag === 'strong' ? 1 : 0,
        vectors,
        evidence: [...evidence, ...meanPairFeatures(f.segment.text, f.evidence)],
      });
    }
  } finally {
    embedder.save();
  }
  return { rows, embedderId: inner.id };
}

/** Column means and standard deviations of row-major data. */
function moments(x: Float64Array, n: number, d: number): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) mean[i]! += x[r * d + i]! / n;
  for (let r = 0; r < n; r++)
    for (let i = 0; i < d; i++) sd[i]! += (x[r * d + i]! - mean[i]!) ** 2 / n;
  for (let i = 0; i < d; i++) sd[i] = Math.sqrt(sd[i]!) + 1e-9;
  return { mean, sd };
}

function design(rows: readonly PairRow[], withVectors: boolean) {
  const dv = withVectors ? rows[0]!.vectors.length : 0;
  const d = dv + rows[0]!.evidence.length;
  const x = new Float64Array(rows.length * d);
  rows.forEach((r, n) => {
    if (withVectors) x.set(r.vectors, n * d);
    x.set(r.evidence, n * d + dv);
  });
  const { mean, sd } = moments(x, rows.length, d);
  for (let n = 0; n < rows.length; n++)
    for (let i = 0; i < d; i++) x[n * d + i] = (x[n * d + i]! - mean[i]!) / sd[i]!;
  return { x, d, dv, mean, sd };
}

function subset(x: Float64Array, d: number, idx: readonly number[]): Float64Array {
  const out = new Float64Array(idx.length * d);
  idx.forEach((r, n) => out.set(x.subarray(r * d, r * d + d), n * d));
  return out;
}

const dot = (w: readonly number[], x: Float64Array, from: number, to: number, at: number) => {
  let z = 0;
  for (let i = from; i < to; i++) z += w[i]! * x[at + i]!;
  return z;
};

/** Out-of-fold margins: the whole model's, and its vector part's alone. */
function outOfFold(rows: readonly PairRow[], withVectors: boolean) {
  const { x, d, dv } = design(rows, withVectors);
  const whole = new Array<number>(rows.length).fill(0);
  const vectorPart = new Array<number>(rows.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.flatMap((r, n) => (r.fold === k ? [] : [n]));
    const y = Uint8Array.from(train, (n) => rows[n]!.y);
    const model: LogisticModel = fitLogisticDense(subset(x, d, train), y, d, RIDGE);
    rows.forEach((r, n) => {
      if (r.fold !== k) return;
      vectorPart[n] = dot(model.weights, x, 0, dv, n * d);
      whole[n] = vectorPart[n] + dot(model.weights, x, dv, d, n * d) + model.bias;
    });
  }
  return { whole, vectorPart };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
  const { rows, embedderId } = await collect();
  const labels = rows.map((r) => r.y === 1);
  const without = outOfFold(rows, false);
  const withVectors = outOfFold(rows, true);
  console.log(
    table(
      [`ChatProtect pairs with a counterpart (${rows.length}), out of fold`, 'AUC-PR'],
      [
        ['evidence only', pct(aucPr(labels, without.whole))],
        ['evidence and vectors', pct(aucPr(labels, withVectors.whole))],
        ['the vector part alone (the probe)', pct(aucPr(labels, withVectors.vectorPart))],
      ],
    ),
  );
  mkdirSync(dirname(PROBE_OOF_FILE), { recursive: true });
  writeFileSync(
    PROBE_OOF_FILE,
    JSON.stringify(Object.fromEntries(rows.map((r, n) => [r.key, withVectors.vectorPart[n]]))),
  );
  console.log(`wrote ${PROBE_OOF_FILE}`);
  if (!values.write) return;

  const { x, d, dv, mean, sd } = design(rows, true);
  const model = fitLogisticDense(
    x,
    Uint8Array.from(rows, (r) => r.y),
    d,
    RIDGE,
  );
  // Fold the standardisation into the shipped weights: w·(v − mean)/sd = (w/sd)·v − Σ w·mean/sd.
  const weights = model.weights.slice(0, dv).map((w, i) => w / sd[i]!);
  const offset = -model.weights.slice(0, dv).reduce((s, w, i) => s + (w * mean[i]!) / sd[i]!, 0);
  const sha = createHash('sha256')
    .update(readFileSync(dataFile(PAIRS)))
    .digest('hex');
  const file = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../src/core/contradiction-probe-weights.ts',
  );
  const round = (v: number) => Number(v.toPrecision(6));
  writeFileSync(
    file,
    `/**
 * The contradiction probe's read-out (src/core/contradiction-probe.ts): weights of the two
 * vectors' element-wise product (first half) and absolute difference (second half). Written by
 * \`npx tsx bench/quality/train-probe.ts --write\` from the ChatProtect development pairs whose
 * sha256 is below; do not edit by hand.
 */
export const CONTRADICTION_PROBE = {
  embedderId: ${JSON.stringify(embedderId)},
  data: { ${JSON.stringify(PAIRS)}: ${JSON.stringify(sha)} },
  offset: ${round(offset)},
  weights: [${weights.map(round).join(', ')}] as readonly number[],
} as const;
`,
  );
  execFileSync('npx', ['prettier', '--write', file], { stdio: 'inherit' });
  console.log(`wrote ${file}`);
}

await main();
