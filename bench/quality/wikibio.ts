/**
 * WikiBio-GPT3 (SelfCheckGPT's Table 2): each passage's given `gpt3_sentences` are scored against
 * its first N stochastic samples through the `score` contract's code path, then NonFact /
 * NonFact* / Factual AUC-PR and passage-level Pearson / Spearman are computed as the paper does.
 */
import { analyzeRecord } from '../../src/cli/score-record.ts';
import { type BenchContext, pct, table, take } from './context.ts';
import { readJsonGz } from './data.ts';
import { aucPr, pearson, spearman } from './metrics.ts';

export interface WikiBioRecord {
  dataset_idx: number;
  gpt3_text: string;
  gpt3_sentences: string[];
  annotation: ('major_inaccurate' | 'minor_inaccurate' | 'accurate')[];
  gpt3_text_samples: string[];
}

const LABEL_VALUE = { major_inaccurate: 1, minor_inaccurate: 0.5, accurate: 0 } as const;

/** The paper's rows on all 238 passages with 20 samples. */
const PUBLISHED: readonly [string, string, string, string, string][] = [
  ['random', '72.96', '29.72', '27.04', '–'],
  ['SelfCheck-BERTScore', '81.96', '45.96', '44.23', '58.18'],
  ['SelfCheck-QA', '84.26', '40.06', '48.14', '61.07'],
  ['SelfCheck-Unigram (max)', '85.63', '41.04', '58.47', '64.71'],
  ['SelfCheck-NLI', '92.50', '45.17', '66.08', '74.14'],
  ['SelfCheck-Prompt (gpt-3.5)', '93.42', '53.19', '67.09', '78.32'],
];

export interface WikiBioFigures {
  samples: number;
  nonFact: number;
  nonFactStar: number;
  factual: number;
  pearson: number;
  spearman: number;
  /** NonFact AUC-PR of the calibrated severity instead of the score. */
  severityNonFact: number;
  /** Share of major-inaccurate and of accurate sentences flagged (what the page underlines). */
  majorFlagged: number;
  accurateFlagged: number;
  /** Omissions reported ("N samples say: …"), and in how many passages. */
  omissions: number;
  omissionPassages: number;
}

export async function wikibioFigures(
  records: readonly WikiBioRecord[],
  samples: number,
  ctx: BenchContext,
): Promise<WikiBioFigures> {
  const scores: number[] = [];
  const severities: number[] = [];
  const flags: boolean[] = [];
  const labels: WikiBioRecord['annotation'] = [];
  const starScores: number[] = [];
  const starMajor: boolean[] = [];
  const passageScore: number[] = [];
  const passageLabel: number[] = [];
  let omissions = 0;
  let omissionPassages = 0;
  for (const r of records) {
    const report = await analyzeRecord(
      {
        id: r.dataset_idx,
        answer: r.gpt3_text,
        sentences: r.gpt3_sentences,
        samples: r.gpt3_text_samples,
      },
      ctx.embedder,
      samples,
      { params: ctx.params },
    );
    omissions += report.omissions.length;
    if (report.omissions.length > 0) omissionPassages++;
    const s = report.sentences.map((f) => f.score);
    scores.push(...s);
    severities.push(...report.sentences.map((f) => f.severity ?? 0));
    flags.push(...report.sentences.map((f) => f.flagged));
    labels.push(...r.annotation);
    if (!r.annotation.every((a) => a === 'major_inaccurate')) {
      starScores.push(...s);
      starMajor.push(...r.annotation.map((a) => a === 'major_inaccurate'));
    }
    passageScore.push(s.reduce((a, b) => a + b, 0) / s.length);
    passageLabel.push(r.annotation.reduce((a, l) => a + LABEL_VALUE[l], 0) / r.annotation.length);
  }
  const flaggedShare = (label: string) => {
    const of = labels.flatMap((l, i) => (l === label ? [flags[i]!] : []));
    return of.filter(Boolean).length / of.length;
  };
  return {
    samples,
    nonFact: aucPr(
      labels.map((l) => l !== 'accurate'),
      scores,
    ),
    nonFactStar: aucPr(starMajor, starScores),
    factual: aucPr(
      labels.map((l) => l === 'accurate'),
      scores.map((x) => -x),
    ),
    pearson: pearson(passageScore, passageLabel),
    spearman: spearman(passageScore, passageLabel),
    severityNonFact: aucPr(
      labels.map((l) => l !== 'accurate'),
      severities,
    ),
    majorFlagged: flaggedShare('major_inaccurate'),
    accurateFlagged: flaggedShare('accurate'),
    omissions,
    omissionPassages,
  };
}

export async function runWikiBio(
  ctx: BenchContext,
  sampleCounts: readonly number[],
): Promise<string> {
  const records = take(readJsonGz<WikiBioRecord[]>('wikibio/wikibio-dev.json.gz'), ctx.limit);
  const rows: string[][] = [];
  const flagRows: string[][] = [];
  for (const n of sampleCounts) {
    const t0 = performance.now();
    const f = await wikibioFigures(records, n, ctx);
    ctx.log(`wikibio: ${n} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    rows.push([
      `Crosscheck, ${n} samples (dev, ${records.length} passages)`,
      pct(f.nonFact),
      pct(f.nonFactStar),
      pct(f.factual),
      pct(f.pearson),
      pct(f.spearman),
    ]);
    flagRows.push([
      `Crosscheck, ${n} samples`,
      pct(f.severityNonFact),
      pct(f.majorFlagged),
      pct(f.accurateFlagged),
      `${f.omissions} in ${f.omissionPassages}`,
    ]);
  }
  const published = PUBLISHED.map(([name, ...v]) => [`${name} (paper, 238, 20 samples)`, ...v, '']);
  return [
    table(
      ['WikiBio-GPT3 (score)', 'NonFact', 'NonFact*', 'Factual', 'Pearson', 'Spearman'],
      [...published, ...rows],
    ),
    table(
      [
        'WikiBio-GPT3 (severity, default flags)',
        'NonFact',
        'major flagged %',
        'accurate flagged %',
        'omissions (passages)',
      ],
      [['target', '≥ 94 / ≥ 95', '≥ 85', '≤ 15', ''], ...flagRows],
    ),
  ].join('\n\n');
}
