/**
 * Which voices a run asks, from the settings: the main voice (`Settings.backend`, or Chrome's
 * built-in model) with `sampleCount` samples, then every other voice with samples, each labelled
 * so people can tell them apart. And the key that says which voices made a stored result, so a
 * result is reused only for the same voices.
 */
import { voiceLabels } from '../shared/source-labels.ts';
import type { BackendSettings } from '../shared/backend.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { MAIN_VOICE_ID, type OtherVoice } from '../shared/sources.ts';
import type { CheckInput, VoicePlan } from './check-answer.ts';

/** The other voices that answer: those with samples. */
export function activeOtherVoices(settings: Pick<Settings, 'otherVoices'>): OtherVoice[] {
  return settings.otherVoices.filter((voice) => voice.samples > 0);
}

/**
 * The run's voices, main first. `permissionProblem` says why a backend may not be contacted
 * (null when it may): such a voice stays in the plan, failing without a request, so the others
 * still answer and the result says which one could not.
 */
export async function planVoices(
  settings: Pick<Settings, 'otherVoices' | 'otherVoicesMode' | 'sampleCount' | 'sensitivity'>,
  main: BackendSettings,
  permissionProblem: (backend: BackendSettings) => Promise<string | null>,
): Promise<Pick<CheckInput, 'voices' | 'askOthersWhenUncertain'>> {
  const others = activeOtherVoices(settings);
  const sources = voiceLabels([{ id: MAIN_VOICE_ID, backend: main }, ...others]);
  const voices: VoicePlan[] = [
    { source: sources[0]!, backend: main, samples: settings.sampleCount },
  ];
  for (const [i, voice] of others.entries()) {
    const problem = await permissionProblem(voice.backend);
    voices.push({
      source: sources[i + 1]!,
      backend: voice.backend,
      samples: voice.samples,
      ...(problem ? { unavailable: problem } : {}),
    });
  }
  return others.length > 0 && settings.otherVoicesMode === 'when-uncertain'
    ? { voices, askOthersWhenUncertain: { sensitivity: settings.sensitivity } }
    : { voices };
}

/** What identifies a backend's answers (as the sample cache does): never the key. */
function backendIdentity(backend: BackendSettings): string[] {
  return [backend.kind, backend.baseUrl.trim().replace(/\/+$/, ''), backend.model.trim()];
}

/**
 * Which other voices a result was made with, and how they were asked: '' for the main voice
 * alone (as every result stored before there were other voices), so those stay reusable.
 * The main voice is left out, as before: a stored result never depended on it.
 */
export function voicesKey(settings: Pick<Settings, 'otherVoices' | 'otherVoicesMode'>): string {
  const others = activeOtherVoices(settings);
  if (others.length === 0) return '';
  const voices = others.map((v) => [v.id, ...backendIdentity(v.backend), v.samples]);
  return JSON.stringify([settings.otherVoicesMode, voices]);
}
