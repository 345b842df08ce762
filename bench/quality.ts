/**
 * `npm run bench:quality [-- --only wikibio,esc] [--limit N] [--samples 5,20] [--cache]`: measures the analysis on
 * the development splits in ../shared/data (or $CROSSCHECK_DATA) and prints each table beside
 * the published rows. `--cache` keeps embeddings in .cache/ between runs (for tuning);
 * `CROSSCHECK_PARAMS='{"semanticWeight":0.4}'` overrides scoring parameters for an experiment.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ScoringParams } from '../src/core/params.ts';
import { resolveParams } from '../src/core/params.ts';
import { loadEmbedder } from '../src/cli/load-embedder.ts';
import type { BenchContext } from './quality/context.ts';
import { dataDir } from './quality/data.ts';
import { memoEmbedder } from './quality/memo-embedder.ts';
import { runChatProtect } from './quality/chatprotect.ts';
import { runEsc } from './quality/esc.ts';
import { runSummEdits } from './quality/summedits.ts';
import { runWikiBio } from './quality/wikibio.ts';

const SECTIONS = ['wikibio', 'chatprotect', 'summedits', 'esc'] as const;
type Section = (typeof SECTIONS)[number];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      limit: { type: 'string' },
      cache: { type: 'boolean', default: false },
      samples: { type: 'string' },
    },
  });
  const only = (values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
  for (const s of only) {
    if (!SECTIONS.includes(s as Section)) {
      throw new Error(`--only takes ${SECTIONS.join(', ')}; got "${s}"`);
    }
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new Error(`--limit must be a positive integer, got "${values.limit}"`);
  }
  if (!existsSync(dataDir())) {
    throw new Error(
      `Evaluation data not found at ${dataDir()}. Set CROSSCHECK_DATA to the data folder.`,
    );
  }
  const sampleCounts = values.samples?.split(',').map(Number);
  if (sampleCounts?.some((n) => !(Number.isInteger(n) && n > 0))) {
    throw new Error(
      `--samples takes positive integers separated by commas, got "${values.samples}"`,
    );
  }
  const params = JSON.parse(process.env.CROSSCHECK_PARAMS ?? '{}') as Partial<ScoringParams>;
  resolveParams(params);

  const inner = await loadEmbedder();
  const embedder = memoEmbedder(
    inner,
    values.cache ? `.cache/bench-embeddings-${inner.id.replace(/[^\w.-]/g, '_')}.bin` : undefined,
  );
  const log = (line: string) => console.error(`[bench:quality] ${line}`);
  const ctx: BenchContext = { embedder, params, limit, log };
  log(
    `data: ${dataDir()}; embedder: ${inner.id}; params: ${JSON.stringify(resolveParams(params))}`,
  );

  const t0 = performance.now();
  try {
    for (const section of only as Section[]) {
      const text =
        section === 'wikibio'
          ? await runWikiBio(ctx, sampleCounts ?? [5, 20])
          : section === 'chatprotect'
            ? await runChatProtect(ctx)
            : section === 'summedits'
              ? await runSummEdits(ctx)
              : await runEsc(ctx, sampleCounts ?? [5, 40]);
      console.log(`\n${text}\n`);
    }
  } finally {
    embedder.save();
  }
  log(
    `done in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `${embedder.embeddedTexts} texts embedded in ${(embedder.inferenceMs / 1000).toFixed(1)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`[bench:quality] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
