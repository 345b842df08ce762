/**
 * Learned weights of the severity model (src/core/severity.ts). Written by
 * `npx tsx bench/quality/train-severity.ts --write` from the development splits whose sha256
 * are below; do not edit by hand.
 */
export const SEVERITY_MODEL = {
  features: [
    'score',
    'answerScore',
    'conflictShare',
    'addedShare',
    'absentShare',
    'partialAbsentShare',
    'supportShare',
    'maxSupport',
    'meanSimilarity',
    'single',
    'invSqrtSamples',
    'singleScore',
    'singleConflict',
    'antonymShare',
    'siblingShare',
    'synonymShare',
    'scoreSquared',
    'scoreTimesAnswer',
  ],
  weights: [
    0.577333, 0.55812, 1.292665, -0.099507, -0.702483, 0.00005, -0.490675, -1.235396, -0.353217,
    1.762872, 0.018115, -4.005183, 0.992887, 0.381427, -0.012966, -0.283688, 1.246241, 0.984489,
  ],
  bias: -0.225637,
  thresholds: {
    fewer: 0.79,
    balanced: 0.66,
    more: 0.52,
  },
  uncertainFrom: 0.41,
  data: {
    'wikibio/wikibio-dev.json.gz':
      '28c9d9e214ccdddd6c59faab680fb072d63f287b1412d298a7977446e5d2ece0',
    'chatprotect/pairs-dev.jsonl.gz':
      '4bbf3acf85df527ead7ac4b755d34e70216ac7d7d0242247095f965e958a232b',
    'summedits/summedits-dev.jsonl.gz':
      '9a0ee44bc9bc3ace9b65ba74c0d7d97a920f6a1d52e7b3ee57f33a25153bf0ea',
  },
} as const;
