/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.262472,
    answerScore: 0.318573,
    conflictShare: 1.424359,
    addedShare: -0.1308,
    absentShare: -0.790729,
    partialAbsentShare: 0.272655,
    supportShare: -0.502829,
    maxSupport: -1.672363,
    meanSimilarity: -0.375063,
    single: 1.348853,
    invSqrtSamples: -0.236382,
    singleScore: -3.210166,
    singleConflict: 0.875599,
    antonymShare: 0.380133,
    siblingShare: -0.033062,
    synonymShare: 0.395698,
    swapShare: 0.599638,
    singleSwap: 1.109661,
    scoreSquared: 0.824593,
    scoreTimesAnswer: 0.63747,
  },
  bias: 0.22261,
  thresholds: {
    fewer: 0.755,
    balanced: 0.66,
    more: 0.5,
  },
  uncertainFrom: 0.39,
  countCalibration: {
    '2': [0.799688, -0.302978],
    '3': [0.804517, -0.220558],
    '4': [1.058101, -0.0622],
    '6': [1.08598, 0.03846],
    '7': [1.08598, 0.03846],
    '8': [1.133817, 0.059858],
    '9': [1.302481, 0.107991],
    '10': [1.481612, 0.215431],
    '20': [1.29349, 0.325073],
  },
  data: {
    'wikibio/wikibio-dev.json.gz':
      '28c9d9e214ccdddd6c59faab680fb072d63f287b1412d298a7977446e5d2ece0',
    'chatprotect/pairs-dev.jsonl.gz':
      '4bbf3acf85df527ead7ac4b755d34e70216ac7d7d0242247095f965e958a232b',
    'summedits/summedits-dev.jsonl.gz':
      '9a0ee44bc9bc3ace9b65ba74c0d7d97a920f6a1d52e7b3ee57f33a25153bf0ea',
  },
} as const;
