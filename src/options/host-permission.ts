/**
 * Asking for permission to reach a backend's address. Firefox and Chrome only show the prompt
 * when `permissions.request` runs inside the click that asked for it, so callers call this first,
 * before any other await.
 */
import browser from 'webextension-polyfill';
import { BACKEND_KINDS, type BackendSettings } from '../shared/backend.ts';
import { originPatternFor } from '../shared/presets.ts';

export type Reach = 'not-needed' | 'granted' | 'denied' | 'invalid-address';

export function requestReach(backend: BackendSettings): Promise<Reach> {
  if (!BACKEND_KINDS[backend.kind].http) return Promise.resolve('not-needed');
  let origin: string;
  try {
    origin = originPatternFor(backend.baseUrl);
  } catch {
    return Promise.resolve('invalid-address');
  }
  return browser.permissions.request({ origins: [origin] }).then(
    (granted) => (granted ? 'granted' : 'denied'),
    () => 'denied',
  );
}
