/**
 * OpenAI chat completions (POST {baseUrl}/chat/completions), the format OpenAI, Ollama,
 * LM Studio, llama.cpp, OpenRouter, Groq, Together, Mistral and DeepSeek all speak.
 *
 * `n` is sent only when the preset says the server honours it (`maxPerCall` > 1); the reply may
 * still carry fewer choices than asked, and the scheduler asks for the rest as single requests.
 */
import type { Turn } from '../../shared/conversation.ts';
import { errorFromHttpResponse, malformedError } from '../http-errors.ts';
import { type HttpDeps, endpointUrl, postJson } from '../http.ts';
import { maxPerCallFor, presetById } from '../../shared/presets.ts';
import { callResult, inIndexOrder, knownUsage, tokenCount } from '../reply-parts.ts';
import { normalizeTurns } from '../turns.ts';
import type { Backend, BackendCall, BackendCallResult, BackendSettings } from '../types.ts';
import type { WireFormat } from './index.ts';

interface ChatCompletion {
  choices?: unknown;
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown };
  model?: unknown;
  error?: unknown;
}

interface Choice {
  index?: unknown;
  message?: { content?: unknown; refusal?: unknown };
}

export function createOpenAiBackend(settings: BackendSettings, deps: HttpDeps = {}): Backend {
  const maxTokensField = presetById(settings.presetId)?.maxTokensField ?? 'max_tokens';
  return {
    kind: 'openai',
    maxPerCall: maxPerCallFor(settings),
    async call(request: BackendCall): Promise<BackendCallResult> {
      const url = endpointUrl(settings.baseUrl, '/chat/completions');
      const body: Record<string, unknown> = {
        model: settings.model,
        messages: toMessages(request.turns),
        temperature: request.temperature,
        [maxTokensField]: request.maxTokens,
      };
      // Only send `n` when asking for more than one: Groq and llama.cpp reject the field at n > 1,
      // and some strict proxies reject unknown fields even at 1.
      if (request.count > 1) body.n = request.count;
      const headers: Record<string, string> = {};
      if (settings.apiKey !== '') headers.authorization = `Bearer ${settings.apiKey}`;
      const post = { url, headers, body, signal: request.signal };
      const reply = (await postJson(post, settings, deps)) as ChatCompletion | null;
      return parseCompletion(reply, settings, deps);
    },
  };
}

export function toMessages(
  turns: readonly Turn[],
): { role: 'user' | 'assistant'; content: string }[] {
  return normalizeTurns(turns).map((turn) => ({ role: turn.role, content: turn.text }));
}

function parseCompletion(
  reply: ChatCompletion | null,
  settings: BackendSettings,
  deps: HttpDeps,
): BackendCallResult {
  if (!reply || typeof reply !== 'object') throw malformedError(settings, 'not an object');
  if (!Array.isArray(reply.choices)) {
    // OpenRouter reports some upstream failures as HTTP 200 with an error body.
    if (reply.error && typeof reply.error === 'object') {
      const code = (reply.error as { code?: unknown }).code;
      const status = typeof code === 'number' && code >= 400 ? code : 502;
      throw errorFromHttpResponse(
        status,
        new Headers(),
        JSON.stringify(reply),
        settings,
        (deps.now ?? Date.now)(),
      );
    }
    throw malformedError(settings, 'no "choices"');
  }
  const texts = inIndexOrder(reply.choices as Choice[])
    .map(choiceText)
    .filter((text) => text !== undefined);
  if (texts.length === 0) throw malformedError(settings, 'no message text in "choices"');
  return callResult(texts, parseUsage(reply.usage), reply.model);
}

function choiceText(choice: Choice | null | undefined): string | undefined {
  const message = choice?.message;
  if (!message || typeof message !== 'object') return undefined;
  const { content } = message;
  if (typeof content === 'string') return stripThinking(content);
  // Some servers send content as an array of parts ({type:'text', text}).
  if (Array.isArray(content)) {
    return stripThinking(
      content
        .map((part: unknown) =>
          typeof (part as { text?: unknown })?.text === 'string'
            ? (part as { text: string }).text
            : '',
        )
        .join(''),
    );
  }
  if (content === null && typeof message.refusal === 'string') return message.refusal;
  if (content === null) return '';
  return undefined;
}

/**
 * Reasoning models served by Ollama or LM Studio (DeepSeek-R1, Qwen3) put their chain of thought
 * in a leading <think>…</think> block inside the answer; it is not part of the answer we compare.
 */
export function stripThinking(text: string): string {
  return text.replace(/^\s*<think>[\s\S]*?<\/think>\s*/, '');
}

function parseUsage(usage: ChatCompletion['usage']) {
  if (!usage || typeof usage !== 'object') return undefined;
  return knownUsage({
    inputTokens: tokenCount(usage.prompt_tokens),
    outputTokens: tokenCount(usage.completion_tokens),
    totalTokens: tokenCount(usage.total_tokens),
  });
}

/** Found by ./index.ts: this module is the `openai` kind of shared/backend-kinds.ts. */
export const wireFormat: WireFormat = { kind: 'openai', create: createOpenAiBackend };
