/**
 * `npm run bench:speed`: every speed figure in one run, printed, never asserted.
 *   embedding  — model load and per-sentence time in Node, and in Chromium's offscreen document
 *   highlights — in Chromium, last sample arriving → highlights shown (~300 words, 4 samples)
 *   analysis   — 1 answer + 5 samples of ~300 words, and the share that is model inference
 *   scaling    — the same at 1× and 10× the length: time ratio and longest event-loop block
 *   sampling   — N = 1, 4, 10 samples against a local server answering after L ms
 *   content    — the content script's work per DOM mutation batch on a 200-turn page, and the
 *                content bundle's gzipped size
 * `--only=embedding,analysis,…` picks sections. The Chromium parts need `npm run build:test`
 * (and the bundle size `npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { runContentMutationBench } from './content-mutation.ts';
import { measureAnalysisSpeed } from './speed-analysis.ts';
import { measureScaling, printScaling } from './speed-scaling.ts';
import { benchEmbeddingSpeed } from './speed-embedding.ts';
import { benchOffscreenSpeed } from './speed-offscreen.ts';
import { benchHighlightSpeed } from './speed-highlights.ts';
import { benchSamplingSpeed } from './speed-sampling.ts';

const SECTIONS = ['embedding', 'highlights', 'analysis', 'scaling', 'sampling', 'content'] as const;
type Section = (typeof SECTIONS)[number];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const chosen = new Set<Section>(
  only
    ? (only.split(',').filter((s) => (SECTIONS as readonly string[]).includes(s)) as Section[])
    : SECTIONS,
);

function heading(title: string): void {
  console.log(`\n== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`);
}

if (chosen.has('embedding')) {
  heading('embedding model');
  await benchEmbeddingSpeed();
  console.log('');
  await benchOffscreenSpeed();
}

if (chosen.has('highlights')) {
  heading('end of a check in Chromium');
  await benchHighlightSpeed();
}

if (chosen.has('analysis')) {
  heading('analysis');
  const s = await measureAnalysisSpeed({ runs: 5 });
  console.log(
    `1 answer (${s.words.answer} words) + 5 samples (~${s.words.sample} words), ${s.embedder}, median of ${s.runs}:`,
  );
  console.log(
    `  total ${s.totalMs.toFixed(0)} ms = model inference ${s.inferenceMs.toFixed(0)} ms ` +
      `(${(100 * s.inferenceShare).toFixed(0)}%) + everything else ${(s.totalMs - s.inferenceMs).toFixed(0)} ms ` +
      `(${((100 * (s.totalMs - s.inferenceMs)) / s.inferenceMs).toFixed(0)}% on top of inference)`,
  );
}

if (chosen.has('scaling')) {
  heading('analysis scaling');
  printScaling(await measureScaling({ runs: 3 }));
}

if (chosen.has('sampling')) {
  heading('sampling');
  await benchSamplingSpeed({ latencyMs: 300, repeats: 3 });
}

if (chosen.has('content')) {
  heading('content script');
  const r = await runContentMutationBench(300);
  console.log(`${r.turns} turns, ${r.batches} mutation batches while an answer streams:`);
  console.log(
    `  longest freeze: ours ${r.longestOursMs.toFixed(1)} ms, longest task on the page ${r.longestTaskMs.toFixed(0)} ms (target ≤ 200 ms)`,
  );
  console.log(
    `  our work per batch ${r.perBatchMs.toFixed(3)} ms; observer callback mean ${r.callbackMeanMs.toFixed(3)} ms, ` +
      `p95 ${r.callbackP95Ms.toFixed(3)} ms; debounced check mean ${r.timerMeanMs.toFixed(2)} ms`,
  );
  const bundle = 'dist/chrome/src/content/index.js';
  if (existsSync(bundle)) {
    const raw = readFileSync(bundle);
    console.log(
      `  content bundle ${(raw.length / 1024).toFixed(1)} KB, gzipped ${(gzipSync(raw).length / 1024).toFixed(1)} KB (${bundle})`,
    );
  } else {
    console.log(`  content bundle: run npm run build first (${bundle} is missing)`);
  }
}
