/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.290847,
    answerScore: 0.295687,
    conflictShare: 1.424725,
    addedShare: -0.152624,
    absentShare: -0.796434,
    partialAbsentShare: 0.320615,
    supportShare: -0.475666,
    maxSupport: -1.683627,
    meanSimilarity: -0.381152,
    single: 1.345464,
    invSqrtSamples: -0.241275,
    singleScore: -3.256944,
    singleConflict: 0.863235,
    antonymShare: 0.39288,
    siblingShare: -0.030211,
    synonymShare: 0.393722,
    swapShare: 0.589466,
    singleSwap: 1.103605,
    scoreSquared: 0.842591,
    scoreTimesAnswer: 0.62811,
  },
  bias: 0.227783,
  thresholds: {
    fewer: 0.75,
    balanced: 0.66,
    more: 0.5,
  },
  uncertainFrom: 0.39,
  countCalibration: {
    '2': [0.799688, -0.302978],
    '3': [0.804517, -0.220558],
    '4': [1.079317, -0.076747],
    '6': [1.08598, 0.03846],
    '7': [1.133191, 0.035815],
    '8': [1.133817, 0.059858],
    '9': [1.302481, 0.107991],
    '10': [1.441111, 0.227674],
    '20': [1.261309, 0.333488],
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
