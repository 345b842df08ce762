/**
 * Speed of the bundled embedding model in Node (onnxruntime-node, one thread, as configured for
 * the extension): cold load time and time per sentence for batches of 1 and 32. Prints figures;
 * asserts nothing. `bench/speed.ts` calls `benchEmbeddingSpeed`; run alone with
 * `npx tsx bench/speed-embedding.ts [--models-dir DIR] [--rounds N]`.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface EmbeddingSpeedOptions {
  /** Folder holding use-lite/ (defaults to public/models). */
  modelsDir?: string;
  /** Timed repetitions per batch size; the median is reported. */
  rounds?: number;
  log?: (line: string) => void;
}

export interface EmbeddingSpeedResult {
  embedderId: string;
  /**
   * Importing transformers.js + onnxruntime-node (0 if something else in the process imported
   * them already).
   */
  importMs: number;
  /** Creating the embedder and loading tokenizer + ONNX session, first time in this process. */
  coldLoadMs: number;
  /** Median milliseconds per sentence when each call embeds one sentence. */
  perSentenceBatch1Ms: number;
  /** Median milliseconds per sentence when each call embeds 32 sentences. */
  perSentenceBatch32Ms: number;
  /** Fastest round of each, the better estimate on a machine shared with other work. */
  bestBatch1Ms: number;
  bestBatch32Ms: number;
  /** Mean tokens per benchmark sentence (the cost grows with length). */
  meanWords: number;
}

const SUBJECTS = [
  'The committee',
  'Marie Curie',
  'The new bridge',
  'Our team',
  'The river',
  'A small startup',
  'The treaty',
  'This algorithm',
];
const VERBS = [
  'was completed in',
  'announced results in',
  'was founded in',
  'changed course in',
  'doubled its output in',
  'was signed in',
];
const TAILS = [
  'after years of careful planning and several costly delays.',
  'according to records kept by the city archive.',
  'although some historians still dispute the exact date.',
  'which surprised most of the observers at the time.',
  'and the effects are still visible today in many places.',
];

/** Distinct, realistic answer-like sentences (14–22 words), deterministic. */
export function benchmarkSentences(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const year = 1800 + ((i * 37) % 220);
    out.push(
      `${SUBJECTS[i % SUBJECTS.length]} ${VERBS[(i >> 3) % VERBS.length]} ${year}, ${TAILS[i % TAILS.length]}`,
    );
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchEmbeddingSpeed(
  options: EmbeddingSpeedOptions = {},
): Promise<EmbeddingSpeedResult> {
  const log = options.log ?? console.log;
  const rounds = options.rounds ?? 7;
  const sentences = benchmarkSentences(32 * rounds + 32 * rounds);

  const importStart = performance.now();
  const { createNodeEmbedder } = await import('../src/embedding/node-embedder.ts');
  const importMs = performance.now() - importStart;

  const loadStart = performance.now();
  // The cache is off so every timed sentence really goes through the model.
  const embedder = createNodeEmbedder({
    cacheSize: 0,
    ...(options.modelsDir ? { modelsDir: options.modelsDir } : {}),
  });
  await embedder.load();
  const coldLoadMs = performance.now() - loadStart;

  // Warm-up call, so the first timed call does not pay for one-off allocations.
  await embedder.embed(sentences.slice(0, 4));

  let next = 0;
  const batch1: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let i = 0; i < 32; i++) await embedder.embed([sentences[next++]!]);
    batch1.push((performance.now() - start) / 32);
  }
  const batch32: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const chunk = sentences.slice(next, next + 32);
    next += 32;
    const start = performance.now();
    await embedder.embed(chunk);
    batch32.push((performance.now() - start) / 32);
  }
  await embedder.dispose();

  const result: EmbeddingSpeedResult = {
    embedderId: embedder.id,
    importMs,
    coldLoadMs,
    perSentenceBatch1Ms: median(batch1),
    perSentenceBatch32Ms: median(batch32),
    bestBatch1Ms: Math.min(...batch1),
    bestBatch32Ms: Math.min(...batch32),
    meanWords: sentences.reduce((n, s) => n + s.split(' ').length, 0) / sentences.length,
  };
  log(
    `embedding speed (${result.embedderId}, Node, 1 thread, ${rounds} rounds, ~${result.meanWords.toFixed(0)} words/sentence)`,
  );
  log(`  import (transformers.js + onnxruntime-node): ${result.importMs.toFixed(0)} ms`);
  log(`  cold load (tokenizer + ONNX session): ${result.coldLoadMs.toFixed(0)} ms`);
  log(
    `  batch of 1:  ${result.perSentenceBatch1Ms.toFixed(2)} ms/sentence (median; best round ${result.bestBatch1Ms.toFixed(2)})`,
  );
  log(
    `  batch of 32: ${result.perSentenceBatch32Ms.toFixed(2)} ms/sentence (median; best round ${result.bestBatch32Ms.toFixed(2)})`,
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { 'models-dir': { type: 'string' }, rounds: { type: 'string' } },
  });
  await benchEmbeddingSpeed({
    ...(values['models-dir'] ? { modelsDir: values['models-dir'] } : {}),
    ...(values.rounds ? { rounds: Number(values.rounds) } : {}),
  });
}
