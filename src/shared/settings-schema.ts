/**
 * The settings the user controls, their defaults, and the migration from anything older or
 * damaged in storage. Pure: storage access lives in settings-store.ts, so this runs in Node tests.
 */
import { BACKEND_KIND_IDS, type BackendSettings } from './backend.ts';
import { BUNDLED_MODEL_ID, findModel } from './model-catalogue.ts';
import { DEFAULT_SENSITIVITY, SENSITIVITIES } from '../core/severity.ts';
import type { Sensitivity } from '../core/types.ts';
import {
  MAIN_VOICE_ID,
  MAX_OTHER_VOICES,
  OTHER_VOICES_MODES,
  type OtherVoice,
  type OtherVoicesMode,
} from './sources.ts';
import { int, isRecord, num, obj, oneOf, str } from './validate.ts';

export const SETTINGS_VERSION = 1;
export const SAMPLE_COUNT_MIN = 1;
export const SAMPLE_COUNT_MAX = 10;
export const SAMPLE_COUNT_DEFAULT = 4;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Master switch. */
  enabled: boolean;
  /** Per-site switch by site id ("chatgpt", "claude", …); a site not listed is on. */
  sites: Record<string, boolean>;
  /** Extra samples requested per answer. */
  sampleCount: number;
  /**
   * The LLM backend that answers again; null until the user picks one. Its shape belongs to
   * src/sampling; it holds the API key, so it is never sent to a content script (publicSettings).
   */
  backend: BackendSettings | null;
  /**
   * The sentence-embedding model: the bundled one (offline) or a remote one from
   * model-catalogue.ts, set once it has been downloaded.
   */
  embeddingModel: EmbeddingModelChoice;
  /** How many sentences get a clear underline: those "likely" wrong at this sensitivity. */
  sensitivity: Sensitivity;
  /** Further backends or models that answer too (see shared/sources.ts); they hold keys. */
  otherVoices: OtherVoice[];
  /** Whether other voices are asked always or only about an uncertain answer (budget mode). */
  otherVoicesMode: OtherVoicesMode;
}

export interface EmbeddingModelChoice {
  /** A catalogue id: 'use-lite' (bundled) or a hub repository such as 'Xenova/all-MiniLM-L6-v2'. */
  id: string;
}

/** What a content script may know: the switches that decide whether it works on its page. */
export interface PublicSettings {
  enabled: boolean;
  siteEnabled: boolean;
  sensitivity: Sensitivity;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  sites: {},
  sampleCount: SAMPLE_COUNT_DEFAULT,
  backend: null,
  embeddingModel: Object.freeze({ id: BUNDLED_MODEL_ID }),
  sensitivity: DEFAULT_SENSITIVITY,
  otherVoices: Object.freeze([]) as unknown as OtherVoice[],
  otherVoicesMode: 'always',
});

export const checkBackend = obj({
  kind: oneOf(BACKEND_KIND_IDS),
  presetId: str,
  baseUrl: str,
  model: str,
  apiKey: str,
  temperature: num,
  maxTokens: int(1, 1_000_000),
  concurrency: int(1, 64),
  timeoutMs: int(1, 3_600_000),
});

/** A stored backend that lost a field (or was never valid) is dropped rather than half-used. */
function migrateBackend(value: unknown): BackendSettings | null {
  return checkBackend(value) === null ? (value as BackendSettings) : null;
}

/** Valid voices only (a damaged one is dropped), unique ids, at most MAX_OTHER_VOICES. */
function migrateOtherVoices(value: unknown): OtherVoice[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>([MAIN_VOICE_ID]);
  const voices: OtherVoice[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.id !== 'string' || seen.has(item.id) || item.id === '')
      continue;
    const backend = migrateBackend(item.backend);
    if (!backend) continue;
    seen.add(item.id);
    voices.push({ id: item.id, backend, samples: clampVoiceSamples(item.samples) });
    if (voices.length === MAX_OTHER_VOICES) break;
  }
  return voices;
}

/** An other voice may be silent (0 samples) but asks at most SAMPLE_COUNT_MAX. */
export function clampVoiceSamples(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return 0;
  return Math.min(SAMPLE_COUNT_MAX, Math.max(0, Math.round(n)));
}

/** An unknown model (a removed catalogue entry, a test model in a real build) falls back to the bundled one. */
export function migrateEmbeddingModel(value: unknown): EmbeddingModelChoice {
  const id = isRecord(value) ? value.id : undefined;
  return typeof id === 'string' && findModel(id, __TEST_HOOKS__)
    ? { id }
    : { id: BUNDLED_MODEL_ID };
}

export function clampSampleCount(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return SAMPLE_COUNT_DEFAULT;
  return Math.min(SAMPLE_COUNT_MAX, Math.max(SAMPLE_COUNT_MIN, Math.round(n)));
}

/**
 * Turns whatever storage holds into valid settings: fills defaults, repairs bad values, and
 * upgrades older shapes. Version 0 (unversioned, pre-release) stored `samples` and
 * `disabledSites: string[]`.
 */
export function migrateSettings(stored: unknown): Settings {
  const raw = isRecord(stored) ? stored : {};
  const sites: Record<string, boolean> = {};
  if (isRecord(raw.sites)) {
    for (const [site, on] of Object.entries(raw.sites))
      if (typeof on === 'boolean') sites[site] = on;
  }
  if (Array.isArray(raw.disabledSites)) {
    for (const site of raw.disabledSites) if (typeof site === 'string') sites[site] = false;
  }
  return {
    version: SETTINGS_VERSION,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    sites,
    sampleCount: clampSampleCount(raw.sampleCount ?? raw.samples),
    backend: migrateBackend(raw.backend),
    embeddingModel: migrateEmbeddingModel(raw.embeddingModel),
    sensitivity: SENSITIVITIES.includes(raw.sensitivity as Sensitivity)
      ? (raw.sensitivity as Sensitivity)
      : DEFAULT_SENSITIVITY,
    otherVoices: migrateOtherVoices(raw.otherVoices),
    otherVoicesMode: OTHER_VOICES_MODES.includes(raw.otherVoicesMode as OtherVoicesMode)
      ? (raw.otherVoicesMode as OtherVoicesMode)
      : DEFAULT_SETTINGS.otherVoicesMode,
  };
}

export function isSiteEnabled(settings: Settings, site: string): boolean {
  return settings.enabled && settings.sites[site] !== false;
}

export function publicSettings(settings: Settings, site: string): PublicSettings {
  return {
    enabled: settings.enabled,
    siteEnabled: settings.sites[site] !== false,
    sensitivity: settings.sensitivity,
  };
}

/** Applies a partial change and re-validates, so a bad patch cannot store a bad value. */
export function applyPatch(
  settings: Settings,
  patch: Partial<Omit<Settings, 'version'>>,
): Settings {
  return migrateSettings({ ...settings, ...patch, sites: { ...settings.sites, ...patch.sites } });
}
