/**
 * What the options page's "Test connection" button runs (through the background, which holds
 * the key): one tiny request, a single attempt with no retries, so the user sees the real
 * failure at once — a rejected key, an unknown model, Ollama's 403 with the OLLAMA_ORIGINS fix.
 */
import { type BackendDeps, createBackend } from './backends/index.ts';
import {
  type SamplingError,
  cancelledError,
  redactErrorData,
  timeoutError,
  toSamplingErrorData,
} from './errors.ts';
import { validateSettings } from './settings.ts';
import type { BackendSettings } from './types.ts';
import type { ConnectionResult } from '../shared/backend.ts';

export interface TestConnectionOptions {
  signal?: AbortSignal;
  deps?: BackendDeps;
  now?: () => number;
  /** Cap on the wait; the settings' own timeout applies if shorter. */
  timeoutMs?: number;
}

const PROBE_PROMPT = 'Reply with the single word OK.';

export async function testConnection(
  settings: BackendSettings,
  options: TestConnectionOptions = {},
): Promise<ConnectionResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const fail = (error: unknown): ConnectionResult => ({
    ok: false,
    error: redactErrorData(toSamplingErrorData(error, [settings.apiKey]), [settings.apiKey]),
    latencyMs: Math.round(now() - started),
  });
  try {
    validateSettings(settings);
  } catch (error) {
    return fail(error);
  }
  const timeoutMs = Math.min(settings.timeoutMs, options.timeoutMs ?? 30_000);
  const attempt = new AbortController();
  const onAbort = (): void => attempt.abort(cancelledError());
  if (options.signal?.aborted) return fail(cancelledError());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(
    () => attempt.abort(timeoutError(timeoutMs, timeoutMs === settings.timeoutMs)),
    timeoutMs,
  );
  try {
    const backend = createBackend(settings, {
      ...options.deps,
      now: options.deps?.now ?? Date.now,
    });
    const call = backend.call({
      turns: [{ role: 'user', text: PROBE_PROMPT }],
      count: 1,
      temperature: 0,
      // One token is enough to prove key, model and route; reasoning models may return it empty.
      maxTokens: 1,
      signal: attempt.signal,
    });
    const aborted = new Promise<never>((_, reject) => {
      attempt.signal.addEventListener(
        'abort',
        () => reject(attempt.signal.reason as SamplingError),
        { once: true },
      );
    });
    const result = await Promise.race([call, aborted]);
    return {
      ok: true,
      model: result.model ?? settings.model,
      latencyMs: Math.round(now() - started),
      reply: (result.texts[0] ?? '').slice(0, 100),
    };
  } catch (error) {
    return fail(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
