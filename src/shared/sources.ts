/**
 * Sample sources ("voices"): where the extra answers come from. The main voice is the backend in
 * `Settings.backend` (or Chrome's built-in model), asked `Settings.sampleCount` times — the
 * self-consistency pass. Other voices are further backends or models the user configured, each
 * asked its own number of times, either always (in parallel with the main voice) or only when the
 * main voice's samples leave some sentence uncertain (budget mode). Plain data: every context may
 * read it; only the background and the options page see the keys inside `OtherVoice.backend`.
 */
import type { BackendSettings, TokenUsage } from './backend.ts';
import type { RunCost } from './run-cost.ts';

/** The id of the main voice in `SampleSource.id`; other voices use their `OtherVoice.id`. */
export const MAIN_VOICE_ID = 'main';

/** Most other voices one may configure. */
export const MAX_OTHER_VOICES = 4;

/** A further backend or model the user configured to answer besides the main one. */
export interface OtherVoice {
  /** Stable id ("v-…"), never MAIN_VOICE_ID; keys results, caches and labels. */
  id: string;
  backend: BackendSettings;
  /** Samples asked of this voice per answer; 0 keeps it configured but silent. */
  samples: number;
}

/**
 * When the other voices are asked: 'always' — with the main voice, in parallel; 'when-uncertain' —
 * only after the main voice's samples leave at least one sentence in the uncertain band (or
 * likely wrong) at the user's sensitivity, and never for a confident answer (budget mode).
 */
export type OtherVoicesMode = 'always' | 'when-uncertain';
export const OTHER_VOICES_MODES: readonly OtherVoicesMode[] = ['always', 'when-uncertain'];

/** Who said one sample: shown in the card, the compare view and the summary. */
export interface SampleSource {
  /** MAIN_VOICE_ID or an OtherVoice id. */
  id: string;
  /** For people: the model's name, with the backend where two sources share a model name
   * ("gpt-4o-mini", "llama3.2 (Ollama)"). Never holds a key. */
  label: string;
}

/** What one source did in one run: the popup's per-source cost lines. */
export interface SourceSpend {
  source: SampleSource;
  /** Samples received from it. */
  received: number;
  /** Samples asked of it (0 when budget mode did not ask it). */
  asked: number;
  usage: TokenUsage | null;
  /** Free, priced, or null when no price is known. */
  cost: RunCost | null;
  /** Why it was not asked or stopped: "not asked: the answer looked consistent", an error. */
  note?: string;
}
