/**
 * How the analysis grows with text length: one answer and five samples at 1× (~300 words each)
 * and at 10× (~3,000 words each), driven as the background drives it (samples added as they
 * arrive, then the report read in slices). Prints the median time per size and the part that is
 * model inference, the time of the analysis alone (the same texts again, vectors remembered),
 * the 10×/1× ratios, and the longest stretch the analysis alone blocked the event loop (the
 * largest gap between two turns of a timer), which is what would freeze the service worker.
 * `measureScaling` is called by bench/speed.ts; run this file alone with
 * `npx tsx bench/speed-scaling.ts [--runs N]`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createNodeEmbedder } from '../src/embedding/node-embedder.ts';
import { createAnalysis } from '../src/core/analysis.ts';
import { segment } from '../src/core/segment.ts';
import type { Embedder } from '../src/core/embedder.ts';
import { memoEmbedder } from './quality/memo-embedder.ts';
import { syntheticText } from './speed-analysis.ts';

export interface ScalingRow {
  scale: number;
  words: number;
  sentences: number;
  /** Medians over runs, in ms: the whole analysis, and the model inference within it. */
  totalMs: number;
  inferenceMs: number;
  /** Distinct sentences the model embedded per run (the texts repeat some), median. */
  embedded: number;
  /** Median of the same analysis with every vector already computed: the analysis alone. */
  analysisMs: number;
  /** Longest event-loop block during those analyses alone, over all runs, in ms. */
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

/**
 * Times the wrapped embedder's busy time: calls may overlap (samples are embedded as they are
 * added), so summing each call's duration would count the same wait several times.
 */
function busyTimer(inner: Embedder): Embedder & { busyMs: number } {
  let active = 0;
  let since = 0;
  const timer = {
    id: inner.id,
    dimensions: inner.dimensions,
    busyMs: 0,
    async embed(texts: readonly string[], signal?: { readonly aborted: boolean }) {
      if (active++ === 0) since = performance.now();
      try {
        return await inner.embed(texts, signal);
      } finally {
        if (--active === 0) timer.busyMs += performance.now() - since;
      }
    },
  };
  return timer;
}

/**
 * Watches the event loop with a timer that re-arms itself at once: the longest gap between two
 * of its turns is the longest stretch during which nothing else could run.
 */
function blockWatch(): { stop(): Promise<number> } {
  let last = performance.now();
  let longest = 0;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    timer = setTimeout(tick, 0);
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      // One more turn, so a block at the very end is counted too. The pending tick is cleared
      // rather than run: running it would schedule another, and the chain kept the process alive.
      await new Promise((resolve) => setTimeout(resolve, 0));
      clearTimeout(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** One analysis as the background runs it; returns its time in ms. */
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
  // Without the embedder's own cache: the synthetic texts repeat sentences across runs, and
  // vectors remembered from an earlier run would make the short texts look cheaper per sentence.
  const model = options.embedder ?? createNodeEmbedder({ cacheSize: 0 });
  // Warm-up: model loading and JIT are not part of analysing an answer.
  await runOnce(model, 900, 1);
  const rows: ScalingRow[] = [];
  for (const scale of options.scales ?? [1, 10]) {
    const totals: number[] = [];
    const inference: number[] = [];
    const embedded: number[] = [];
    const alone: number[] = [];
    let longestBlockMs = 0;
    for (let r = 0; r < runs; r++) {
      const seed = 100 * (r + 1) + scale;
      // First with the model, then the same texts again with every vector remembered: in the
      // extension the model runs in another document, so only the analysis blocks the worker.
      const busy = busyTimer(model);
      const memo = memoEmbedder(busy);
      totals.push(await runOnce(memo, seed, scale));
      inference.push(busy.busyMs);
      embedded.push(memo.embeddedTexts);
      const blocks = blockWatch();
      alone.push(await runOnce(memo, seed, scale));
      longestBlockMs = Math.max(longestBlockMs, await blocks.stop());
    }
    const text = longText(0, scale);
    rows.push({
      scale,
      words: text.split(/\s+/).filter(Boolean).length,
      sentences: segment(text).filter((x) => x.judged).length,
      totalMs: median(totals),
      inferenceMs: median(inference),
      embedded: median(embedded),
      analysisMs: median(alone),
      longestBlockMs,
    });
  }
  return { embedder: model.id, runs, rows };
}

export function printScaling(s: Scaling): void {
  console.log(
    `1 answer + ${SAMPLES} samples of the same length, ${s.embedder}, median of ${s.runs} runs:`,
  );
  for (const r of s.rows) {
    console.log(
      `  ${`${r.scale}×`.padEnd(4)} (${r.words} words, ${r.sentences} sentences each): ` +
        `total ${r.totalMs.toFixed(0)} ms, of which model inference ${r.inferenceMs.toFixed(0)} ms ` +
        `(${r.embedded} distinct sentences, ${(r.inferenceMs / Math.max(1, r.embedded)).toFixed(2)} ms each); ` +
        `analysis alone ${r.analysisMs.toFixed(0)} ms, longest block ${r.longestBlockMs.toFixed(1)} ms`,
    );
  }
  const [base, ...larger] = s.rows;
  for (const r of base ? larger : []) {
    console.log(
      `  ${r.scale}×/${base!.scale}× time: total ${(r.totalMs / base!.totalMs).toFixed(1)}×, ` +
        `analysis alone ${(r.analysisMs / base!.analysisMs).toFixed(1)}×`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  printScaling(await measureScaling({ runs }));
}
