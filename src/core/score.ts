/**
 * Turns one sentence's per-sample support into its finding: support count and share and the
 * inconsistency score (1 − the power mean of the support). Severity, flag and type are set
 * afterwards over the whole answer (severity.ts).
 */
import type { ScoringParams } from './params.ts';
import type { SampleSupport } from './support.ts';
import type { Segment, SentenceFinding } from './types.ts';

/**
 * 1 − the samples' support combined by a power mean (exponent `power`, at least 1); 0 without
 * samples. With one sample it is 1 − that sample's support, whatever the exponent.
 */
export function sentenceDisagreement(perSample: readonly SampleSupport[], power = 1): number {
  if (perSample.length === 0) return 0;
  const p = Math.max(1, power);
  const mean =
    perSample.reduce((sum, s) => sum + Math.max(0, s.support) ** p, 0) / perSample.length;
  return Math.min(1, Math.max(0, 1 - mean ** (1 / p)));
}

/**
 * @param answerDisagreement mean disagreement over all sentences of the answer: a sentence in
 *   an answer the samples mostly disagree with is more likely wrong itself (an invented
 *   biography is invented throughout), so `answerContextWeight` of it is blended in.
 */
export function scoreSentence(
  segment: Segment,
  perSample: readonly SampleSupport[],
  answerDisagreement: number,
  params: ScoringParams,
): SentenceFinding {
  const n = perSample.length;
  const evidence = perSample.map((p) => p.evidence);
  if (n === 0) {
    return { segment, score: 0, support: 0, supportShare: 0, flagged: false, type: null, evidence };
  }
  const w = params.answerContextWeight;
  const score =
    (1 - w) * sentenceDisagreement(perSample, params.supportPower) + w * answerDisagreement;
  const support = perSample.filter((p) => p.evidence.supports).length;
  // Flag and type follow from the severity, graded over the whole answer (severity.ts).
  return {
    segment,
    score,
    support,
    supportShare: support / n,
    flagged: false,
    type: null,
    evidence,
  };
}
