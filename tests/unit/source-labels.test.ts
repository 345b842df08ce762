/**
 * Source names as the popup reads them from settings: the same labels the background gives the
 * samples (one definition), the main backend first; never the key.
 */
import { describe, expect, it } from 'vitest';
import { sourceLabels } from '../../src/shared/source-labels.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import type { OtherVoice } from '../../src/shared/sources.ts';

const openai = settingsFromPreset('openai', { model: 'gpt-4o-mini', apiKey: 'sk-secret' });
const ollama = (model: string, baseUrl = 'http://127.0.0.1:11434/v1') =>
  settingsFromPreset('ollama', { model, baseUrl });
const voice = (id: string, backend = ollama('llama3.2')): OtherVoice => ({
  id,
  backend,
  samples: 2,
});

describe('sourceLabels', () => {
  it('names each source by its model, main first', () => {
    expect(sourceLabels(openai, [voice('v-1')])).toEqual([
      { id: 'main', label: 'gpt-4o-mini' },
      { id: 'v-1', label: 'llama3.2' },
    ]);
  });

  it('adds the service and host where two sources share a model, and a number where that is the same too', () => {
    const labels = sourceLabels(ollama('llama3.2'), [
      voice('v-1', ollama('llama3.2', 'http://192.168.1.5:11434/v1')),
      voice('v-2'),
    ]);
    expect(labels.map((l) => l.label)).toEqual([
      'llama3.2 (Ollama, 127.0.0.1:11434) #1',
      'llama3.2 (Ollama, 192.168.1.5:11434)',
      'llama3.2 (Ollama, 127.0.0.1:11434) #2',
    ]);
  });

  it('never shows a key, and lists only the voices when no main backend is set', () => {
    const labels = sourceLabels(null, [voice('v-1', openai)]);
    expect(labels).toEqual([{ id: 'v-1', label: 'gpt-4o-mini' }]);
    expect(JSON.stringify(sourceLabels(openai, [voice('v-1', openai)]))).not.toContain('sk-secret');
  });
});
