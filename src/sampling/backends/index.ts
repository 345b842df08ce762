/**
 * Picks the backend for the configured kind: the one place that knows all four.
 */
import { type HttpDeps } from '../http.ts';
import type { Backend, BackendSettings } from '../types.ts';
import { createAnthropicBackend } from './anthropic.ts';
import { type ChromeBuiltinDeps, createChromeBuiltinBackend } from './chrome-builtin.ts';
import { createGeminiBackend } from './gemini.ts';
import { createOpenAiBackend } from './openai-compatible.ts';

export type BackendDeps = HttpDeps & ChromeBuiltinDeps;

export function createBackend(settings: BackendSettings, deps: BackendDeps = {}): Backend {
  switch (settings.kind) {
    case 'openai':
      return createOpenAiBackend(settings, deps);
    case 'anthropic':
      return createAnthropicBackend(settings, deps);
    case 'gemini':
      return createGeminiBackend(settings, deps);
    case 'chrome-builtin':
      return createChromeBuiltinBackend(settings, deps);
    default:
      throw new Error(`Unknown backend kind "${String((settings as { kind: unknown }).kind)}".`);
  }
}
