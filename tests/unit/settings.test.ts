import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  applyPatch,
  clampSampleCount,
  isSiteEnabled,
  migrateEmbeddingModel,
  migrateSettings,
  publicSettings,
} from '../../src/shared/settings-schema.ts';
import { findModel } from '../../src/shared/model-catalogue.ts';

describe('settings schema', () => {
  it('gives defaults for empty or damaged storage', () => {
    for (const stored of [undefined, null, 42, 'x', [], {}]) {
      expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
    }
    expect(DEFAULT_SETTINGS.sampleCount).toBe(4);
  });

  it('repairs out-of-range and wrongly typed values', () => {
    const settings = migrateSettings({
      version: 1,
      enabled: 'yes',
      sampleCount: 99,
      sites: { chatgpt: false, claude: 'off' },
      backend: 'nope',
      sensitivity: 'all of them',
      otherVoices: 'many',
      otherVoicesMode: 'sometimes',
    });
    expect(settings).toEqual({
      version: 1,
      enabled: true,
      sampleCount: 10,
      sites: { chatgpt: false },
      backend: null,
      embeddingModel: { id: 'use-lite' },
      sensitivity: 'balanced',
      otherVoices: [],
      otherVoicesMode: 'always',
    });
  });

  it('keeps valid other voices, drops damaged or duplicate ones, clamps their sample counts', () => {
    const backend = {
      kind: 'openai',
      presetId: 'ollama',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.2',
      apiKey: '',
      temperature: 1,
      maxTokens: 512,
      concurrency: 2,
      timeoutMs: 60_000,
    };
    const settings = migrateSettings({
      otherVoices: [
        { id: 'v-1', backend, samples: 2.4 },
        { id: 'v-1', backend, samples: 1 },
        { id: 'main', backend, samples: 1 },
        { id: 'v-2', backend: { ...backend, kind: 'nope' }, samples: 1 },
        { id: 'v-3', backend, samples: 99 },
        { id: 'v-4', backend, samples: -1 },
      ],
      otherVoicesMode: 'when-uncertain',
    });
    expect(settings.otherVoices).toEqual([
      { id: 'v-1', backend, samples: 2 },
      { id: 'v-3', backend, samples: 10 },
      { id: 'v-4', backend, samples: 0 },
    ]);
    expect(settings.otherVoicesMode).toBe('when-uncertain');
  });

  it('keeps a chosen sensitivity and shares it with content scripts', () => {
    const settings = applyPatch(DEFAULT_SETTINGS, { sensitivity: 'fewer' });
    expect(settings.sensitivity).toBe('fewer');
    expect(migrateSettings(JSON.parse(JSON.stringify(settings))).sensitivity).toBe('fewer');
    expect(publicSettings(settings, 'claude').sensitivity).toBe('fewer');
  });

  it('clamps and rounds the sample count', () => {
    expect(clampSampleCount(0)).toBe(1);
    expect(clampSampleCount(-3)).toBe(1);
    expect(clampSampleCount(3.6)).toBe(4);
    expect(clampSampleCount('7')).toBe(7);
    expect(clampSampleCount('seven')).toBe(4);
    expect(clampSampleCount(Number.NaN)).toBe(4);
  });

  it('migrates the unversioned shape (samples, disabledSites)', () => {
    const settings = migrateSettings({ samples: 6, disabledSites: ['gemini', 3], enabled: false });
    expect(settings.sampleCount).toBe(6);
    expect(settings.sites).toEqual({ gemini: false });
    expect(settings.enabled).toBe(false);
    expect(settings.version).toBe(1);
  });

  it('applies patches through validation and merges site switches', () => {
    const base = migrateSettings({ sites: { chatgpt: false } });
    const next = applyPatch(base, { sampleCount: 0, sites: { claude: false } });
    expect(next.sampleCount).toBe(1);
    expect(next.sites).toEqual({ chatgpt: false, claude: false });
  });

  it('drops a stored backend that is missing fields', () => {
    expect(migrateSettings({ backend: { kind: 'openai', model: 'm' } }).backend).toBeNull();
  });

  it('decides per-site enablement under the master switch', () => {
    const settings = migrateSettings({ sites: { chatgpt: false } });
    expect(isSiteEnabled(settings, 'claude')).toBe(true);
    expect(isSiteEnabled(settings, 'chatgpt')).toBe(false);
    expect(isSiteEnabled({ ...settings, enabled: false }, 'claude')).toBe(false);
  });

  it('never hands the backend (and its key) to a content script', () => {
    const backend = {
      kind: 'openai',
      presetId: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-secret',
      temperature: 1,
      maxTokens: 1024,
      concurrency: 4,
      timeoutMs: 60_000,
    };
    const settings = migrateSettings({ backend });
    expect(settings.backend).toEqual(backend);
    const shared = publicSettings(settings, 'chatgpt');
    expect(shared).toEqual({ enabled: true, siteEnabled: true, sensitivity: 'balanced' });
    expect(JSON.stringify(shared)).not.toContain('sk-secret');
  });

  it('defaults to the bundled embedding model, also for settings stored before the field existed', () => {
    expect(DEFAULT_SETTINGS.embeddingModel).toEqual({ id: 'use-lite' });
    const old = migrateSettings({ version: 1, enabled: true, sites: {}, sampleCount: 3 });
    expect(old.embeddingModel).toEqual({ id: 'use-lite' });
  });

  it('keeps a catalogue model and repairs anything else to the bundled one', () => {
    expect(
      migrateSettings({ embeddingModel: { id: 'Xenova/all-MiniLM-L6-v2' } }).embeddingModel,
    ).toEqual({ id: 'Xenova/all-MiniLM-L6-v2' });
    expect(
      migrateSettings({ embeddingModel: { id: 'Xenova/multilingual-e5-small', extra: 1 } })
        .embeddingModel,
    ).toEqual({ id: 'Xenova/multilingual-e5-small' });
    for (const damaged of [
      'Xenova/all-MiniLM-L6-v2',
      { id: 'someone/unknown-model' },
      { id: 42 },
      { name: 'use-lite' },
      null,
      [],
    ]) {
      expect(migrateSettings({ embeddingModel: damaged }).embeddingModel).toEqual({
        id: 'use-lite',
      });
    }
  });

  it('accepts the test-only model only where test hooks are on', () => {
    // Vitest defines __TEST_HOOKS__ as a test build does.
    expect(__TEST_HOOKS__).toBe(true);
    expect(migrateEmbeddingModel({ id: 'crosscheck-test/use-lite-remote' })).toEqual({
      id: 'crosscheck-test/use-lite-remote',
    });
    expect(findModel('crosscheck-test/use-lite-remote', false)).toBeUndefined();
    expect(findModel('crosscheck-test/use-lite-remote', true)?.source).toBe('remote');
  });

  it('switches the model through a patch, validated like the rest', () => {
    const base = migrateSettings({});
    expect(
      applyPatch(base, { embeddingModel: { id: 'Xenova/all-MiniLM-L6-v2' } }).embeddingModel,
    ).toEqual({
      id: 'Xenova/all-MiniLM-L6-v2',
    });
    expect(applyPatch(base, { embeddingModel: { id: '../../etc' } }).embeddingModel).toEqual({
      id: 'use-lite',
    });
  });

  it('never hands the embedding model choice to a content script', () => {
    const settings = migrateSettings({ embeddingModel: { id: 'Xenova/all-MiniLM-L6-v2' } });
    expect(Object.keys(publicSettings(settings, 'chatgpt'))).not.toContain('embeddingModel');
  });
});
