/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.304949,
    answerScore: 0.362068,
    conflictShare: 1.418346,
    addedShare: -0.155562,
    absentShare: -0.799287,
    partialAbsentShare: 0.281177,
    supportShare: -0.463497,
    maxSupport: -1.684095,
    meanSimilarity: -0.375513,
    single: 1.341571,
    invSqrtSamples: -0.24322,
    singleScore: -3.202423,
    singleConflict: 0.8768,
    antonymShare: 0.353709,
    siblingShare: 0.007859,
    synonymShare: 0.382492,
    swapShare: 0.581295,
    singleSwap: 1.122845,
    scoreSquared: 0.816013,
    scoreTimesAnswer: 0.619671,
  },
  bias: 0.197812,
  thresholds: {
    fewer: 0.755,
    balanced: 0.66,
    more: 0.505,
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
    '20': [1.318026, 0.318657],
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
