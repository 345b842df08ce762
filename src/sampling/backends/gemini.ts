/**
 * Google Gemini generateContent (POST {baseUrl}/v1beta/models/{model}:generateContent), key in
 * the `x-goog-api-key` header rather than the URL so it never lands in logs or history.
 * Several samples come from one call through `generationConfig.candidateCount`; a 429 carries
 * RetryInfo's `retryDelay`, which http-errors.ts reads and the scheduler honours.
 */
import { SamplingError } from '../errors.ts';
import { malformedError } from '../http-errors.ts';
import { type HttpDeps, endpointUrl, postJson } from '../http.ts';
import { maxPerCallFor } from '../../shared/presets.ts';
import { callResult, inIndexOrder, knownUsage, tokenCount } from '../reply-parts.ts';
import { normalizeTurns } from '../turns.ts';
import type { Backend, BackendCall, BackendCallResult, BackendSettings } from '../types.ts';
import type { WireFormat } from './index.ts';

interface GenerateReply {
  candidates?: unknown;
  promptFeedback?: { blockReason?: unknown };
  usageMetadata?: {
    promptTokenCount?: unknown;
    candidatesTokenCount?: unknown;
    thoughtsTokenCount?: unknown;
    totalTokenCount?: unknown;
  };
  modelVersion?: unknown;
}

interface Candidate {
  index?: unknown;
  content?: { parts?: unknown };
}

export function createGeminiBackend(settings: BackendSettings, deps: HttpDeps = {}): Backend {
  return {
    kind: 'gemini',
    maxPerCall: maxPerCallFor(settings),
    async call(request: BackendCall): Promise<BackendCallResult> {
      // Accept both "gemini-2.0-flash" and the API's own "models/gemini-2.0-flash".
      const model = settings.model.replace(/^models\//, '');
      // Users often paste the versioned root ("…/v1beta"); the path below adds the version itself.
      const root = settings.baseUrl.trim().replace(/\/v1(beta)?\/*$/, '');
      const url = endpointUrl(root, `/v1beta/models/${encodeURIComponent(model)}:generateContent`);
      const generationConfig: Record<string, unknown> = {
        temperature: request.temperature,
        maxOutputTokens: request.maxTokens,
      };
      if (request.count > 1) generationConfig.candidateCount = request.count;
      const body = {
        contents: normalizeTurns(request.turns).map((turn) => ({
          role: turn.role === 'assistant' ? 'model' : 'user',
          parts: [{ text: turn.text }],
        })),
        generationConfig,
      };
      const headers = { 'x-goog-api-key': settings.apiKey };
      const post = { url, headers, body, signal: request.signal };
      const reply = (await postJson(post, settings, deps)) as GenerateReply | null;
      return parseReply(reply, settings);
    },
  };
}

function parseReply(reply: GenerateReply | null, settings: BackendSettings): BackendCallResult {
  if (!reply || typeof reply !== 'object') throw malformedError(settings, 'not an object');
  if (!Array.isArray(reply.candidates)) {
    const blocked = reply.promptFeedback?.blockReason;
    if (typeof blocked === 'string') {
      throw new SamplingError({
        kind: 'bad-request',
        message: `Gemini declined to answer this conversation (blocked: ${blocked}).`,
        retryable: false,
      });
    }
    throw malformedError(settings, 'no "candidates"');
  }
  const texts = inIndexOrder(reply.candidates as Candidate[]).map(candidateText);
  if (texts.length === 0) throw malformedError(settings, 'empty "candidates"');
  return callResult(texts, parseUsage(reply.usageMetadata), reply.modelVersion);
}

/** Joins a candidate's text parts, leaving out thinking-model "thought" parts. */
function candidateText(candidate: Candidate | null | undefined): string {
  const parts = candidate?.content?.parts;
  if (!Array.isArray(parts)) return ''; // e.g. finishReason SAFETY: a candidate with no content
  return parts
    .filter((part: unknown) => {
      const p = part as { text?: unknown; thought?: unknown } | null;
      return typeof p?.text === 'string' && p.thought !== true;
    })
    .map((part: unknown) => (part as { text: string }).text)
    .join('');
}

function parseUsage(meta: GenerateReply['usageMetadata']) {
  if (!meta || typeof meta !== 'object') return undefined;
  const candidates = tokenCount(meta.candidatesTokenCount);
  const thoughts = tokenCount(meta.thoughtsTokenCount);
  return knownUsage({
    inputTokens: tokenCount(meta.promptTokenCount),
    // Thinking tokens are billed as output.
    outputTokens:
      candidates !== undefined || thoughts !== undefined
        ? (candidates ?? 0) + (thoughts ?? 0)
        : undefined,
    totalTokens: tokenCount(meta.totalTokenCount),
  });
}

/** Found by ./index.ts: this module is the `gemini` kind of shared/backend-kinds.ts. */
export const wireFormat: WireFormat = { kind: 'gemini', create: createGeminiBackend };
