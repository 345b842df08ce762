/**
 * The few tunable numbers of the analysis, in one place with what each one means. Defaults were
 * chosen on the development splits of the quality benchmark (bench/quality.ts, figures in
 * bench/quality/README.md) from coarse steps only; keep them few and principled rather than
 * fitted, because the independent check uses other data.
 *
 * What the tuning showed: content-word, number and name coverage carries most of the signal
 * (semantic similarity alone is weaker, but 0.3 of it helps); letting a conflicting counterpart
 * cut a sample's support to 0.4 beats cancelling it (conflict detection is noisy); combining
 * the samples by a quadratic rather than an arithmetic mean lets more samples sharpen the
 * estimate (supportPower); and a sentence of an answer the samples disagree with throughout is
 * likelier wrong (answerContextWeight).
 */
export interface ScoringParams {
  /** Weight of embedding similarity against content-word coverage in a sample's support. */
  semanticWeight: number;
  /** Cosine at or below which two sentences count as unrelated (support 0). */
  cosineFloor: number;
  /** Cosine at or above which two sentences count as saying the same (support 1). */
  cosineCeiling: number;
  /** Strength of the rarity weighting of content words (0 = plain counting). */
  idfStrength: number;
  /** Extra weight of numbers and dates relative to ordinary content words. */
  numberWeight: number;
  /** Extra weight of names relative to ordinary content words. */
  nameWeight: number;
  /** Cosine from which a counterpart is taken to state the same thing, so a differing number,
   * name, negation or antonym is a conflict rather than a different statement. */
  sameStatementCosine: number;
  /** Share of a conflicting sample's support that is kept (0 = a conflict cancels support). */
  conflictKeep: number;
  /** Share of a sentence's score taken from the whole answer's mean disagreement. */
  answerContextWeight: number;
  /**
   * Score at or above which a sentence is flagged — and only when fewer than half of the samples
   * back it. A sample backs a sentence when it alone would leave it under this threshold.
   */
  threshold: number;
  /** Similarity of two whole answers from which they go into the same meaning group. */
  groupSimilarity: number;
  /**
   * Exponent of the power mean that combines the samples' support (1 = arithmetic mean). Above
   * 1, a sample that backs a sentence fully counts for more than two that each back half of it:
   * samples are random and leave out details, so silence is weaker evidence than backing.
   */
  supportPower: number;
}

export const DEFAULT_PARAMS: Readonly<ScoringParams> = {
  semanticWeight: 0.3,
  cosineFloor: 0.3,
  cosineCeiling: 0.85,
  idfStrength: 0.3,
  numberWeight: 2,
  nameWeight: 1.5,
  sameStatementCosine: 0.55,
  conflictKeep: 0.4,
  answerContextWeight: 0.3,
  threshold: 0.3,
  groupSimilarity: 0.8,
  supportPower: 2,
};

/** Defaults with overrides applied; rejects values that would make the scores meaningless. */
export function resolveParams(overrides: Partial<ScoringParams> = {}): ScoringParams {
  const params = { ...DEFAULT_PARAMS, ...overrides };
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`Scoring parameter ${key} must be a finite number, got ${String(value)}`);
    }
  }
  if (params.cosineCeiling <= params.cosineFloor) {
    throw new Error('Scoring parameter cosineCeiling must be greater than cosineFloor');
  }
  return params;
}
