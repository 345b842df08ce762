/**
 * The backend choices the options page offers, shared by the main backend's form and each other
 * voice's: the preset list in the order people should meet it, and a fresh form for one preset.
 */
import { PRESETS, settingsFromPreset } from '../shared/presets.ts';
import type { BackendSettings } from '../shared/backend.ts';
import { checkBackend } from '../shared/settings-schema.ts';

export const CUSTOM_PRESET = 'custom';

/** Settings for a choice in the preset list; "custom" is an OpenAI-compatible server of your own. */
export function backendForPreset(id: string): BackendSettings {
  if (id === CUSTOM_PRESET) {
    return settingsFromPreset('openai', { presetId: CUSTOM_PRESET, baseUrl: '', model: '' });
  }
  return settingsFromPreset(id);
}

/**
 * JSON with object keys sorted: Chrome's storage hands objects back with their keys in alphabetical
 * order, so a form compared with what it just saved must not depend on key order.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether a form differs from what is stored (a key typed but not saved counts). */
export function isDirty(draft: unknown, saved: unknown): boolean {
  return saved === null || stableJson(draft) !== stableJson(saved);
}

/** Zero-key choices lead: the browser's own model, then servers on this computer, then cloud. */
export const IN_BROWSER = PRESETS.filter((p) => p.kind === 'chrome-builtin');
export const ON_COMPUTER = PRESETS.filter((p) => p.local && p.kind !== 'chrome-builtin');
export const CLOUD = PRESETS.filter((p) => !p.local);

const FIELD_LABELS: Record<string, string> = {
  baseUrl: 'Address (base URL)',
  model: 'Model',
  apiKey: 'API key',
  temperature: 'Temperature',
  maxTokens: 'Longest answer (tokens)',
  concurrency: 'Requests at once',
  timeoutMs: 'the time limit',
};

/**
 * Why the stored settings would not take this form, in the words of its labels, or null. The
 * settings migration drops a backend it cannot use, so saving one would lose it without a word.
 */
export function backendProblem(draft: BackendSettings): string | null {
  const reason = checkBackend(draft, 'backend');
  if (!reason) return null;
  return reason.replace(
    /^backend\.(\w+)/,
    (_, field: string) => `“${FIELD_LABELS[field] ?? field}”`,
  );
}
