/**
 * Maps a failed HTTP reply from any of the three HTTP APIs to a `SamplingError`: which kind,
 * whether retrying may help, how long the server asked us to wait, and a message that tells the
 * user what to change. The three APIs shape their error bodies differently:
 *   OpenAI & co.  {"error":{"message","type","code"}}   (Ollama: {"error":"text"})
 *   Anthropic     {"type":"error","error":{"type","message"}}
 *   Gemini        {"error":{"code","message","status","details":[...]}}
 */
import { parseRetryAfter, retryDelayFromGoogleError } from './backoff.ts';
import { SamplingError, redactSecrets } from './errors.ts';
import { OLLAMA_FORBIDDEN_HINT, isOllama, presetById } from '../shared/presets.ts';
import type { BackendSettings } from './types.ts';

/** What the mapping needs to know about where the request went (never logged with the key). */
export type ErrorContext = Pick<
  BackendSettings,
  'kind' | 'presetId' | 'baseUrl' | 'model' | 'apiKey'
>;

const OPTIONS = "Crosscheck's options";

export function errorFromHttpResponse(
  status: number,
  headers: Headers,
  bodyText: string,
  ctx: ErrorContext,
  nowMs: number,
): SamplingError {
  const body = parseJsonOrNull(bodyText);
  const detail = serverMessage(body, bodyText, ctx);
  const code = errorCode(body);
  const retryAfterMs =
    retryAfterMsHeader(headers) ??
    parseRetryAfter(headers.get('retry-after'), nowMs) ??
    retryDelayFromGoogleError(body);
  const make = (
    kind: SamplingError['kind'],
    message: string,
    retryable: boolean,
    showDetail = true,
  ): SamplingError => {
    const data: ConstructorParameters<typeof SamplingError>[0] = {
      kind,
      message,
      status,
      retryable,
    };
    if (detail && showDetail) data.detail = detail;
    if (retryable && retryAfterMs !== undefined) data.retryAfterMs = retryAfterMs;
    return new SamplingError(data);
  };
  const model = `"${ctx.model}"`;

  // Gemini answers a wrong key with 400 INVALID_ARGUMENT / reason API_KEY_INVALID, not 401.
  if (status === 401 || (status === 400 && looksLikeBadKey(body, detail))) {
    const needsKey = presetById(ctx.presetId)?.needsKey ?? true;
    return make(
      'auth',
      ctx.apiKey === '' && needsKey
        ? `No API key is set and the server requires one (${status}). Add the key in ${OPTIONS}.`
        : `The API key was rejected (${status}). Check the key in ${OPTIONS}.`,
      false,
      // What a server says about a rejected key adds nothing to this, and is where keys echo.
      false,
    );
  }
  if (status === 403) {
    if (isOllama(ctx)) return make('forbidden', OLLAMA_FORBIDDEN_HINT, false);
    return make(
      'forbidden',
      `Access was refused (403): the key may have no access to model ${model}, or the account or region is not allowed. ${withDetail(detail)}`.trim(),
      false,
    );
  }
  if (status === 404) {
    return make(
      'not-found',
      `Not found (404): the model ${model} may not exist, or the base URL ${safeUrl(ctx.baseUrl)} may be wrong${ctx.kind === 'openai' && !/\/v\d[^/]*\/?$/.test(ctx.baseUrl) ? ' (OpenAI-compatible base URLs usually end in /v1)' : ''}. Check both in ${OPTIONS}.`,
      false,
    );
  }
  if (status === 429) {
    // OpenAI reports an exhausted balance as 429 too; waiting will not fix that.
    if (code === 'insufficient_quota') {
      return make(
        'rate-limit',
        'The account has run out of credit or quota (429). Add credit with the provider or choose another backend.',
        false,
      );
    }
    return make(
      'rate-limit',
      `The API is limiting the request rate (429). Wait a minute, or lower the number of samples or parallel requests in ${OPTIONS}.`,
      true,
    );
  }
  if (status === 529 || (status === 503 && ctx.kind === 'anthropic')) {
    return make('server', `The API is overloaded (${status}). Try again in a little while.`, true);
  }
  if (status === 408 || status === 500 || status === 502 || status === 503 || status === 504) {
    return make(
      'server',
      `The server had a problem (${status}). Try again in a little while. ${withDetail(detail)}`.trim(),
      true,
    );
  }
  if (status >= 500) {
    return make('server', `The server failed (${status}). ${withDetail(detail)}`.trim(), false);
  }
  if (status === 413) {
    return make('bad-request', 'The conversation is too long for this backend (413).', false);
  }
  if ((status === 400 || status === 422) && refusesBatching(body, detail)) {
    return new SamplingError({
      kind: 'bad-request',
      message: `The server does not take several samples in one request (${status}); Crosscheck asks one at a time instead.`,
      status,
      retryable: false,
      refusesBatching: true,
      ...(detail ? { detail } : {}),
    });
  }
  return make(
    'bad-request',
    `The server rejected the request (${status})${detail ? `: ${detail}` : '.'} Check the model and settings in ${OPTIONS}.`,
    false,
  );
}

/** A reply we could not use (not JSON, or missing the fields every valid reply has). */
export function malformedError(ctx: ErrorContext, what: string): SamplingError {
  return new SamplingError({
    kind: 'malformed',
    message: `The reply from ${hostOf(ctx.baseUrl)} was not in the expected format (${what}). Check that the base URL points at the API (for OpenAI-compatible servers it usually ends in /v1).`,
    retryable: false,
  });
}

/** fetch() itself failed: refused connection, reset, DNS, TLS, or a CORS/permission block. */
export function networkError(ctx: ErrorContext, cause: unknown): SamplingError {
  const local = presetById(ctx.presetId)?.local ?? /localhost|127\.0\.0\.1/.test(ctx.baseUrl);
  const causeText = cause instanceof Error ? describeCause(cause) : '';
  const host = hostOf(ctx.baseUrl);
  // Browsers say only "Failed to fetch"; Node (undici) names the socket error, and a connection
  // the server took and then dropped is not a server that is not running.
  const message = droppedConnection(cause)
    ? `The connection to ${host} was closed before any reply came. The server may have crashed or restarted; try again in a moment.`
    : local
      ? `Could not reach ${host}. Is the local server running? Check the base URL in ${OPTIONS}.`
      : `Could not reach ${host}. Check your connection and the base URL in ${OPTIONS}.`;
  return new SamplingError({
    kind: 'network',
    message,
    ...(causeText ? { detail: redactSecrets(causeText, [ctx.apiKey]) } : {}),
    retryable: true,
  });
}

/** The server answered, but the connection broke before the whole reply had arrived. */
export function replyCutOffError(ctx: ErrorContext, cause: unknown): SamplingError {
  const causeText = cause instanceof Error ? describeCause(cause) : '';
  return new SamplingError({
    kind: 'network',
    message: `${hostOf(ctx.baseUrl)} started to reply, but the connection broke before the reply was complete. Try again; if it keeps happening, a proxy or the server may be cutting long replies short.`,
    ...(causeText ? { detail: redactSecrets(causeText, [ctx.apiKey]) } : {}),
    retryable: true,
  });
}

function droppedConnection(cause: unknown): boolean {
  const inner = (cause as { cause?: unknown } | null)?.cause;
  const code = (inner as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'the server';
  }
}

function describeCause(error: Error): string {
  // Node's undici wraps the socket error (ECONNRESET, "other side closed") in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? `: ${cause.message}` : '';
  return `${error.message}${inner}`.slice(0, 200);
}

function retryAfterMsHeader(headers: Headers): number | undefined {
  // OpenAI sends a millisecond variant next to Retry-After; it is more precise when present.
  const value = headers.get('retry-after-ms');
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Math.round(Number(value));
}

/**
 * Whether a 400/422 is about asking for several samples at once rather than anything else in the
 * request. Servers say it in their own words: OpenAI names the field (`param: "n"`), Groq "'n' :
 * number must be at most 1", llama.cpp "Only one completion choice is allowed", Gemini "Multiple
 * candidates is not enabled", FastAPI-based servers (vLLM) a 422 whose `loc` ends in "n".
 */
function refusesBatching(body: unknown, detail: string): boolean {
  const error = (body as { error?: { param?: unknown } } | null)?.error;
  if (error && typeof error === 'object' && BATCH_FIELDS.has(String(error.param))) return true;
  const details = (body as { detail?: unknown } | null)?.detail;
  if (Array.isArray(details)) {
    for (const d of details) {
      const loc = (d as { loc?: unknown } | null)?.loc;
      if (Array.isArray(loc) && BATCH_FIELDS.has(String(loc.at(-1)))) return true;
    }
  }
  return BATCH_WORDING.test(detail);
}

const BATCH_FIELDS = new Set(['n', 'candidateCount', 'candidate_count']);
/** `n` as a word of its own (quoted or not, not "\n"), or the phrases servers use for it. */
const BATCH_WORDING =
  /(^|[^\w\\'’])['"`]?n['"`]?(?![\w'’])|candidate.?count|multiple candidates|completion choice|(more than|only) one (choice|candidate|completion)|number of (choices|completions|candidates)/i;

function looksLikeBadKey(body: unknown, detail: string): boolean {
  const details = (body as { error?: { details?: unknown } } | null)?.error?.details;
  if (Array.isArray(details)) {
    for (const d of details)
      if ((d as { reason?: unknown } | null)?.reason === 'API_KEY_INVALID') return true;
  }
  return /api key not valid/i.test(detail);
}

function errorCode(body: unknown): string | undefined {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

function serverMessage(body: unknown, text: string, ctx: ErrorContext): string {
  let message: unknown;
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; message?: unknown; detail?: unknown };
    if (typeof b.error === 'string') message = b.error;
    else if (b.error && typeof b.error === 'object')
      message = (b.error as { message?: unknown }).message;
    message ??= b.message ?? b.detail;
  } else if (!/^\s*</.test(text)) {
    // Plain text bodies are worth showing; HTML error pages are not.
    message = text;
  }
  if (typeof message !== 'string') return '';
  return redactSecrets(message.trim().replace(/\s+/g, ' '), [ctx.apiKey]).slice(0, 300);
}

function withDetail(detail: string): string {
  return detail ? `Server said: ${detail}` : '';
}

function safeUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.search = '';
    url.username = '';
    url.password = '';
    return url.href.replace(/\/$/, '');
  } catch {
    return '(invalid URL)';
  }
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
