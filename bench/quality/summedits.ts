/**
 * SummEdits: each edited or paraphrased `summary` is analysed as the answer with the
 * `original_summary` as the single sample. A pair is flagged when any of its sentences is; its
 * type is that of its highest-scoring flagged sentence. Type accuracy is over the flagged
 * inconsistent pairs whose edit type is given: entity modification → entity or number, antonym
 * swap or negation → contradiction, hallucinated fact insertion → unsupported.
 */
import { analyzeRecord } from '../../src/cli/score-record.ts';
import { type BenchContext, pct, table, take } from './context.ts';
import { readJsonlGz } from './data.ts';

interface Pair {
  domain: string;
  original_summary: string;
  summary: string;
  label: number;
  edit_types: string[];
}

const EXPECTED: Record<string, readonly string[]> = {
  entity_modification: ['entity', 'number'],
  antonym_swap: ['contradiction'],
  negation_insertion_removal: ['contradiction'],
  hallucinated_fact_insertion: ['unsupported'],
};

export async function runSummEdits(ctx: BenchContext): Promise<string> {
  const pairs = take(readJsonlGz<Pair>('summedits/summedits-dev.jsonl.gz'), ctx.limit);
  const stats = { inconsistent: 0, inconsistentFlagged: 0, consistent: 0, consistentFlagged: 0 };
  const typed = new Map<string, { flagged: number; right: number; total: number }>();
  // Per pair: its type is right when it matches what any of its edits expects.
  let pairsTyped = 0;
  let pairsTypedRight = 0;
  const t0 = performance.now();
  for (const [i, p] of pairs.entries()) {
    const report = await analyzeRecord(
      { id: i, answer: p.summary, samples: [p.original_summary] },
      ctx.embedder,
      undefined,
      { params: ctx.params },
    );
    const flagged = report.sentences.filter((s) => s.flagged).sort((a, b) => b.score - a.score);
    const isFlagged = flagged.length > 0;
    if (p.label === 1) {
      stats.consistent++;
      if (isFlagged) stats.consistentFlagged++;
      continue;
    }
    stats.inconsistent++;
    if (isFlagged) stats.inconsistentFlagged++;
    const expectedAny = p.edit_types.flatMap((e) => EXPECTED[e] ?? []);
    if (isFlagged && expectedAny.length > 0) {
      pairsTyped++;
      if (expectedAny.includes(flagged[0]!.type ?? '')) pairsTypedRight++;
    }
    for (const edit of p.edit_types) {
      const expected = EXPECTED[edit];
      if (!expected) continue;
      const t = typed.get(edit) ?? { flagged: 0, right: 0, total: 0 };
      t.total++;
      if (isFlagged) {
        t.flagged++;
        if (expected.includes(flagged[0]!.type ?? '')) t.right++;
      }
      typed.set(edit, t);
    }
  }
  ctx.log(`summedits: ${pairs.length} pairs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const typeRows = [...typed.entries()].map(([edit, t]) => {
    return [
      `  ${edit} (${EXPECTED[edit]!.join('/')})`,
      String(t.total),
      pct(t.flagged / t.total),
      pct(t.right / t.flagged),
    ];
  });
  return table(
    ['SummEdits (dev: news, podcast, sales_call, samsum)', 'pairs', 'flagged %', 'type right %'],
    [
      ['target', '', '≥ 80 / ≤ 15', '≥ 85'],
      [
        'inconsistent pairs (label 0)',
        String(stats.inconsistent),
        pct(stats.inconsistentFlagged / stats.inconsistent),
        '',
      ],
      [
        'consistent pairs (label 1)',
        String(stats.consistent),
        pct(stats.consistentFlagged / stats.consistent),
        '',
      ],
      [
        'flagged inconsistent pairs with an edit type',
        String(pairsTyped),
        '',
        pct(pairsTypedRight / pairsTyped),
      ],
      ['  by edit type (a pair counts under each of its edits):', '', '', ''],
      ...typeRows,
    ],
  );
}
