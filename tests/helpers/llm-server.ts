/**
 * A real HTTP server on 127.0.0.1 that speaks three LLM wire formats — OpenAI chat completions,
 * Anthropic Messages, Gemini generateContent — and answers with recorded real model answers
 * (the demo's gpt-3.5-turbo samples, demo/data/recorded-answers.json; see demo/data/PROVENANCE.md),
 * picked by a keyword of the prompt so a test can ask a known question and know what comes back.
 *
 * Built for tests and benchmarks of the sampling layer, and reused by the browser tests:
 * - every request is recorded (path, format, headers, body, requested n) and calls are counted,
 *   including the most requests ever in flight at once;
 * - faults are injected per test, either as a queue for the next requests or as standing rules
 *   for a format/path: 429 with Retry-After, Gemini 429 with RetryInfo, 500/502/503/504,
 *   Anthropic 529, 401/403/404 with each API's real error body, malformed JSON, a reply without
 *   choices, a slow reply, a reply that never comes, a reset connection, a reply cut off halfway,
 *   `n` ignored or rejected;
 * - a fixed latency (`delayMs`) before every reply, for the speed benchmark.
 *
 * Standalone: `tsx tests/helpers/llm-server.ts --port 0 [--delay 300] [--n honour|ignore|reject]`
 * prints the base URL and serves until interrupted.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { loadRecordedAnswers } from '../../demo/replay-server.ts';

/**
 * The wire formats this server speaks, named as the HTTP backend kinds of
 * src/shared/backend-kinds.ts (tests/unit/additions.test.ts checks that every one has its format).
 */
export const API_FORMATS = ['openai', 'anthropic', 'gemini'] as const;
export type ApiFormat = (typeof API_FORMATS)[number];

export type Fault =
  /** 429 with a Retry-After header (seconds or an HTTP date); omit it for none. */
  | { type: 'rate-limit'; retryAfter?: string }
  /** Gemini's 429 RESOURCE_EXHAUSTED whose details carry RetryInfo { retryDelay }. */
  | { type: 'gemini-rate-limit'; retryDelay: string }
  /** 500, 502, 503 or 504 with the format's error body. */
  | { type: 'server-error'; status: 500 | 502 | 503 | 504; retryAfter?: string }
  /** Anthropic's 529 overloaded_error. */
  | { type: 'overloaded' }
  /** A rejected key: 401 (Gemini: 400 API_KEY_INVALID, as the real API does). */
  | { type: 'auth' }
  /** 403 with the format's body; `ollama: true` sends Ollama's bare 403 for a foreign Origin. */
  | { type: 'forbidden'; ollama?: boolean }
  /** 404 unknown model. */
  | { type: 'not-found' }
  /** 200 with a JSON body cut off halfway. */
  | { type: 'malformed-json' }
  /** 200 with valid JSON that lacks choices / content / candidates. */
  | { type: 'missing-choices' }
  /** A normal reply, sent after `delayMs` (on top of the server's fixed latency). */
  | { type: 'slow'; delayMs: number }
  /** Never replies; the connection stays open until the client gives up or the server stops. */
  | { type: 'hang' }
  /** Destroys the socket after reading the request (ECONNRESET / "other side closed"). */
  | { type: 'reset' }
  /** Starts a normal 200 reply, then destroys the socket halfway through its body. */
  | { type: 'cut-off' }
  /** A normal reply with a single choice/candidate whatever n was asked. */
  | { type: 'ignore-n' }
  /** Any status and body, verbatim. */
  | { type: 'status'; status: number; body?: string; headers?: Record<string, string> };

export interface FaultMatch {
  /** Only requests in this format. */
  format?: ApiFormat;
  /** Only requests whose path contains this string. */
  pathIncludes?: string;
}

export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  path: string;
  format: ApiFormat | null;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** Samples asked for: `n` (OpenAI) or `candidateCount` (Gemini); 1 when absent. */
  n: number;
  /** Model named in the body (or, for Gemini, the path). */
  model: string;
  /** Prompt text (last user turn). */
  prompt: string;
  /** Fault applied to this request, if any. */
  fault: Fault['type'] | null;
  receivedAt: number;
  /** The whole successful reply as sent (with its token usage); absent for faults. */
  reply?: unknown;
}

export interface LlmServerOptions {
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
  /** Fixed latency before every reply, in ms (the benchmark's L). */
  delayMs?: number;
  /** How OpenAI-format requests with n > 1 are treated: as OpenAI ('honour'), Ollama ('ignore'), Groq ('reject'). */
  nMode?: 'honour' | 'ignore' | 'reject';
  /** When set, requests must carry this key (Bearer / x-api-key / x-goog-api-key) or get the auth fault. */
  apiKey?: string;
  /** When set, other model names get the not-found fault. */
  models?: string[];
  /** Answers to serve instead of the recorded ones (a test's own question and samples). */
  passages?: readonly Passage[];
}

export interface LlmServer {
  /** e.g. "http://127.0.0.1:41234" — add "/v1" for OpenAI-compatible base URLs. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests being answered right now, and the most at once since start/resetStats(). */
  readonly inFlight: number;
  readonly maxInFlight: number;
  delayMs: number;
  nMode: 'honour' | 'ignore' | 'reject';
  /** Queues faults for the next matching requests, one request each, in order. */
  failNext(...faults: Fault[]): void;
  /** Adds a standing rule: `fault` for every matching request (`times` limits it). */
  addRule(fault: Fault, match?: FaultMatch, times?: number): void;
  /** Drops queued faults and rules. */
  clearFaults(): void;
  /** Forgets recorded requests and in-flight maximum; restarts the answer rotation. */
  resetStats(): void;
  /** Requests received, optionally of one format. */
  calls(format?: ApiFormat): number;
  stop(): Promise<void>;
}

export interface Passage {
  /** Who or what the answers are about; for the recorded answers, the demo question's id. */
  person: string;
  /** Lower-case words, one of which the prompt must contain (case aside) to get these answers. */
  keywords: string[];
  samples: string[];
}

/** Prompt keywords of the demo questions; a question not listed here is matched by its prompt. */
const RECORDED_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'darth-vader': ['vader'],
  'bb-gun-age': ['bb gun'],
  'arizona-senator-mit': ['arizona'],
  'total-quality-management': ['total quality'],
};

/**
 * The recorded answers the server serves, for tests that check which text came back: one passage
 * per demo question (`person` is its id), whose samples are the question's recorded samples in
 * recorded order (not the answer the demo page shows as the chatbot's).
 */
export const recordedPassages: readonly Passage[] = loadRecordedAnswers().questions.map((q) => ({
  person: q.id,
  keywords: [...(RECORDED_KEYWORDS[q.id] ?? [q.prompt.toLowerCase()])],
  samples: q.samples,
}));

const FALLBACK_ANSWERS = [
  'This test server has no recorded answer for that prompt. Ask who is under the mask of Darth Vader, what age you need to be to buy a BB gun, whether an Arizona senator went to MIT, or who developed total quality management.',
];

const MAX_BODY_BYTES = 5 * 1024 * 1024;

interface Rule {
  fault: Fault;
  match: FaultMatch;
  remaining: number;
}

export async function startLlmServer(options: LlmServerOptions = {}): Promise<LlmServer> {
  const requests: RecordedRequest[] = [];
  const rules: Rule[] = [];
  const rotation = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  let seq = 0;
  let idCounter = 0;

  const state = {
    delayMs: options.delayMs ?? 0,
    nMode: options.nMode ?? ('honour' as 'honour' | 'ignore' | 'reject'),
  };

  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      if (ms <= 0) {
        resolve(!res.destroyed);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(!res.destroyed);
      }, ms);
      timers.add(timer);
    });

  const takeFault = (format: ApiFormat | null, path: string): Fault | null => {
    for (const rule of rules) {
      if (rule.remaining <= 0) continue;
      if (rule.match.format && rule.match.format !== format) continue;
      if (rule.match.pathIncludes && !path.includes(rule.match.pathIncludes)) continue;
      rule.remaining -= 1;
      const fault = rule.fault;
      // Spent one-shot rules go, so the list does not grow over a long test run.
      for (let i = rules.length - 1; i >= 0; i -= 1)
        if ((rules[i] as Rule).remaining <= 0) rules.splice(i, 1);
      return fault;
    }
    return null;
  };

  const nextAnswers = (prompt: string, count: number): string[] => {
    const lower = prompt.toLowerCase();
    const passage = (options.passages ?? recordedPassages).find((p) =>
      p.keywords.some((k) => lower.includes(k)),
    );
    const texts = passage?.samples ?? FALLBACK_ANSWERS;
    const key = passage?.person ?? '';
    const out: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const at = rotation.get(key) ?? 0;
      rotation.set(key, at + 1);
      out.push(texts[at % texts.length] as string);
    }
    return out;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = (): void => {
      if (!counted) return;
      counted = false;
      inFlight -= 1;
    };
    res.on('close', done);
    res.on('finish', done);
    setCors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }

    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const rawBody = await readBody(req).catch(() => null);
    if (rawBody === null) {
      sendJson(res, 413, { error: { message: 'Request body too large or unreadable.' } });
      return;
    }
    const format = formatOf(req.method ?? '', path);
    const body = parseJson(rawBody);
    const headers = lowerHeaders(req);
    const info = describeRequest(format, path, body);
    let fault = takeFault(format, path);
    // Standing server behaviour, checked after explicit faults so a test's fault wins.
    if (
      !fault &&
      format &&
      options.apiKey !== undefined &&
      keyOf(format, headers, url) !== options.apiKey
    ) {
      fault = { type: 'auth' };
    }
    if (!fault && format && options.models && !options.models.includes(info.model))
      fault = { type: 'not-found' };
    if (!fault && format === 'openai' && info.n > 1 && state.nMode === 'reject') {
      fault = {
        type: 'status',
        status: 400,
        body: JSON.stringify(
          openAiError("'n' : number must be at most 1", 'invalid_request_error', null),
        ),
      };
    }
    seq += 1;
    const record: RecordedRequest = {
      seq,
      method: req.method ?? '',
      path,
      format,
      headers,
      body: body ?? rawBody,
      n: info.n,
      model: info.model,
      prompt: info.prompt,
      fault: fault?.type ?? null,
      receivedAt: Date.now(),
    };
    requests.push(record);

    if (!format) {
      sendJson(res, 404, { error: { message: `No such endpoint: ${req.method} ${path}` } });
      return;
    }
    if (body === null || typeof body !== 'object') {
      sendJson(res, 400, errorBody(format, 400, 'The request body is not valid JSON.'));
      return;
    }

    if (fault?.type === 'reset') {
      req.socket.destroy();
      return;
    }
    if (!(await wait(state.delayMs, res))) return;
    if (fault?.type === 'hang') return;
    if (fault?.type === 'slow' && !(await wait(fault.delayMs, res))) return;

    if (fault && fault.type !== 'slow' && fault.type !== 'ignore-n' && fault.type !== 'cut-off') {
      sendFault(res, format, fault, info, headers, url);
      return;
    }
    const honourN =
      fault?.type !== 'ignore-n' && !(format === 'openai' && state.nMode === 'ignore');
    const count = honourN ? info.n : 1;
    const texts = nextAnswers(info.prompt, count).map((text) =>
      truncateWords(text, info.maxTokens),
    );
    idCounter += 1;
    if (fault?.type === 'cut-off') {
      const body = JSON.stringify(successBody(format, texts, info, idCounter));
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      });
      // Flushed before the socket goes, so the client has the headers and half the body.
      res.write(body.slice(0, body.length >> 1), () => res.destroy());
      return;
    }
    record.reply = successBody(format, texts, info, idCounter);
    sendJson(res, 200, record.reply);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: `Test server bug: ${String(error)}` } });
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold stop() open; tests want a prompt close.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const api: LlmServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    get nMode() {
      return state.nMode;
    },
    set nMode(mode) {
      state.nMode = mode;
    },
    failNext(...faults) {
      for (const fault of faults) rules.push({ fault, match: {}, remaining: 1 });
    },
    addRule(fault, match = {}, times = Number.POSITIVE_INFINITY) {
      rules.push({ fault, match, remaining: times });
    },
    clearFaults() {
      rules.length = 0;
    },
    resetStats() {
      requests.length = 0;
      maxInFlight = inFlight;
      seq = 0;
      rotation.clear();
    },
    calls(format) {
      return format ? requests.filter((r) => r.format === format).length : requests.length;
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging replies and idle keep-alive sockets would otherwise keep close() waiting.
        server.closeAllConnections();
      });
    },
  };
  return api;
}

// ---------------------------------------------------------------------------------------------
// Request parsing

function formatOf(method: string, path: string): ApiFormat | null {
  if (method !== 'POST') return null;
  // Like real servers, the OpenAI route lives under a version: a base URL without /v1 gets 404.
  if (path.endsWith('/v1/chat/completions')) return 'openai';
  if (path.endsWith('/v1/messages')) return 'anthropic';
  if (/\/v1beta\/models\/[^/]+:generateContent$/.test(path)) return 'gemini';
  return null;
}

interface RequestInfo {
  n: number;
  model: string;
  prompt: string;
  promptWords: number;
  maxTokens: number;
}

function describeRequest(format: ApiFormat | null, path: string, body: unknown): RequestInfo {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const info: RequestInfo = {
    n: 1,
    model: '',
    prompt: '',
    promptWords: 0,
    maxTokens: Number.POSITIVE_INFINITY,
  };
  let texts: { role: string; text: string }[] = [];
  if (format === 'openai' || format === 'anthropic') {
    info.model = typeof b.model === 'string' ? b.model : '';
    const messages = Array.isArray(b.messages)
      ? (b.messages as { role?: unknown; content?: unknown }[])
      : [];
    texts = messages.map((m) => ({ role: String(m.role), text: contentText(m.content) }));
    if (format === 'openai' && typeof b.n === 'number') info.n = b.n;
    const max = b.max_tokens ?? b.max_completion_tokens;
    if (typeof max === 'number') info.maxTokens = max;
  } else if (format === 'gemini') {
    info.model = decodeURIComponent(/\/models\/([^/]+):generateContent$/.exec(path)?.[1] ?? '');
    const contents = Array.isArray(b.contents)
      ? (b.contents as { role?: unknown; parts?: unknown }[])
      : [];
    texts = contents.map((c) => ({ role: String(c.role), text: contentText(c.parts) }));
    const config = (b.generationConfig ?? {}) as {
      candidateCount?: unknown;
      maxOutputTokens?: unknown;
    };
    if (typeof config.candidateCount === 'number') info.n = config.candidateCount;
    if (typeof config.maxOutputTokens === 'number') info.maxTokens = config.maxOutputTokens;
  }
  const lastUser = [...texts].reverse().find((t) => t.role === 'user');
  info.prompt = lastUser?.text ?? '';
  info.promptWords = texts.reduce((sum, t) => sum + countWords(t.text), 0);
  return info;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        typeof (part as { text?: unknown })?.text === 'string'
          ? (part as { text: string }).text
          : '',
      )
      .join('');
  }
  return '';
}

function keyOf(format: ApiFormat, headers: Record<string, string>, url: URL): string | undefined {
  if (format === 'openai') return headers.authorization?.replace(/^Bearer\s+/i, '');
  if (format === 'anthropic') return headers['x-api-key'];
  return headers['x-goog-api-key'] ?? url.searchParams.get('key') ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Replies

function successBody(format: ApiFormat, texts: string[], info: RequestInfo, id: number): unknown {
  const outputWords = texts.reduce((sum, t) => sum + countWords(t), 0);
  const truncated = (text: string): boolean =>
    Number.isFinite(info.maxTokens) && countWords(text) >= info.maxTokens;
  if (format === 'openai') {
    return {
      id: `chatcmpl-test${id}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: info.model,
      choices: texts.map((text, index) => ({
        index,
        message: { role: 'assistant', content: text, refusal: null },
        logprobs: null,
        finish_reason: truncated(text) ? 'length' : 'stop',
      })),
      usage: {
        prompt_tokens: info.promptWords,
        completion_tokens: outputWords,
        total_tokens: info.promptWords + outputWords,
      },
      system_fingerprint: 'fp_test',
    };
  }
  if (format === 'anthropic') {
    const text = texts[0] ?? '';
    return {
      id: `msg_test${id}`,
      type: 'message',
      role: 'assistant',
      model: info.model,
      content: [{ type: 'text', text }],
      stop_reason: truncated(text) ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: info.promptWords, output_tokens: outputWords },
    };
  }
  return {
    candidates: texts.map((text, index) => ({
      content: { parts: [{ text }], role: 'model' },
      finishReason: truncated(text) ? 'MAX_TOKENS' : 'STOP',
      index,
    })),
    usageMetadata: {
      promptTokenCount: info.promptWords,
      candidatesTokenCount: outputWords,
      totalTokenCount: info.promptWords + outputWords,
    },
    modelVersion: info.model,
    responseId: `resp-test${id}`,
  };
}

function sendFault(
  res: ServerResponse,
  format: ApiFormat,
  fault: Fault,
  info: RequestInfo,
  headers: Record<string, string>,
  url: URL,
): void {
  switch (fault.type) {
    case 'rate-limit': {
      const extra =
        fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : undefined;
      sendJson(res, 429, errorBody(format, 429, rateLimitMessage(format, info.model)), extra);
      return;
    }
    case 'gemini-rate-limit':
      sendJson(res, 429, {
        error: {
          code: 429,
          message: 'You exceeded your current quota, please check your plan and billing details.',
          status: 'RESOURCE_EXHAUSTED',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
              violations: [
                {
                  quotaMetric:
                    'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                  quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                },
              ],
            },
            {
              '@type': 'type.googleapis.com/google.rpc.Help',
              links: [
                {
                  description: 'Learn more about Gemini API quotas',
                  url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
                },
              ],
            },
            { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: fault.retryDelay },
          ],
        },
      });
      return;
    case 'server-error': {
      const extra =
        fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : undefined;
      sendJson(
        res,
        fault.status,
        errorBody(format, fault.status, serverErrorMessage(format, fault.status)),
        extra,
      );
      return;
    }
    case 'overloaded':
      sendJson(res, 529, {
        type: 'error',
        error: { type: 'overloaded_error', message: 'Overloaded' },
      });
      return;
    case 'auth':
      sendAuthError(res, format, keyOf(format, headers, url) ?? '');
      return;
    case 'forbidden':
      if (fault.ollama) {
        // Ollama answers a request from an Origin outside OLLAMA_ORIGINS with a bare 403.
        res.writeHead(403, { 'content-length': '0' }).end();
        return;
      }
      sendJson(res, 403, errorBody(format, 403, forbiddenMessage(format, info.model)));
      return;
    case 'not-found':
      sendJson(res, 404, errorBody(format, 404, notFoundMessage(format, info.model)));
      return;
    case 'malformed-json':
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"id": "chatcmpl-test", "choices": [{"index": 0, "message": {"role": "assist');
      return;
    case 'missing-choices':
      if (format === 'openai')
        sendJson(res, 200, { id: 'chatcmpl-test', object: 'chat.completion', model: info.model });
      else if (format === 'anthropic')
        sendJson(res, 200, {
          id: 'msg_test',
          type: 'message',
          role: 'assistant',
          model: info.model,
        });
      else
        sendJson(res, 200, {
          usageMetadata: { promptTokenCount: info.promptWords },
          modelVersion: info.model,
        });
      return;
    case 'status':
      res
        .writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
        .end(fault.body ?? '');
      return;
    default:
      sendJson(res, 500, {
        error: { message: `Test server: fault ${fault.type} has no reply here.` },
      });
  }
}

function sendAuthError(res: ServerResponse, format: ApiFormat, sentKey: string): void {
  if (format === 'openai') {
    // The real API echoes a masked form of the key; the client must not show even that.
    const masked =
      sentKey.length > 12 ? `${sentKey.slice(0, 8)}${'*'.repeat(8)}${sentKey.slice(-4)}` : sentKey;
    sendJson(
      res,
      401,
      openAiError(
        `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        'invalid_request_error',
        'invalid_api_key',
      ),
    );
  } else if (format === 'anthropic') {
    sendJson(res, 401, {
      type: 'error',
      error: { type: 'authentication_error', message: 'invalid x-api-key' },
    });
  } else {
    sendJson(res, 400, {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'API_KEY_INVALID',
            domain: 'googleapis.com',
            metadata: { service: 'generativelanguage.googleapis.com' },
          },
          {
            '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
            locale: 'en-US',
            message: 'API key not valid. Please pass a valid API key.',
          },
        ],
      },
    });
  }
}

function openAiError(message: string, type: string, code: string | null): unknown {
  return { error: { message, type, param: null, code } };
}

const ANTHROPIC_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  502: 'api_error',
  503: 'api_error',
  504: 'api_error',
};

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

function errorBody(format: ApiFormat, status: number, message: string): unknown {
  if (format === 'openai') {
    const type =
      status === 429 ? 'requests' : status >= 500 ? 'server_error' : 'invalid_request_error';
    const code = status === 429 ? 'rate_limit_exceeded' : status === 404 ? 'model_not_found' : null;
    return openAiError(message, type, code);
  }
  if (format === 'anthropic')
    return { type: 'error', error: { type: ANTHROPIC_TYPES[status] ?? 'api_error', message } };
  return { error: { code: status, message, status: GOOGLE_STATUS[status] ?? 'UNKNOWN' } };
}

function rateLimitMessage(format: ApiFormat, model: string): string {
  if (format === 'openai')
    return `Rate limit reached for ${model} in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`;
  if (format === 'anthropic')
    return 'Number of requests has exceeded your per-minute rate limit. Please try again later.';
  return 'Resource has been exhausted (e.g. check quota).';
}

function serverErrorMessage(format: ApiFormat, status: number): string {
  if (format === 'openai')
    return status === 503
      ? 'The engine is currently overloaded, please try again later.'
      : 'The server had an error while processing your request. Sorry about that!';
  if (format === 'anthropic') return 'Internal server error';
  return status === 503
    ? 'The model is overloaded. Please try again later.'
    : 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting';
}

function forbiddenMessage(format: ApiFormat, model: string): string {
  if (format === 'openai')
    return `Project \`proj_test\` does not have access to model \`${model}\``;
  if (format === 'anthropic')
    return 'Your API key does not have permission to use the specified resource.';
  return 'The caller does not have permission';
}

function notFoundMessage(format: ApiFormat, model: string): string {
  if (format === 'openai')
    return `The model \`${model}\` does not exist or you do not have access to it.`;
  if (format === 'anthropic') return `model: ${model}`;
  return `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
}

// ---------------------------------------------------------------------------------------------
// Small utilities

function setCors(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-allow-headers', '*');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-expose-headers', 'retry-after');
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...headers,
    })
    .end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function countWords(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}

/** Mimics a max-token cut with words standing in for tokens. */
function truncateWords(text: string, maxWords: number): string {
  if (!Number.isFinite(maxWords)) return text;
  const words = text.trim().split(/\s+/);
  return words.length <= maxWords ? text : words.slice(0, Math.max(0, maxWords)).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Standalone

function argValue(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const port = Number(argValue(args, '--port') ?? '0');
  const delayMs = Number(argValue(args, '--delay') ?? '0');
  const nMode = (argValue(args, '--n') ?? 'honour') as 'honour' | 'ignore' | 'reject';
  if (
    !Number.isInteger(port) ||
    port < 0 ||
    !(delayMs >= 0) ||
    !['honour', 'ignore', 'reject'].includes(nMode)
  ) {
    console.error(
      'Usage: tsx tests/helpers/llm-server.ts [--port N] [--delay MS] [--n honour|ignore|reject]',
    );
    process.exit(2);
  }
  const server = await startLlmServer({ port, delayMs, nMode });
  console.log(server.url);
  const shutdown = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main(process.argv.slice(2));
}
