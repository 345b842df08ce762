/**
 * DRY RUN: a fake wire format, POST {baseUrl}/echo/generate → { outputs: [text], model }, to count
 * the files a new format touches.
 */
import { malformedError } from '../http-errors.ts';
import { type HttpDeps, endpointUrl, postJson } from '../http.ts';
import { callResult } from '../reply-parts.ts';
import type { Backend, BackendCall, BackendCallResult, BackendSettings } from '../types.ts';
import type { WireFormat } from './index.ts';

export function createEchoBackend(settings: BackendSettings, deps: HttpDeps = {}): Backend {
  return {
    kind: 'echo',
    maxPerCall: 1,
    async call(request: BackendCall): Promise<BackendCallResult> {
      const url = endpointUrl(settings.baseUrl, '/echo/generate');
      const body = { model: settings.model, messages: request.turns };
      const reply = (await postJson(
        { url, headers: {}, body, signal: request.signal },
        settings,
        deps,
      )) as {
        outputs?: unknown;
      } | null;
      if (!reply || !Array.isArray(reply.outputs)) throw malformedError(settings, 'no "outputs"');
      return callResult(reply.outputs.map(String), undefined, settings.model);
    },
  };
}

export const wireFormat: WireFormat = { kind: 'echo', create: createEchoBackend };
