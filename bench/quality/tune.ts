/**
 * Tuning aid: evaluates several parameter overrides in one process, reusing the embeddings
 * cached by `npm run bench:quality -- --cache`. Usage:
 *   npx tsx bench/quality/tune.ts SAMPLES '{"semanticWeight":0.3}' '{"idfStrength":2}' ...
 *   npx tsx bench/quality/tune.ts chatprotect|summedits '{"threshold":0.6}' ...
 * Prints WikiBio figures (one line per override) or the section's table. Keep the defaults few and principled: the
 * independent check runs on other parts of the same sets.
 */
import { loadEmbedder } from '../../src/cli/load-embedder.ts';
import type { ScoringParams } from '../../src/core/params.ts';
import { pct, take } from './context.ts';
import { readJsonGz } from './data.ts';
import { memoEmbedder } from './memo-embedder.ts';
import { runChatProtect } from './chatprotect.ts';
import { runSummEdits } from './summedits.ts';
import { wikibioFigures, type WikiBioRecord } from './wikibio.ts';

const [samplesArg, ...configs] = process.argv.slice(2);
const section = samplesArg === 'chatprotect' || samplesArg === 'summedits' ? samplesArg : null;
const samples = Number(samplesArg ?? '5');
const inner = await loadEmbedder();
const embedder = memoEmbedder(
  inner,
  `.cache/bench-embeddings-${inner.id.replace(/[^\w.-]/g, '_')}.bin`,
);
const records = take(readJsonGz<WikiBioRecord[]>('wikibio/wikibio-dev.json.gz'), undefined);
for (const config of configs.length > 0 ? configs : ['{}']) {
  const params = JSON.parse(config) as Partial<ScoringParams>;
  if (section) {
    const ctx = { embedder, params, limit: undefined, log: () => {} };
    console.log(config);
    console.log(section === 'chatprotect' ? await runChatProtect(ctx) : await runSummEdits(ctx));
    continue;
  }
  const f = await wikibioFigures(records, samples, {
    embedder,
    params,
    limit: undefined,
    log: () => {},
  });
  console.log(
    [pct(f.nonFact), pct(f.nonFactStar), pct(f.factual), pct(f.pearson), pct(f.spearman)].join(
      ' ',
    ) + `  ${config}`,
  );
}
