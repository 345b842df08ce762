/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.321126,
    answerScore: 0.358711,
    conflictShare: 1.444267,
    addedShare: -0.157699,
    absentShare: -0.803208,
    partialAbsentShare: 0.246588,
    supportShare: -0.48336,
    maxSupport: -1.662457,
    meanSimilarity: -0.368281,
    single: 1.336842,
    invSqrtSamples: -0.226574,
    singleScore: -3.195419,
    singleConflict: 0.906444,
    antonymShare: 0.333202,
    siblingShare: -0.000291,
    synonymShare: 0.381143,
    swapShare: 0.592266,
    singleSwap: 1.132491,
    scoreSquared: 0.816854,
    scoreTimesAnswer: 0.614227,
  },
  bias: 0.177361,
  thresholds: {
    fewer: 0.75,
    balanced: 0.66,
    more: 0.495,
  },
  uncertainFrom: 0.385,
  countCalibration: {
    '2': [0.814857, -0.321307],
    '3': [0.81595, -0.255025],
    '4': [1.078172, -0.075962],
    '6': [1.084245, 0.039459],
    '7': [1.083517, 0.016291],
    '8': [1.130498, 0.037306],
    '9': [1.295332, 0.083876],
    '10': [1.510678, 0.175688],
    '20': [1.256172, 0.309241],
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
