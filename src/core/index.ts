/**
 * The analysis core's public surface, for the background (run orchestration), the CLI and the
 * benchmarks: create an analysis, add samples as they arrive, read reports. Everything else in
 * src/core is internal and may change.
 */
export { analyze, createAnalysis, type Analysis, type AnalysisOptions } from './analysis.ts';
export { DEFAULT_PARAMS, resolveParams, type ScoringParams } from './params.ts';
export { segment } from './segment.ts';
export { extractFinalAnswer } from './final-answer.ts';
export {
  conflictType,
  DEFAULT_SENSITIVITY,
  SENSITIVITIES,
  SENSITIVITY_THRESHOLDS,
  sentenceLevel,
  UNCERTAIN_FROM,
} from './severity.ts';
export { wordRelation } from './wordnet.ts';
export * from './types.ts';
