/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.287264,
    answerScore: 0.292911,
    conflictShare: 1.404915,
    addedShare: -0.171585,
    absentShare: -0.78215,
    partialAbsentShare: 0.30807,
    supportShare: -0.45118,
    maxSupport: -1.652843,
    meanSimilarity: -0.381737,
    single: 1.367363,
    invSqrtSamples: -0.241053,
    singleScore: -3.266992,
    singleConflict: 0.824497,
    antonymShare: 0.409142,
    siblingShare: -0.052485,
    synonymShare: 0.368597,
    swapShare: 0.595228,
    singleSwap: 1.091828,
    scoreSquared: 0.855369,
    scoreTimesAnswer: 0.663719,
  },
  bias: 0.181544,
  thresholds: {
    fewer: 0.76,
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
