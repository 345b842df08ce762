/**
 * Trains the severity model (src/core/severity.ts) on the development splits and validates it by
 * 5-fold cross-validation grouped by passage or pair, so every figure printed is on data the
 * model did not see. Usage:
 *   npx tsx bench/quality/train-severity.ts            # cross-validated figures only
 *   npx tsx bench/quality/train-severity.ts --write    # also refit on all rows, write weights
 * Rows: WikiBio sentences with 5 and with 20 samples (label: minor or major inaccurate),
 * ChatProtect pairs (label: strong) and the SummEdits summary sentences (label: the pair is
 * inconsistent and the sentence differs from the original; a sentence copied verbatim is right).
 * Each set, and each label within it, weighs the same in the fit (see fit). The sensitivity
 * thresholds are set from the out-of-fold severities: "balanced" is the lowest severity at which
 * at most 13% of WikiBio's accurate sentences (5 samples) are flagged, "fewer" 6%, "more" 25%,
 * and the faint "uncertain" level from 40%; the one-sample regime is shifted so that balanced
 * also flags at most 13% of SummEdits' consistent pairs (see singleOffset). The weights file
 * records the data files' sha256.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyzeRecord } from '../../src/cli/score-record.ts';
import { loadEmbedder } from '../../src/cli/load-embedder.ts';
import { conflictType, SEVERITY_FEATURES, severityFeatures } from '../../src/core/severity.ts';
import type { AnalysisReport, Sensitivity } from '../../src/core/types.ts';
import { pct, table } from './context.ts';
import { dataFile, readJsonGz, readJsonlGz } from './data.ts';
import { fitLogistic, predict, type LogisticModel } from './logistic.ts';
import { aucPr, classification } from './metrics.ts';
import { memoEmbedder } from './memo-embedder.ts';
import type { WikiBioRecord } from './wikibio.ts';

type SetName = 'wikibio5' | 'wikibio20' | 'chatprotect' | 'summedits';

interface Item {
  set: SetName;
  /** Passage or pair index: rows of one group stay in one fold. */
  group: number;
  x: number[];
  y: 0 | 1;
  /** Whether the row is fitted on (SummEdits sentences copied verbatim are only predicted). */
  train: boolean;
  /** SummEdits: the pair's label (1 = inconsistent), for the pair figures. */
  pairY?: 0 | 1;
  /** WikiBio label, for the major / accurate figures. */
  annotation?: string;
  /** The finding's conflict type is contradiction, number or entity (ChatProtect's hit). */
  conflictTyped: boolean;
}

const FILES = {
  wikibio: 'wikibio/wikibio-dev.json.gz',
  chatprotect: 'chatprotect/pairs-dev.jsonl.gz',
  summedits: 'summedits/summedits-dev.jsonl.gz',
} as const;
const FOLDS = 5;
const RIDGE = 1e-3;
const FALSE_FLAG_LIMITS: Record<Sensitivity | 'uncertain', number> = {
  fewer: 0.06,
  balanced: 0.13,
  more: 0.25,
  uncertain: 0.4,
};
const CONFLICTS = new Set(['contradiction', 'number', 'entity']);

function itemsOf(report: AnalysisReport, base: Omit<Item, 'x' | 'conflictTyped'>[]): Item[] {
  const answerScore =
    report.sentences.reduce((s, f) => s + f.score, 0) / Math.max(1, report.sentences.length);
  return report.sentences.map((f, i) => ({
    ...base[i]!,
    x: severityFeatures(f, answerScore),
    conflictTyped: CONFLICTS.has(conflictType(f) ?? ''),
  }));
}

async function collect(): Promise<Item[]> {
  const inner = await loadEmbedder();
  const embedder = memoEmbedder(
    inner,
    `.cache/bench-embeddings-${inner.id.replace(/[^\w.-]/g, '_')}.bin`,
  );
  const items: Item[] = [];
  try {
    const wikibio = readJsonGz<WikiBioRecord[]>(FILES.wikibio);
    for (const samples of [5, 20] as const) {
      for (const [g, r] of wikibio.entries()) {
        const report = await analyzeRecord(
          { id: g, answer: r.gpt3_text, sentences: r.gpt3_sentences, samples: r.gpt3_text_samples },
          embedder,
          samples,
        );
        items.push(
          ...itemsOf(
            report,
            r.annotation.map((a) => ({
              set: `wikibio${samples}` as const,
              group: g,
              y: a === 'accurate' ? 0 : 1,
              train: true,
              annotation: a,
            })),
          ),
        );
      }
    }
    const pairs = readJsonlGz<{ orig: string; alt: string; tag: string }>(FILES.chatprotect);
    for (const [g, p] of pairs.entries()) {
      const report = await analyzeRecord(
        { id: g, answer: p.orig, sentences: [p.orig], samples: [p.alt] },
        embedder,
      );
      const y = p.tag === 'strong' ? 1 : 0;
      items.push(...itemsOf(report, [{ set: 'chatprotect', group: g, y, train: true }]));
    }
    const edits = readJsonlGz<{ original_summary: string; summary: string; label: number }>(
      FILES.summedits,
    );
    for (const [g, p] of edits.entries()) {
      const report = await analyzeRecord(
        { id: g, answer: p.summary, samples: [p.original_summary] },
        embedder,
      );
      const y = p.label === 0 ? 1 : 0;
      items.push(
        ...itemsOf(
          report,
          report.sentences.map((f) => ({
            set: 'summedits' as const,
            group: g,
            // A sentence copied verbatim from the original is right even in an edited summary.
            y: p.original_summary.includes(f.segment.text) ? 0 : y,
            pairY: y,
            train: true,
          })),
        ),
      );
    }
  } finally {
    embedder.save();
  }
  return items;
}

/**
 * Each set weighs the same, and within a set the wrong and the right sentences weigh half each:
 * the sets' shares of wrong sentences (72% on WikiBio, 15% on ChatProtect) say how the data was
 * collected, not how often a reader's answer is wrong, so severity is calibrated to an even prior.
 */
function fit(items: readonly Item[]): LogisticModel {
  const train = items.filter((i) => i.train);
  const count = new Map<string, number>();
  const key = (i: Item) => `${i.set}:${i.y}`;
  for (const i of train) count.set(key(i), (count.get(key(i)) ?? 0) + 1);
  return fitLogistic(
    train.map((i) => ({ x: i.x, y: i.y, w: train.length / count.size / count.get(key(i))! })),
    RIDGE,
  );
}

interface Figures {
  accurateFlagged: number;
  majorFlagged: number;
  summeditsConsistent: number;
  summeditsInconsistent: number;
  chatprotect: ReturnType<typeof classification>;
}

function figuresAt(items: readonly Item[], p: readonly number[], t: number): Figures {
  const idx = items.map((_, i) => i);
  const share = (sel: number[]) => sel.filter((i) => p[i]! >= t).length / sel.length;
  const wiki = idx.filter((i) => items[i]!.set === 'wikibio5');
  const pairFlags = new Map<number, { y: number; flagged: boolean }>();
  for (const i of idx.filter((i) => items[i]!.set === 'summedits')) {
    const prev = pairFlags.get(items[i]!.group);
    pairFlags.set(items[i]!.group, {
      y: items[i]!.pairY ?? items[i]!.y,
      flagged: (prev?.flagged ?? false) || p[i]! >= t,
    });
  }
  const pairs = [...pairFlags.values()];
  const flaggedShare = (y: number) =>
    pairs.filter((q) => q.y === y && q.flagged).length / pairs.filter((q) => q.y === y).length;
  const chat = idx.filter((i) => items[i]!.set === 'chatprotect');
  return {
    accurateFlagged: share(wiki.filter((i) => items[i]!.annotation === 'accurate')),
    majorFlagged: share(wiki.filter((i) => items[i]!.annotation === 'major_inaccurate')),
    summeditsConsistent: flaggedShare(0),
    summeditsInconsistent: flaggedShare(1),
    chatprotect: classification(
      chat.map((i) => items[i]!.y === 1),
      chat.map((i) => p[i]! >= t && items[i]!.conflictTyped),
    ),
  };
}

const SINGLE = SEVERITY_FEATURES.indexOf('single');
const logit = (p: number) => Math.log(p / (1 - p));

/** The lowest severity, on a grid of 0.005, at which `bad` of the flags stays within `limit`. */
function lowestWithin(limit: number, bad: (f: Figures) => number, fig: (t: number) => Figures) {
  let t = 0.995;
  for (let k = 199; k >= 2; k--) {
    if (bad(fig(k / 200)) > limit) break;
    t = k / 200;
  }
  return t;
}

/**
 * One sample and several are different regimes, and the fit's even prior need not put them on
 * one scale: the same threshold flagged 12% of WikiBio's accurate sentences (several samples)
 * but 2% of SummEdits' consistent pairs (one sample). This is the shift of the one-sample logit
 * (added to the weight of 'single') that makes the balanced threshold flag the same share of
 * right answers in both regimes.
 */
function singleOffset(items: readonly Item[], p: readonly number[]): number {
  const fig = (t: number) => figuresAt(items, p, t);
  const limit = FALSE_FLAG_LIMITS.balanced;
  const multi = lowestWithin(limit, (f) => f.accurateFlagged, fig);
  const single = lowestWithin(limit, (f) => f.summeditsConsistent, fig);
  return logit(multi) - logit(single);
}

function shifted(items: readonly Item[], p: readonly number[], offset: number): number[] {
  return p.map((q, n) =>
    items[n]!.x[SINGLE] === 1 ? 1 / (1 + Math.exp(-(logit(q) + offset))) : q,
  );
}

/**
 * Thresholds from WikiBio's accurate sentences with 5 samples; after the shift the balanced one
 * also holds SummEdits' consistent pairs to the same share.
 */
function chooseThresholds(items: readonly Item[], p: readonly number[]) {
  const out = {} as Record<Sensitivity | 'uncertain', number>;
  for (const [s, limit] of Object.entries(FALSE_FLAG_LIMITS) as [keyof typeof out, number][]) {
    out[s] = lowestWithin(
      limit,
      (f) => f.accurateFlagged,
      (t) => figuresAt(items, p, t),
    );
  }
  return out;
}

function sha256(relative: string): string {
  return createHash('sha256')
    .update(readFileSync(dataFile(relative)))
    .digest('hex');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
  const items = await collect();
  const oofRaw = new Array<number>(items.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = fit(items.filter((i) => i.group % FOLDS !== k));
    items.forEach((i, n) => {
      if (i.group % FOLDS === k) oofRaw[n] = predict(model, i.x);
    });
  }
  const offset = singleOffset(items, oofRaw);
  const oof = shifted(items, oofRaw, offset);
  const { uncertain, ...thresholds } = chooseThresholds(items, oof);
  console.log(`one-sample logit shift: ${offset.toFixed(3)}`);
  const rows: string[][] = [];
  for (const set of ['wikibio5', 'wikibio20'] as const) {
    const sel = items.flatMap((i, n) => (i.set === set ? [n] : []));
    const labels = sel.map((n) => items[n]!.y === 1);
    rows.push([
      `${set}: NonFact AUC-PR, score / severity`,
      `${pct(
        aucPr(
          labels,
          sel.map((n) => items[n]!.x[0]!),
        ),
      )} / ${pct(
        aucPr(
          labels,
          sel.map((n) => oof[n]!),
        ),
      )}`,
    ]);
  }
  for (const [s, t] of Object.entries(thresholds)) {
    const f = figuresAt(items, oof, t);
    rows.push([
      `${s} (severity ≥ ${t}): WikiBio-5 major / accurate flagged`,
      `${pct(f.majorFlagged)} / ${pct(f.accurateFlagged)}`,
    ]);
    rows.push([
      `  SummEdits inconsistent / consistent flagged`,
      `${pct(f.summeditsInconsistent)} / ${pct(f.summeditsConsistent)}`,
    ]);
    rows.push([
      `  ChatProtect P / R / F1`,
      `${pct(f.chatprotect.precision)} / ${pct(f.chatprotect.recall)} / ${f.chatprotect.f1.toFixed(3)}`,
    ]);
  }
  console.log(table(['out-of-fold (5-fold CV)', 'figure'], rows));

  if (!values.write) return;
  const model = fit(items);
  model.weights[SINGLE]! += offset;
  const data = Object.fromEntries(Object.values(FILES).map((f) => [f, sha256(f)]));
  const file = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '../../src/core/severity-weights.ts',
  );
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  writeFileSync(
    file,
    `/**
 * Learned weights of the severity model (src/core/severity.ts), one per input that
 * SEVERITY_FEATURES names. Written by \`npx tsx bench/quality/train-severity.ts --write\` from the
 * development splits whose sha256 are below; do not edit by hand.
 */
export const SEVERITY_MODEL = ${JSON.stringify(
      {
        // Keyed by name, so the order lives in severity.ts alone.
        weights: Object.fromEntries(
          SEVERITY_FEATURES.map((name, i) => [name, round(model.weights[i]!)]),
        ),
        bias: round(model.bias),
        thresholds,
        uncertainFrom: uncertain,
        data,
      },
      null,
      2,
    )} as const;
`,
  );
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(`[train-severity] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
