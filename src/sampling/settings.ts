/**
 * Checks backend settings before any request is made, so a missing key or a malformed base URL
 * is reported as such rather than as whatever the server makes of it.
 */
import { SamplingError } from './errors.ts';
import { endpointUrl } from './http.ts';
import { presetById } from '../shared/presets.ts';
import { BACKEND_KINDS, isBackendKind } from '../shared/backend.ts';
import type { BackendSettings } from './types.ts';

/** Throws a 'bad-request' (or 'auth' for a missing key) SamplingError naming the setting to fix. */
export function validateSettings(settings: BackendSettings): void {
  const fail = (message: string, kind: 'bad-request' | 'auth' = 'bad-request'): never => {
    throw new SamplingError({ kind, message, retryable: false });
  };
  if (!settings || typeof settings !== 'object')
    fail("No backend is configured. Choose one in Crosscheck's options.");
  if (!isBackendKind(settings.kind)) fail(`Unknown backend type "${String(settings.kind)}".`);
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1) {
    fail(`Parallel requests must be a whole number ≥ 1, got ${String(settings.concurrency)}.`);
  }
  if (!(typeof settings.timeoutMs === 'number' && settings.timeoutMs > 0)) {
    fail(
      `The request timeout must be a positive number of milliseconds, got ${String(settings.timeoutMs)}.`,
    );
  }
  if (!BACKEND_KINDS[settings.kind].http) return;
  endpointUrl(settings.baseUrl, '/'); // throws the clear "not a valid address" error
  if (typeof settings.model !== 'string' || settings.model.trim() === '') {
    fail("No model is set. Enter a model name in Crosscheck's options.");
  }
  const needsKey = presetById(settings.presetId)?.needsKey ?? BACKEND_KINDS[settings.kind].needsKey;
  if (needsKey && (typeof settings.apiKey !== 'string' || settings.apiKey.trim() === '')) {
    fail("No API key is set for this backend. Add it in Crosscheck's options.", 'auth');
  }
}
