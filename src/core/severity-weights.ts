/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.281356,
    answerScore: 0.293251,
    conflictShare: 1.409862,
    addedShare: -0.174507,
    absentShare: -0.789268,
    partialAbsentShare: 0.317371,
    supportShare: -0.446087,
    maxSupport: -1.674149,
    meanSimilarity: -0.386373,
    single: 1.370373,
    invSqrtSamples: -0.245236,
    singleScore: -3.26961,
    singleConflict: 0.83175,
    antonymShare: 0.404862,
    siblingShare: -0.053888,
    synonymShare: 0.367145,
    swapShare: 0.595724,
    singleSwap: 1.091118,
    scoreSquared: 0.857565,
    scoreTimesAnswer: 0.656114,
  },
  bias: 0.204678,
  thresholds: {
    fewer: 0.76,
    balanced: 0.66,
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
