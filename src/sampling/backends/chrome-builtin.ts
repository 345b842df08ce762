/**
 * Chrome's built-in model through the Prompt API (`LanguageModel`, Chrome 138+ in extensions).
 * Feature-detected at call time: it exists neither in Firefox nor in Node nor in the test
 * Chromium, so the unit tests pass a fake `LanguageModel` through `deps`; that tests our mapping
 * of turns, options and errors, not Chrome itself.
 *
 * One fresh session per sample: the API has no `n`, and a shared session would carry one
 * sample's answer into the next one's context.
 */
import { SamplingError, abortReason } from '../errors.ts';
import { normalizeTurns } from '../turns.ts';
import type { Backend, BackendCall, BackendCallResult, BackendSettings } from '../types.ts';
import type { WireFormat } from './index.ts';

export type LanguageModelAvailability =
  'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The part of Chrome's `LanguageModel` we use (typed here: @types/chrome does not cover it). */
export interface LanguageModelLike {
  availability(options?: Record<string, unknown>): Promise<LanguageModelAvailability | string>;
  params?(): Promise<{
    defaultTopK?: number;
    maxTopK?: number;
    defaultTemperature?: number;
    maxTemperature?: number;
  } | null>;
  create(options: {
    initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
    temperature?: number;
    topK?: number;
    signal?: AbortSignal;
  }): Promise<LanguageModelSessionLike>;
}

export interface LanguageModelSessionLike {
  prompt(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy?(): void;
}

export interface ChromeBuiltinDeps {
  /** Defaults to `globalThis.LanguageModel` when the browser has it. */
  languageModel?: LanguageModelLike;
}

// Chrome's default when params() is unavailable (documented defaultTopK of Gemini Nano).
const FALLBACK_TOP_K = 3;

export function findLanguageModel(deps: ChromeBuiltinDeps = {}): LanguageModelLike | undefined {
  return deps.languageModel ?? (globalThis as { LanguageModel?: LanguageModelLike }).LanguageModel;
}

/** Why the built-in model cannot be used right now, as a user-facing error, or null if it can. */
export async function builtinUnavailableReason(
  deps: ChromeBuiltinDeps = {},
): Promise<SamplingError | null> {
  const api = findLanguageModel(deps);
  if (!api) {
    return unavailable(
      "This browser has no built-in model (Chrome's Prompt API). It needs Chrome 138 or newer on a supported computer; choose another backend in Crosscheck's options.",
    );
  }
  let availability: string;
  try {
    availability = await api.availability();
  } catch (error) {
    return unavailable(`Chrome's built-in model could not be checked: ${describe(error)}`);
  }
  if (availability === 'available') return null;
  if (availability === 'downloadable' || availability === 'downloading') {
    return unavailable(
      "Chrome's built-in model is not downloaded yet. Chrome fetches it in the background (see chrome://on-device-internals); try again when it is ready.",
    );
  }
  return unavailable(
    "Chrome's built-in model is not available on this device (Chrome reports it unavailable).",
  );
}

export function createChromeBuiltinBackend(
  settings: BackendSettings,
  deps: ChromeBuiltinDeps = {},
): Backend {
  return {
    kind: 'chrome-builtin',
    maxPerCall: 1,
    async call(request: BackendCall): Promise<BackendCallResult> {
      const reason = await builtinUnavailableReason(deps);
      if (reason) throw reason;
      const api = findLanguageModel(deps) as LanguageModelLike;
      const turns = normalizeTurns(request.turns);
      const prompt = turns[turns.length - 1] as { text: string };
      const history = turns.slice(0, -1).map((turn) => ({ role: turn.role, content: turn.text }));
      const params = (await api.params?.().catch(() => null)) ?? null;
      // The API wants temperature and topK together or not at all.
      const maxTemperature = params?.maxTemperature ?? 2;
      const options = {
        initialPrompts: history,
        temperature: Math.min(maxTemperature, Math.max(0, request.temperature)),
        topK: params?.defaultTopK ?? FALLBACK_TOP_K,
        signal: request.signal,
      };
      let session: LanguageModelSessionLike | undefined;
      try {
        session = await api.create(options);
        const text = await session.prompt(prompt.text, { signal: request.signal });
        if (typeof text !== 'string') throw unexpected('the model returned no text');
        return { texts: [text], model: settings.model || 'gemini-nano' };
      } catch (error) {
        throw mapError(error, request.signal);
      } finally {
        session?.destroy?.();
      }
    },
  };
}

function mapError(error: unknown, signal: AbortSignal): SamplingError {
  if (error instanceof SamplingError) return error;
  if (signal.aborted) return abortReason(signal);
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new SamplingError({
      kind: 'bad-request',
      message: "The conversation is too long for Chrome's built-in model.",
      retryable: false,
    });
  }
  if (name === 'NotSupportedError' || name === 'NotAllowedError') {
    return unavailable(`Chrome's built-in model refused the request: ${describe(error)}`);
  }
  return unexpected(describe(error));
}

function unavailable(message: string): SamplingError {
  return new SamplingError({ kind: 'unavailable', message, retryable: false });
}

function unexpected(detail: string): SamplingError {
  return new SamplingError({
    kind: 'server',
    message: `Chrome's built-in model failed: ${detail}`,
    retryable: false,
  });
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}

/** Found by ./index.ts: this module is the `chrome-builtin` kind of shared/backend-kinds.ts. */
export const wireFormat: WireFormat = {
  kind: 'chrome-builtin',
  create: createChromeBuiltinBackend,
};
