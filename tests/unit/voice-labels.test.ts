/**
 * Labels of sample sources: the model's name, grown only where two voices would read alike, and
 * never a key; and the plan of a run's voices from the settings.
 */
import { describe, expect, it } from 'vitest';
import { planVoices } from '../../src/background/voice-plan.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import { voiceLabels } from '../../src/shared/source-labels.ts';
import type { BackendSettings } from '../../src/shared/backend.ts';

const voice = (id: string, backend: BackendSettings) => ({ id, backend });
const labels = (...backends: BackendSettings[]) =>
  voiceLabels(backends.map((b, i) => voice(i === 0 ? 'main' : `v-${i}`, b))).map((s) => s.label);

describe('voiceLabels', () => {
  it('uses the model’s name when the models differ', () => {
    expect(
      labels(
        settingsFromPreset('openai', { apiKey: 'sk-secret' }),
        settingsFromPreset('ollama', { model: 'llama3.2' }),
      ),
    ).toEqual(['gpt-4o-mini', 'llama3.2']);
  });

  it('adds the service to models that share a name, and only to those', () => {
    expect(
      labels(
        settingsFromPreset('openai'),
        settingsFromPreset('ollama', { model: 'llama3.2' }),
        settingsFromPreset('lmstudio', { model: 'llama3.2' }),
      ),
    ).toEqual(['gpt-4o-mini', 'llama3.2 (Ollama)', 'llama3.2 (LM Studio)']);
    // A custom server is named by its wire format.
    expect(
      labels(
        settingsFromPreset('ollama', { model: 'qwen2.5' }),
        settingsFromPreset('openai', {
          presetId: 'custom',
          model: 'Qwen2.5',
          baseUrl: 'http://10.0.0.2:8000/v1',
        }),
      ),
    ).toEqual(['qwen2.5 (Ollama)', 'Qwen2.5 (OpenAI-compatible)']);
  });

  it('then the host, then a number', () => {
    expect(
      labels(
        settingsFromPreset('ollama', { model: 'llama3.2' }),
        settingsFromPreset('ollama', { model: 'llama3.2', baseUrl: 'http://192.168.1.9:11434' }),
      ),
    ).toEqual(['llama3.2 (Ollama, localhost:11434)', 'llama3.2 (Ollama, 192.168.1.9:11434)']);
    expect(
      labels(
        settingsFromPreset('ollama', { model: 'llama3.2', temperature: 0.2 }),
        settingsFromPreset('ollama', { model: 'llama3.2', temperature: 1.2 }),
      ),
    ).toEqual(['llama3.2 (Ollama, localhost:11434) #1', 'llama3.2 (Ollama, localhost:11434) #2']);
  });

  it('names Chrome’s built-in model and a model left blank by their service', () => {
    expect(
      labels(
        settingsFromPreset('chrome-builtin'),
        settingsFromPreset('openai', {
          presetId: 'custom',
          model: ' ',
          baseUrl: 'http://127.0.0.1:9/v1',
        }),
      ),
    ).toEqual(['gemini-nano', 'OpenAI-compatible']);
  });

  it('never puts a key in a label', () => {
    const key = 'sk-live-abcdef123456';
    const out = labels(
      settingsFromPreset('openai', { apiKey: key }),
      settingsFromPreset('openai', { apiKey: key, baseUrl: 'https://proxy.example/v1' }),
    );
    expect(out).toEqual([
      'gpt-4o-mini (OpenAI, api.openai.com)',
      'gpt-4o-mini (OpenAI, proxy.example)',
    ]);
    expect(out.join(' ')).not.toContain(key);
  });
});

describe('planVoices', () => {
  const main = settingsFromPreset('openai', { apiKey: 'sk-main' });
  const ollama = settingsFromPreset('ollama', { model: 'llama3.2' });
  const silent = settingsFromPreset('groq', { apiKey: 'gsk' });

  it('asks the main voice and every other voice with samples, each with its own count', async () => {
    const plan = await planVoices(
      {
        sampleCount: 4,
        sensitivity: 'balanced',
        otherVoicesMode: 'always',
        otherVoices: [
          { id: 'v-a', backend: ollama, samples: 2 },
          { id: 'v-b', backend: silent, samples: 0 },
        ],
      },
      main,
      () => Promise.resolve(null),
    );
    expect(plan.voices.map((v) => [v.source, v.samples])).toEqual([
      [{ id: 'main', label: 'gpt-4o-mini' }, 4],
      [{ id: 'v-a', label: 'llama3.2' }, 2],
    ]);
    expect(plan.askOthersWhenUncertain).toBeUndefined();
  });

  it('marks a voice it may not contact, and asks the others only when unsure in budget mode', async () => {
    const plan = await planVoices(
      {
        sampleCount: 4,
        sensitivity: 'more',
        otherVoicesMode: 'when-uncertain',
        otherVoices: [{ id: 'v-a', backend: ollama, samples: 2 }],
      },
      main,
      (backend) =>
        Promise.resolve(
          backend === ollama ? 'Crosscheck may not contact localhost:11434 yet.' : null,
        ),
    );
    expect(plan.voices[1]?.unavailable).toBe('Crosscheck may not contact localhost:11434 yet.');
    expect(plan.askOthersWhenUncertain).toEqual({ sensitivity: 'more' });
  });
});
