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
  ],
  weights: [
    1.189867, 1.269704, 1.346165, 0.004586, -0.807892, -0.113538, -0.54286, -1.647144, -0.681395,
    1.854481, -0.075681, -3.997915, 0.797734, 0.389354, -1.60495, -0.252733,
  ],
  bias: 0.359522,
  thresholds: {
    fewer: 0.78,
    balanced: 0.67,
    more: 0.52,
  },
  uncertainFrom: 0.42,
  data: {
    'wikibio/wikibio-dev.json.gz':
      '28c9d9e214ccdddd6c59faab680fb072d63f287b1412d298a7977446e5d2ece0',
    'chatprotect/pairs-dev.jsonl.gz':
      '4bbf3acf85df527ead7ac4b755d34e70216ac7d7d0242247095f965e958a232b',
    'summedits/summedits-dev.jsonl.gz':
      '9a0ee44bc9bc3ace9b65ba74c0d7d97a920f6a1d52e7b3ee57f33a25153bf0ea',
  },
} as const;
