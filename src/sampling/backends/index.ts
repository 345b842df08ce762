/**
 * Picks the backend module for the configured kind. The map is typed by shared/backend.ts's
 * BACKEND_KINDS, so a kind added there without its module here does not compile.
 */
import { type HttpDeps } from '../http.ts';
import type { Backend, BackendKind, BackendSettings } from '../types.ts';
import { createAnthropicBackend } from './anthropic.ts';
import { type ChromeBuiltinDeps, createChromeBuiltinBackend } from './chrome-builtin.ts';
import { createGeminiBackend } from './gemini.ts';
import { createOpenAiBackend } from './openai-compatible.ts';

export type BackendDeps = HttpDeps & ChromeBuiltinDeps;

const FACTORIES: Record<BackendKind, (settings: BackendSettings, deps: BackendDeps) => Backend> = {
  openai: createOpenAiBackend,
  anthropic: createAnthropicBackend,
  gemini: createGeminiBackend,
  'chrome-builtin': createChromeBuiltinBackend,
};

export function createBackend(settings: BackendSettings, deps: BackendDeps = {}): Backend {
  const factory = Object.hasOwn(FACTORIES, settings.kind) ? FACTORIES[settings.kind] : undefined;
  if (!factory) {
    throw new Error(`Unknown backend kind "${String((settings as { kind: unknown }).kind)}".`);
  }
  return factory(settings, deps);
}
