/**
 * Severity: how likely a sentence is wrong, as a probability-like number, and the level a reader
 * sees. The score ranks sentences well but is no probability: a list of true names that the
 * samples merely do not repeat scores as high as an invented date. With several samples,
 * severity is a logistic model over what the evidence says — contradicted or merely absent, in
 * how many samples, how many samples there are, and whether a one-word change is an antonym, a
 * sibling term or a synonym. With one sample there is no agreement to count, only how the two
 * sentences differ, and that is where feature interactions matter ("one changed place, a word
 * WordNet does not link, nothing else different"): boosted trees over the same evidence plus
 * the aligned pair's word-by-word features (pair-features.ts). Each sample count is calibrated
 * on its own (countCalibration), so a sensitivity underlines about the same share of right
 * sentences with 2 samples as with 10. Both are trained on the development data by
 * bench/quality/train-severity.ts (severity-weights.ts, severity-forest.ts).
 * Everything here reads a finding's evidence only, so a stored report can be graded again.
 */
import { forestLogit } from './forest.ts';
import { meanPairFeatures, PAIR_FEATURES } from './pair-features.ts';
import { SINGLE_SAMPLE_FOREST } from './severity-forest.ts';
import { SEVERITY_MODEL } from './severity-weights.ts';
import type { Sensitivity, SentenceFinding, SeverityLevel } from './types.ts';

/** Names of the model's inputs, in order; the weights file has one weight per name. */
export const SEVERITY_FEATURES = [
  'score',
  'answerScore',
  'conflictShare',
  'addedShare',
  'absentShare',
  'partialAbsentShare',
  'supportShare',
  'maxSupport',
  'meanSimilarity',
  'single',
  'invSqrtSamples',
  'singleScore',
  'singleConflict',
  'antonymShare',
  'siblingShare',
  'synonymShare',
  'swapShare',
  'singleSwap',
  'scoreSquared',
  'scoreTimesAnswer',
] as const;

const CONFLICTS = new Set(['contradiction', 'number', 'entity']);

/**
 * The model's inputs for one finding. `answerScore` is the mean score of the answer's sentences:
 * an answer the samples disagree with throughout is likelier wrong in each sentence.
 */
export function severityFeatures(finding: SentenceFinding, answerScore: number): number[] {
  const ev = finding.evidence;
  const n = Math.max(1, ev.length);
  const share = (pred: (e: (typeof ev)[number]) => boolean) => ev.filter(pred).length / n;
  const support = (e: (typeof ev)[number]) => e.support ?? (e.supports ? 1 : 0);
  const conflictShare = share((e) => CONFLICTS.has(e.conflict ?? ''));
  const single = ev.length === 1 ? 1 : 0;
  const maxSupport = ev.reduce((m, e) => Math.max(m, support(e)), 0);
  const meanSimilarity = ev.reduce((s, e) => s + e.similarity, 0) / n;
  return [
    finding.score,
    answerScore,
    conflictShare,
    share((e) => e.conflict === 'unsupported'),
    share((e) => !e.supports && !e.conflict),
    // A detail the sample leaves out of a sentence it otherwise states: weak evidence.
    share((e) => !e.supports && !e.conflict && support(e) >= 0.5),
    finding.supportShare,
    maxSupport,
    meanSimilarity,
    single,
    1 / Math.sqrt(n),
    single * finding.score,
    single * conflictShare,
    share((e) => e.change === 'antonym'),
    share((e) => e.change === 'sibling'),
    share((e) => e.change === 'synonym'),
    share((e) => e.change === 'swap'),
    single * share((e) => e.change === 'swap' || e.change === 'sibling'),
    // A little curvature: the score's top and the answer's context matter more than linearly.
    finding.score ** 2,
    finding.score * answerScore,
  ];
}

function probeMean(evidence: SentenceFinding['evidence']): number {
  const margins = evidence.flatMap((e) => (e.probe === undefined ? [] : [e.probe]));
  return margins.length === 0 ? 0 : margins.reduce((s, m) => s + m, 0) / margins.length;
}

/** Inputs of the one-sample trees: the evidence features, the aligned pair's, the probe's. */
export const SINGLE_SAMPLE_FEATURES = [
  ...SEVERITY_FEATURES,
  ...PAIR_FEATURES,
  'probeMean',
] as const;

export function singleSampleFeatures(finding: SentenceFinding, answerScore: number): number[] {
  return [
    ...severityFeatures(finding, answerScore),
    ...meanPairFeatures(finding.segment.text, finding.evidence),
    // How far the counterpart's vector leans to contradiction (contradiction-probe.ts).
    probeMean(finding.evidence),
  ];
}

/** The weights in SEVERITY_FEATURES' order; a feature without a weight does not compile. */
const WEIGHTS: readonly number[] = SEVERITY_FEATURES.map((name) => SEVERITY_MODEL.weights[name]);

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The logistic model's margin for a feature vector (several samples). */
function logisticMargin(features: readonly number[]): number {
  let z = SEVERITY_MODEL.bias;
  for (let i = 0; i < features.length; i++) z += (WEIGHTS[i] ?? 0) * features[i]!;
  return z;
}

/** A logit's calibration for one sample count: `scale * logit + shift`. */
export type CountCalibration = readonly [scale: number, shift: number];

/**
 * The calibration of a count of several samples, from a table by count (the count the
 * thresholds are chosen at, 5, needs none): a count in the table as it stands, another
 * interpolated in 1/√n between its neighbours, beyond the table the nearest end.
 */
export function countCalibration(
  table: Readonly<Record<string, CountCalibration>>,
  samples: number,
): CountCalibration {
  if (samples < 2) return [1, 0];
  const points = [
    [5, [1, 0]] as const,
    ...Object.entries(table).map(([n, c]) => [Number(n), c] as const),
  ]
    .filter(([n]) => n >= 2)
    .sort((a, b) => a[0] - b[0]);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (samples <= first[0]) return first[1];
  if (samples >= last[0]) return last[1];
  const at = (n: number) => 1 / Math.sqrt(n);
  for (let k = 1; k < points.length; k++) {
    const [n1, c1] = points[k]!;
    if (samples > n1) continue;
    const [n0, c0] = points[k - 1]!;
    const f = (at(samples) - at(n0)) / (at(n1) - at(n0));
    return [c0[0] + (c1[0] - c0[0]) * f, c0[1] + (c1[1] - c0[1]) * f];
  }
  return last[1];
}

const PLACES = SINGLE_SAMPLE_FEATURES.indexOf('places');

/**
 * Severity of a finding with at least one sample: trees for one sample, else the logistic. A
 * sentence that differs from its only sample in one place is calibrated on its own (the trainer's
 * `onePlaceShift`): whether one changed word is a paraphrase or a change of fact is a question
 * of its own, with its own share of right answers to keep unflagged.
 */
export function severityOf(finding: SentenceFinding, answerScore: number): number {
  if (finding.evidence.length === 1) {
    const x = singleSampleFeatures(finding, answerScore);
    const shift = x[PLACES] === 1 ? SINGLE_SAMPLE_FOREST.onePlaceShift : 0;
    return sigmoid(forestLogit(SINGLE_SAMPLE_FOREST, x) + shift);
  }
  // Calibrated per count: the same shares of right sentences underlined with 2 samples as with 10.
  const [scale, shift] = countCalibration(SEVERITY_MODEL.countCalibration, finding.evidence.length);
  return sigmoid(scale * logisticMargin(severityFeatures(finding, answerScore)) + shift);
}

/**
 * Severity from which a sentence is "likely" wrong, per sensitivity. "balanced" is the default
 * and what `flagged` means; chosen on the development data (see the weights file).
 */
export const SENSITIVITY_THRESHOLDS: Readonly<Record<Sensitivity, number>> =
  SEVERITY_MODEL.thresholds;

/** Below "likely" and from here up a sentence is "uncertain": shown faintly, still in the card. */
export const UNCERTAIN_FROM = SEVERITY_MODEL.uncertainFrom;

export const SENSITIVITIES: readonly Sensitivity[] = ['fewer', 'balanced', 'more'];
export const DEFAULT_SENSITIVITY: Sensitivity = 'balanced';

/**
 * Where "uncertain" starts at a sensitivity: the band below "likely" moves with its threshold, so
 * "more" shows more sentences and "fewer" fewer (shown sets nest: fewer ⊆ balanced ⊆ more).
 */
export function uncertainFrom(sensitivity: Sensitivity): number {
  return UNCERTAIN_FROM + SENSITIVITY_THRESHOLDS[sensitivity] - SENSITIVITY_THRESHOLDS.balanced;
}

/**
 * Whether at least half of the samples back a finding and none states something else in its
 * place. Such a sentence is not marked at any sensitivity, however its wording grades (the
 * one-sample trees can rate a reworded sentence its only sample backs as doubtful): the card
 * would show most samples backing what its mark calls unsupported.
 */
export function backedByHalf(finding: Pick<SentenceFinding, 'support' | 'evidence'>): boolean {
  const n = finding.evidence.length;
  if (n === 0 || finding.support * 2 < n) return false;
  return !finding.evidence.some((e) => CONFLICTS.has(e.conflict ?? ''));
}

/**
 * The level of a finding at a sensitivity. Findings without a severity (hand-made reports) are
 * "likely" exactly when flagged; findings that half of the samples back (backedByHalf) have none.
 */
export function sentenceLevel(
  finding: Pick<SentenceFinding, 'severity' | 'flagged'> &
    Partial<Pick<SentenceFinding, 'support' | 'evidence'>>,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): SeverityLevel | null {
  const { support, evidence } = finding;
  if (support !== undefined && evidence !== undefined && backedByHalf({ support, evidence })) {
    return null;
  }
  const s = finding.severity;
  if (s === undefined) return finding.flagged ? 'likely' : null;
  if (s >= SENSITIVITY_THRESHOLDS[sensitivity]) return 'likely';
  return s >= uncertainFrom(sensitivity) ? 'uncertain' : null;
}

/**
 * Sets severity, level, flag and type on an answer's findings. A sentence without samples to
 * compare with keeps severity 0 and no level.
 */
export function gradeSentences(sentences: readonly SentenceFinding[]): SentenceFinding[] {
  const answerScore =
    sentences.reduce((sum, s) => sum + s.score, 0) / Math.max(1, sentences.length);
  return sentences.map((finding) => {
    if (finding.evidence.length === 0) {
      return { ...finding, severity: 0, level: null, flagged: false, type: null };
    }
    const severity = severityOf(finding, answerScore);
    const level = sentenceLevel({ ...finding, severity, flagged: false });
    return {
      ...finding,
      severity,
      level,
      flagged: level === 'likely',
      type: level ? conflictType(finding) : null,
    };
  });
}

/** Tie order between conflict types: the more specific and more serious first. */
const TYPE_ORDER = ['contradiction', 'number', 'entity'] as const;

/**
 * The conflict type most samples show, else "unsupported". A word swapped in an otherwise
 * identical counterpart (change "swap") is a different thing in the same place: an entity.
 */
export function conflictType(finding: SentenceFinding): SentenceFinding['type'] {
  let best: SentenceFinding['type'] = 'unsupported';
  let bestCount = 0;
  const typeOf = (e: SentenceFinding['evidence'][number]) =>
    e.conflict ?? (e.change === 'swap' ? 'entity' : null);
  for (const type of TYPE_ORDER) {
    const c = finding.evidence.filter((e) => typeOf(e) === type).length;
    if (c > bestCount) {
      best = type;
      bestCount = c;
    }
  }
  return best;
}
