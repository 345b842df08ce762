/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.281139,
    answerScore: 0.308021,
    conflictShare: 1.303543,
    addedShare: -0.131633,
    absentShare: -0.754812,
    partialAbsentShare: 0.307073,
    supportShare: -0.417097,
    maxSupport: -1.606893,
    meanSimilarity: -0.391646,
    single: 1.369799,
    invSqrtSamples: -0.220882,
    singleScore: -3.272871,
    singleConflict: 0.920447,
    antonymShare: 0.425044,
    siblingShare: -0.047777,
    synonymShare: 0.373636,
    swapShare: 0.60772,
    singleSwap: 1.09133,
    scoreSquared: 0.869556,
    scoreTimesAnswer: 0.694614,
  },
  bias: 0.087962,
  thresholds: {
    fewer: 0.77,
    balanced: 0.66,
    more: 0.515,
  },
  uncertainFrom: 0.395,
  data: {
    'wikibio/wikibio-dev.json.gz':
      '28c9d9e214ccdddd6c59faab680fb072d63f287b1412d298a7977446e5d2ece0',
    'chatprotect/pairs-dev.jsonl.gz':
      '4bbf3acf85df527ead7ac4b755d34e70216ac7d7d0242247095f965e958a232b',
    'summedits/summedits-dev.jsonl.gz':
      '9a0ee44bc9bc3ace9b65ba74c0d7d97a920f6a1d52e7b3ee57f33a25153bf0ea',
  },
} as const;
