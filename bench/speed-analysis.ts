/**
 * Time to analyse one answer of ~300 words against five samples of ~300 words, and the share of
 * that time spent in model inference (the rest is segmentation, lexical features, alignment,
 * scoring and consensus). `measureAnalysisSpeed` is called by bench/speed.ts; run this file alone
 * with `npx tsx bench/speed-analysis.ts [--runs N]`.
 *
 * Every run uses texts with fresh numbers so no embedding cache can answer for the model.
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadEmbedder } from '../src/cli/load-embedder.ts';
import { analyze } from '../src/core/analysis.ts';
import type { Embedder } from '../src/core/embedder.ts';

export interface AnalysisSpeed {
  embedder: string;
  runs: number;
  words: { answer: number; sample: number };
  /** Median over runs, in ms. */
  totalMs: number;
  inferenceMs: number;
  /** inferenceMs / totalMs. */
  inferenceShare: number;
}

const TEMPLATES = [
  'The city of Vellmar was founded in {y} by merchants travelling along the old river road.',
  'By {y} its population had grown to about {n} thousand people, most of them farmers and traders.',
  'The town hall, completed in {y}, still stands on the main square beside the cathedral.',
  'In the {y}s a railway line connected Vellmar with the coast, cutting the journey to {n} hours.',
  'The local university opened in {y} and today teaches roughly {n} thousand students.',
  'Vellmar is known for its textile industry, which employed {n} percent of workers at its peak.',
  'A great fire in {y} destroyed much of the old quarter, which was rebuilt in stone.',
  'The river Aller floods the lower town every few years, most severely in {y}.',
  'Its football club won the national championship in {y} under coach Martin Keller.',
  'The annual wine festival, first held in {y}, draws around {n} thousand visitors each autumn.',
  'During the war the city lost {n} percent of its buildings, and reconstruction lasted until {y}.',
  'The botanical garden, laid out in {y}, holds more than {n} hundred species of alpine plants.',
  'Since {y} the city has been twinned with Sainte-Marie on the French coast.',
  'The mayor elected in {y}, Anna Roth, pushed for a new tram network of {n} kilometres.',
  'Tourism grew after {y}, when the medieval walls were restored and opened to visitors.',
  'The regional museum holds {n} thousand objects, including a bronze age hoard found in {y}.',
  'Local newspapers first appeared in {y}, and by the end of that century there were {n} of them.',
  'The harbour on the river was enlarged in {y} so that barges of up to {n} tonnes could dock.',
  'A new hospital with {n} beds opened in {y}, replacing the old infirmary near the market.',
  'The city council has {n} members, elected every five years since the reform of {y}.',
];

/** A ~300-word text whose numbers depend on `seed`, so each run is new to any cache. */
export function syntheticText(seed: number): string {
  return TEMPLATES.map((t, i) =>
    t
      .replace('{y}', String(1500 + ((seed * 37 + i * 53) % 500)))
      .replace('{n}', String(2 + ((seed * 11 + i * 7) % 90))),
  ).join(' ');
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

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

export async function measureAnalysisSpeed(
  options: { embedder?: Embedder; runs?: number } = {},
): Promise<AnalysisSpeed> {
  const runs = options.runs ?? 5;
  const embedder = timed(options.embedder ?? (await loadEmbedder()));
  // One warm-up run: model loading and JIT are not part of analysing an answer.
  await analyze(
    syntheticText(10_000),
    [1, 2, 3, 4, 5].map((k) => syntheticText(10_000 + k)),
    embedder,
  );
  const totals: number[] = [];
  const inference: number[] = [];
  for (let r = 0; r < runs; r++) {
    const seed = r * 10;
    embedder.ms = 0;
    const t0 = performance.now();
    await analyze(
      syntheticText(seed),
      [1, 2, 3, 4, 5].map((k) => syntheticText(seed + k)),
      embedder,
    );
    totals.push(performance.now() - t0);
    inference.push(embedder.ms);
  }
  const totalMs = median(totals);
  const inferenceMs = median(inference);
  return {
    embedder: embedder.id,
    runs,
    words: { answer: words(syntheticText(0)), sample: words(syntheticText(1)) },
    totalMs,
    inferenceMs,
    inferenceShare: inferenceMs / totalMs,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const s = await measureAnalysisSpeed({ runs });
  console.log(
    `Analysis of 1 answer (${s.words.answer} words) + 5 samples (~${s.words.sample} words), ` +
      `${s.embedder}, median of ${s.runs} runs:\n` +
      `  total ${s.totalMs.toFixed(0)} ms, model inference ${s.inferenceMs.toFixed(0)} ms ` +
      `(${(100 * s.inferenceShare).toFixed(0)}%), analysis ${(s.totalMs - s.inferenceMs).toFixed(0)} ms`,
  );
}
