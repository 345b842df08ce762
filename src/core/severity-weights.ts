/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.305131,
    answerScore: 0.363282,
    conflictShare: 1.416396,
    addedShare: -0.158686,
    absentShare: -0.799426,
    partialAbsentShare: 0.283458,
    supportShare: -0.458283,
    maxSupport: -1.681545,
    meanSimilarity: -0.373552,
    single: 1.341104,
    invSqrtSamples: -0.243061,
    singleScore: -3.201538,
    singleConflict: 0.85945,
    antonymShare: 0.359578,
    siblingShare: 0.007275,
    synonymShare: 0.382194,
    swapShare: 0.582841,
    singleSwap: 1.123862,
    scoreSquared: 0.819879,
    scoreTimesAnswer: 0.628977,
  },
  bias: 0.189086,
  thresholds: {
    fewer: 0.75,
    balanced: 0.66,
    more: 0.5,
  },
  uncertainFrom: 0.385,
  countCalibration: {
    '2': [0.814857, -0.321307],
    '3': [0.804139, -0.241731],
    '4': [1.078172, -0.075962],
    '6': [1.084245, 0.039459],
    '7': [1.10658, 0.026608],
    '8': [1.130999, 0.061357],
    '9': [1.295332, 0.083876],
    '10': [1.509717, 0.206936],
    '20': [1.285234, 0.327232],
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
