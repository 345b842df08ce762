/**
 * The cost of a run's samples from the backend that answered them: free for a model on the user's
 * machine (a local preset, Chrome's built-in model, or a custom address on this computer), priced
 * from the preset's table when it lists the model, and null (tokens only) otherwise.
 */
import { dollarsFor, type RunCost } from '../shared/run-cost.ts';
import { presetById, PRICES_AS_OF } from '../shared/presets.ts';
import type { BackendSettings, TokenUsage } from './types.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function onThisComputer(baseUrl: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

export function costOfRun(
  backend: Pick<BackendSettings, 'kind' | 'presetId' | 'baseUrl' | 'model'>,
  usage: TokenUsage | null,
): RunCost | null {
  const preset = presetById(backend.presetId);
  if (backend.kind === 'chrome-builtin' || preset?.local) return { kind: 'free' };
  // A priced preset is priced even on a test or proxy address; a custom entry on this computer is free.
  const price = preset?.kind === backend.kind ? preset.prices?.[backend.model] : undefined;
  if (preset && price) {
    const usd = dollarsFor(usage, price);
    if (usd === null) return null;
    const pricedAs = `${preset.label} ${backend.model}`;
    return { kind: 'priced', usd, pricedAs, pricesAsOf: PRICES_AS_OF };
  }
  return onThisComputer(backend.baseUrl) ? { kind: 'free' } : null;
}
