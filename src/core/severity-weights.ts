/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.285239,
    answerScore: 0.293834,
    conflictShare: 1.396639,
    addedShare: -0.160607,
    absentShare: -0.790129,
    partialAbsentShare: 0.320765,
    supportShare: -0.445903,
    maxSupport: -1.666056,
    meanSimilarity: -0.375534,
    single: 1.362786,
    invSqrtSamples: -0.240221,
    singleScore: -3.272136,
    singleConflict: 0.875327,
    antonymShare: 0.396502,
    siblingShare: -0.054237,
    synonymShare: 0.367084,
    swapShare: 0.593374,
    singleSwap: 1.09076,
    scoreSquared: 0.861422,
    scoreTimesAnswer: 0.662594,
  },
  bias: 0.188374,
  thresholds: {
    fewer: 0.76,
    balanced: 0.66,
    more: 0.5,
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
