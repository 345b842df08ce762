/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.289081,
    answerScore: 0.304858,
    conflictShare: 1.404011,
    addedShare: -0.153761,
    absentShare: -0.788381,
    partialAbsentShare: 0.322723,
    supportShare: -0.461869,
    maxSupport: -1.675419,
    meanSimilarity: -0.379948,
    single: 1.355043,
    invSqrtSamples: -0.249944,
    singleScore: -3.252515,
    singleConflict: 0.877984,
    antonymShare: 0.397146,
    siblingShare: -0.031691,
    synonymShare: 0.39428,
    swapShare: 0.58976,
    singleSwap: 1.106495,
    scoreSquared: 0.846168,
    scoreTimesAnswer: 0.640512,
  },
  bias: 0.203231,
  thresholds: {
    fewer: 0.765,
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
