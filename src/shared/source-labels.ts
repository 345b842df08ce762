/**
 * Names for sample sources, as people read them in the card, the compare view and the popup: the
 * model's name, and only where two sources share it, the service it runs on ("llama3.2 (Ollama)"),
 * then its host, then a number. Built from settings, never from a key, so a label may be shown
 * anywhere.
 */
import { BACKEND_KINDS, type BackendSettings } from './backend.ts';
import { presetById } from './presets.ts';
import { MAIN_VOICE_ID, type OtherVoice, type SampleSource } from './sources.ts';

type LabelledBackend = Pick<BackendSettings, 'kind' | 'presetId' | 'baseUrl' | 'model'>;

export interface VoiceIdentity {
  /** MAIN_VOICE_ID or an OtherVoice id. */
  id: string;
  backend: LabelledBackend;
}

/** The service's short name: the preset's ("Ollama (local)" → "Ollama"), else the wire format's. */
function providerName(backend: LabelledBackend): string {
  const preset = presetById(backend.presetId);
  const label =
    preset && preset.kind === backend.kind ? preset.label : BACKEND_KINDS[backend.kind].label;
  return label.replace(/\s*\([^)]*\)\s*$/, '');
}

function hostOf(backend: LabelledBackend): string {
  if (!BACKEND_KINDS[backend.kind].http) return '';
  try {
    return new URL(backend.baseUrl).host;
  } catch {
    return '';
  }
}

/** Groups `labels` by their lower-cased text: the indices of each label used more than once. */
function clashes(labels: readonly string[]): Set<number> {
  const seen = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const key = label.toLowerCase();
    seen.set(key, [...(seen.get(key) ?? []), i]);
  });
  return new Set([...seen.values()].filter((group) => group.length > 1).flat());
}

/**
 * One source per voice, in order, with labels that tell them apart. Only clashing labels grow:
 * "gpt-4o-mini" stays so beside "llama3.2 (Ollama)" and "llama3.2 (LM Studio)".
 */
export function voiceLabels(voices: readonly VoiceIdentity[]): SampleSource[] {
  const model = (v: VoiceIdentity) => v.backend.model.trim() || providerName(v.backend);
  let labels = voices.map(model);
  const steps: ((v: VoiceIdentity) => string)[] = [
    (v) => `${model(v)} (${providerName(v.backend)})`,
    (v) => {
      const host = hostOf(v.backend);
      return `${model(v)} (${providerName(v.backend)}${host ? `, ${host}` : ''})`;
    },
  ];
  for (const step of steps) {
    const clash = clashes(labels);
    if (clash.size === 0) break;
    labels = labels.map((label, i) => (clash.has(i) ? step(voices[i]!) : label));
  }
  // Still alike (the same model on the same server, twice): number them in order.
  const clash = clashes(labels);
  const counts = new Map<string, number>();
  labels = labels.map((label, i) => {
    if (!clash.has(i)) return label;
    const n = (counts.get(label.toLowerCase()) ?? 0) + 1;
    counts.set(label.toLowerCase(), n);
    return `${label} #${n}`;
  });
  return voices.map((v, i) => ({ id: v.id, label: labels[i]! }));
}

/** The sources as settings name them: the main backend first (when one is set), then each voice. */
export function sourceLabels(
  main: BackendSettings | null,
  voices: readonly OtherVoice[],
): SampleSource[] {
  return voiceLabels([
    ...(main ? [{ id: MAIN_VOICE_ID, backend: main }] : []),
    ...voices.map((voice) => ({ id: voice.id, backend: voice.backend })),
  ]);
}
