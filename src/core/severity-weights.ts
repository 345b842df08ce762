/**
 * Learned weights of the severity model (src/core/severity.ts), one per input that
 * SEVERITY_FEATURES names. Written by `npx tsx bench/quality/train-severity.ts --write` from the
 * development splits whose sha256 are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.273391,
    answerScore: 0.307856,
    conflictShare: 1.294121,
    addedShare: -0.137934,
    absentShare: -0.735481,
    partialAbsentShare: 0.297225,
    supportShare: -0.420706,
    maxSupport: -1.617962,
    meanSimilarity: -0.402826,
    single: 1.508509,
    invSqrtSamples: -0.226021,
    singleScore: -3.289741,
    singleConflict: 0.917947,
    antonymShare: 0.432432,
    siblingShare: -0.046797,
    synonymShare: 0.372508,
    swapShare: 0.60256,
    singleSwap: 1.081423,
    scoreSquared: 0.84352,
    scoreTimesAnswer: 0.677793,
  },
  bias: 0.116188,
  thresholds: {
    fewer: 0.795,
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
