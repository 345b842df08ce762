/**
 * Learned weights of the severity model for several samples (src/core/severity.ts), one per
 * input that SEVERITY_FEATURES names (its one-sample terms are fitted with the rest, but one
 * sample is graded by the trees in severity-forest.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  weights: {
    score: 1.283676,
    answerScore: 0.309466,
    conflictShare: 1.402057,
    addedShare: -0.160136,
    absentShare: -0.787711,
    partialAbsentShare: 0.324178,
    supportShare: -0.454209,
    maxSupport: -1.668859,
    meanSimilarity: -0.373726,
    single: 1.359135,
    invSqrtSamples: -0.246636,
    singleScore: -3.262986,
    singleConflict: 0.878762,
    antonymShare: 0.395161,
    siblingShare: -0.046108,
    synonymShare: 0.379188,
    swapShare: 0.593413,
    singleSwap: 1.097103,
    scoreSquared: 0.856591,
    scoreTimesAnswer: 0.657964,
  },
  bias: 0.184472,
  thresholds: {
    fewer: 0.76,
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
