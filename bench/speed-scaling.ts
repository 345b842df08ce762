/**
 * How the analysis grows with text length: one answer and five samples at 1× (~300 words each)
 * and at 10× (~3,000 words each), driven as the background drives it (samples added as they
 * arrive, then the report read in slices). Prints the median time per size, the share that is
 * model inference, the 10×/1× ratio, and the longest stretch the event loop was blocked (the
 * largest event-loop delay seen), which is what would freeze the worker or offscreen document.
 * `measureScaling` is called by bench/speed.ts; run this file alone with
 * `npx tsx bench/speed-scaling.ts [--runs N]`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEmbedder } from '../src/cli/load-embedder.ts';
import { createAnalysis } from '../src/core/analysis.ts';
import { segment } from '../src/core/segment.ts';
import type { Embedder } from '../src/embedding/embedder.ts';
import { syntheticText } from './speed-analysis.ts';

export interface ScalingRow {
  scale: number;
  words: number;
  sentences: number;
  /** Medians over runs, in ms. */
  totalMs: number;
  inferenceMs: number;
  /** Largest event-loop delay over all runs, in ms. */
  longestBlockMs: number;
}

export interface Scaling {
  embedder: string;
  runs: number;
  rows: ScalingRow[];
}

const SAMPLES = 5;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/** `scale` synthetic texts of ~300 words each, one after the other; fresh numbers per seed. */
function longText(seed: number, scale: number): string {
  return Array.from({ length: scale }, (_, k) => syntheticText(seed * 1000 + k * 17)).join('\n\n');
}

function timed(inner: Embedder): Embedder & { ms: number } {
  const wrapper = {
    id: inner.id,
    dimensions: inner.dimensions,
    ms: 0,
    async embed(texts: readonly string[], signal?: { readonly aborted: boolean }) {
      const t0 = performance.now();
      try {
        return await inner.embed(texts, signal);
      } finally {
        wrapper.ms += performance.now() - t0;
      }
    },
  };
  return wrapper;
}

async function runOnce(embedder: Embedder, seed: number, scale: number): Promise<number> {
  const t0 = performance.now();
  const analysis = await createAnalysis(longText(seed, scale), embedder);
  const pending = Array.from({ length: SAMPLES }, (_, k) =>
    analysis.addSample(longText(seed + k + 1, scale)),
  );
  await Promise.all(pending);
  const report = await analysis.reportInSlices();
  if (report.sentences.length === 0) throw new Error('The synthetic answer has no sentences');
  return performance.now() - t0;
}

export async function measureScaling(
  options: { runs?: number; scales?: number[]; embedder?: Embedder } = {},
): Promise<Scaling> {
  const runs = options.runs ?? 3;
  const embedder = timed(options.embedder ?? (await loadEmbedder()));
  // Warm-up: model loading and JIT are not part of analysing an answer.
  await runOnce(embedder, 900, 1);
  const rows: ScalingRow[] = [];
  for (const scale of options.scales ?? [1, 10]) {
    const totals: number[] = [];
    const inference: number[] = [];
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    for (let r = 0; r < runs; r++) {
      embedder.ms = 0;
      totals.push(await runOnce(embedder, 100 * (r + 1) + scale, scale));
      inference.push(embedder.ms);
    }
    delay.disable();
    const text = longText(0, scale);
    rows.push({
      scale,
      words: text.split(/\s+/).filter(Boolean).length,
      sentences: segment(text).filter((x) => x.judged).length,
      totalMs: median(totals),
      inferenceMs: median(inference),
      longestBlockMs: delay.max / 1e6,
    });
  }
  return { embedder: embedder.id, runs, rows };
}

export function printScaling(s: Scaling): void {
  console.log(
    `1 answer + ${SAMPLES} samples of the same length, ${s.embedder}, median of ${s.runs} runs:`,
  );
  for (const r of s.rows) {
    console.log(
      `  ${`${r.scale}×`.padEnd(4)} (${r.words} words, ${r.sentences} sentences each): ` +
        `total ${r.totalMs.toFixed(0)} ms = inference ${r.inferenceMs.toFixed(0)} ms + ` +
        `the rest ${(r.totalMs - r.inferenceMs).toFixed(0)} ms; ` +
        `longest block ${r.longestBlockMs.toFixed(1)} ms`,
    );
  }
  const [base, ...larger] = s.rows;
  for (const r of base ? larger : []) {
    console.log(
      `  ${r.scale}×/${base!.scale}× time: total ${(r.totalMs / base!.totalMs).toFixed(1)}×, ` +
        `without inference ${((r.totalMs - r.inferenceMs) / (base!.totalMs - base!.inferenceMs)).toFixed(1)}×`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  printScaling(await measureScaling({ runs }));
}
