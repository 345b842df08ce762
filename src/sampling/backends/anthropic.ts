/**
 * Anthropic Messages API (POST {baseUrl}/v1/messages). It has no `n`, so every sample is its own
 * request. Calling it from a browser needs `anthropic-dangerous-direct-browser-access: true`,
 * Anthropic's explicit opt-in for keys held client-side (here: in the extension's storage).
 * 529 "overloaded" is retryable; http-errors.ts maps it.
 */
import { malformedError } from '../http-errors.ts';
import { type HttpDeps, endpointUrl, postJson } from '../http.ts';
import { callResult, knownUsage, tokenCount } from '../reply-parts.ts';
import { normalizeTurns } from '../turns.ts';
import type { Backend, BackendCall, BackendCallResult, BackendSettings } from '../types.ts';
import type { WireFormat } from './index.ts';

export const ANTHROPIC_VERSION = '2023-06-01';

interface MessagesReply {
  content?: unknown;
  model?: unknown;
  usage?: { input_tokens?: unknown; output_tokens?: unknown };
}

export function createAnthropicBackend(settings: BackendSettings, deps: HttpDeps = {}): Backend {
  return {
    kind: 'anthropic',
    maxPerCall: 1,
    async call(request: BackendCall): Promise<BackendCallResult> {
      // Users often paste the versioned root ("…/v1"); the path below adds the version itself.
      const url = endpointUrl(settings.baseUrl.trim().replace(/\/v1\/*$/, ''), '/v1/messages');
      const body = {
        model: settings.model,
        max_tokens: request.maxTokens,
        // Anthropic accepts 0..1; OpenAI-style settings may say up to 2.
        temperature: Math.min(1, Math.max(0, request.temperature)),
        messages: normalizeTurns(request.turns, { startWithUser: true }).map((turn) => ({
          role: turn.role,
          content: turn.text,
        })),
      };
      const headers = {
        'x-api-key': settings.apiKey,
        'anthropic-version': ANTHROPIC_VERSION,
        'anthropic-dangerous-direct-browser-access': 'true',
      };
      const post = { url, headers, body, signal: request.signal };
      const reply = (await postJson(post, settings, deps)) as MessagesReply | null;
      return parseMessage(reply, settings);
    },
  };
}

function parseMessage(reply: MessagesReply | null, settings: BackendSettings): BackendCallResult {
  if (!reply || typeof reply !== 'object' || !Array.isArray(reply.content)) {
    throw malformedError(settings, 'no "content"');
  }
  const text = (reply.content as unknown[])
    .filter((block): block is { type: 'text'; text: string } => {
      const b = block as { type?: unknown; text?: unknown } | null;
      return b?.type === 'text' && typeof b.text === 'string';
    })
    .map((block) => block.text)
    .join('');
  const input = tokenCount(reply.usage?.input_tokens);
  const output = tokenCount(reply.usage?.output_tokens);
  const usage = knownUsage({
    inputTokens: input,
    outputTokens: output,
    totalTokens: input !== undefined && output !== undefined ? input + output : undefined,
  });
  return callResult([text], usage, reply.model);
}

/** Found by ./index.ts: this module is the `anthropic` kind of shared/backend-kinds.ts. */
export const wireFormat: WireFormat = { kind: 'anthropic', create: createAnthropicBackend };
