/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.282062,
    answerScore: 0.295184,
    conflictShare: 1.378812,
    addedShare: -0.166724,
    absentShare: -0.7782,
    partialAbsentShare: 0.307623,
    supportShare: -0.433888,
    maxSupport: -1.637721,
    meanSimilarity: -0.39138,
    single: 1.367721,
    invSqrtSamples: -0.230711,
    singleScore: -3.267584,
    singleConflict: 0.84434,
    antonymShare: 0.417091,
    siblingShare: -0.055074,
    synonymShare: 0.37177,
    swapShare: 0.602151,
    singleSwap: 1.101196,
    scoreSquared: 0.871157,
    scoreTimesAnswer: 0.683134,
  },
  bias: 0.145272,
  thresholds: {
    fewer: 0.77,
    balanced: 0.65,
    more: 0.515,
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
