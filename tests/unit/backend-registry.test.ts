/**
 * shared/backend-kinds.ts is the one list of backend kinds: settings validation, the scheduler's
 * batch size for custom servers, the presets and the backend factory all follow it.
 */
import { describe, expect, it } from 'vitest';
import { BACKEND_KIND_IDS, BACKEND_KINDS, isBackendKind } from '../../src/shared/backend.ts';
import { checkBackend } from '../../src/shared/settings-schema.ts';
import { createBackend } from '../../src/sampling/backends/index.ts';
import { maxPerCallFor, PRESETS, settingsFromPreset } from '../../src/shared/presets.ts';

describe('BACKEND_KINDS', () => {
  it('has a factory for every kind, and the backend it makes reports that kind', () => {
    for (const kind of BACKEND_KIND_IDS) {
      const preset = PRESETS.find((p) => p.kind === kind);
      expect(preset, `a preset of kind ${kind}`).toBeDefined();
      const backend = createBackend(settingsFromPreset(preset?.id ?? ''));
      expect(backend.kind).toBe(kind);
    }
  });

  it('is what stored settings are checked against', () => {
    const settings = settingsFromPreset('anthropic');
    for (const kind of BACKEND_KIND_IDS) expect(checkBackend({ ...settings, kind })).toBeNull();
    expect(checkBackend({ ...settings, kind: 'cohere' })).toContain('must be one of');
    expect(isBackendKind('cohere')).toBe(false);
    expect(isBackendKind('toString')).toBe(false);
  });

  it('gives custom servers the batch size their kind allows', () => {
    for (const kind of BACKEND_KIND_IDS) {
      expect(maxPerCallFor({ presetId: 'custom', kind })).toBe(BACKEND_KINDS[kind].maxPerCall);
    }
    expect(maxPerCallFor({ presetId: 'custom', kind: 'gemini' })).toBe(8);
  });

  it('refuses an unknown kind by name', () => {
    const settings = { ...settingsFromPreset('openai'), kind: 'cohere' } as never;
    expect(() => createBackend(settings)).toThrow('Unknown backend kind "cohere"');
  });
});
