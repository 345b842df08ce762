/**
 * Public API of the sampling layer, for the background (runs) and, through the background, the
 * options page (presets, test connection). Content scripts must not import this: settings and
 * keys live in the background only.
 */
export type {
  Backend,
  BackendCall,
  BackendCallResult,
  BackendKind,
  BackendSettings,
  FetchLike,
  Sample,
  SampleEvent,
  SamplingRequest,
  TokenUsage,
} from './types.ts';
export {
  SamplingError,
  isSamplingError,
  redactSecrets,
  toSamplingErrorData,
  type SamplingErrorData,
  type SamplingErrorKind,
} from './errors.ts';
export {
  PRESETS,
  OLLAMA_FORBIDDEN_HINT,
  OLLAMA_ORIGINS_SETTING,
  originPatternFor,
  presetById,
  settingsFromPreset,
  type Preset,
} from './presets.ts';
export {
  sample,
  collectSamples,
  forgetLearnedBatching,
  type SampleOptions,
  type SamplingOutcome,
} from './sampler.ts';
export { SampleCache, sampleCacheKey, DEFAULT_CACHE_TTL_MS, type CacheEntry } from './cache.ts';
export { testConnection } from './test-connection.ts';
export type { ConnectionResult } from '../shared/backend.ts';
export { validateSettings } from './settings.ts';
export { MAX_SAMPLES, type RetryNotice } from './scheduler.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff.ts';
export { ConcurrencyLimiter, sharedLimiter } from './limiter.ts';
export { builtinUnavailableReason } from './backends/chrome-builtin.ts';
