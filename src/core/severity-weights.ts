/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.305532,
    answerScore: 0.381018,
    conflictShare: 1.474072,
    addedShare: -0.14111,
    absentShare: -0.819049,
    partialAbsentShare: 0.220037,
    supportShare: -0.513913,
    maxSupport: -1.693352,
    meanSimilarity: -0.351662,
    single: 1.334159,
    invSqrtSamples: -0.222329,
    singleScore: -3.232881,
    singleConflict: 0.930421,
    antonymShare: 0.309615,
    siblingShare: -0.006714,
    synonymShare: 0.378331,
    swapShare: 0.593234,
    singleSwap: 1.136825,
    scoreSquared: 0.806677,
    scoreTimesAnswer: 0.635002,
  },
  bias: 0.222085,
  thresholds: {
    fewer: 0.755,
    balanced: 0.63,
    more: 0.49,
  },
  uncertainFrom: 0.39,
  countCalibration: {
    '2': [0.677333, -0.325061],
    '3': [0.782839, -0.226668],
    '4': [0.99768, -0.06353],
    '6': [1.121185, 0.054208],
    '7': [1.045201, -0.001699],
    '8': [1.045201, -0.001699],
    '9': [1.272651, 0.095273],
    '10': [1.272651, 0.095273],
    '20': [1.19743, 0.267712],
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
