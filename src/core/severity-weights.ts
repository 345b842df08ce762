/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.282998,
    answerScore: 0.306992,
    conflictShare: 1.293222,
    addedShare: -0.15106,
    absentShare: -0.731211,
    partialAbsentShare: 0.303202,
    supportShare: -0.410951,
    maxSupport: -1.620528,
    meanSimilarity: -0.374705,
    single: 1.373538,
    invSqrtSamples: -0.228992,
    singleScore: -3.284719,
    singleConflict: 0.912725,
    antonymShare: 0.432661,
    siblingShare: -0.047555,
    synonymShare: 0.372268,
    swapShare: 0.601269,
    singleSwap: 1.082496,
    scoreSquared: 0.85765,
    scoreTimesAnswer: 0.68688,
  },
  bias: 0.086737,
  thresholds: {
    fewer: 0.795,
    balanced: 0.665,
    more: 0.52,
  },
  uncertainFrom: 0.39,
  data: {
    'wikibio/wikibio-dev.json.gz':
      '28c9d9e214ccdddd6c59faab680fb072d63f287b1412d298a7977446e5d2ece0',
    'chatprotect/pairs-dev.jsonl.gz':
      '4bbf3acf85df527ead7ac4b755d34e70216ac7d7d0242247095f965e958a232b',
    'summedits/summedits-dev.jsonl.gz':
      '9a0ee44bc9bc3ace9b65ba74c0d7d97a920f6a1d52e7b3ee57f33a25153bf0ea',
  },
} as const;
