/**
 * Other voices in storage: a fresh one to fill in, and storing or forgetting one by id. The form
 * is checked before (useBackendActions), since the settings migration drops a voice it cannot use.
 */
import { clampVoiceSamples } from '../shared/settings-schema.ts';
import { loadSettings, updateSettings } from '../shared/settings-store.ts';
import type { OtherVoice } from '../shared/sources.ts';
import { backendForPreset } from './backend-choice.ts';

/** Samples a new voice gives: two, the count the research found already helps most people. */
export const NEW_VOICE_SAMPLES = 2;

export function newVoice(): OtherVoice {
  return {
    id: `v-${crypto.randomUUID().slice(0, 8)}`,
    backend: backendForPreset('ollama'),
    samples: NEW_VOICE_SAMPLES,
  };
}

/** Replaces the stored voice with this id, or adds it at the end. */
export async function storeVoice(voice: OtherVoice): Promise<void> {
  const stored = { ...voice, samples: clampVoiceSamples(voice.samples) };
  const { otherVoices } = await loadSettings();
  const known = otherVoices.some((v) => v.id === voice.id);
  const next = known
    ? otherVoices.map((v) => (v.id === voice.id ? stored : v))
    : [...otherVoices, stored];
  const saved = await updateSettings({ otherVoices: next });
  if (!saved.otherVoices.some((v) => v.id === voice.id))
    throw new Error('Not saved: there are already as many other voices as Crosscheck allows.');
}

export async function forgetVoice(id: string): Promise<void> {
  const { otherVoices } = await loadSettings();
  await updateSettings({ otherVoices: otherVoices.filter((v) => v.id !== id) });
}
