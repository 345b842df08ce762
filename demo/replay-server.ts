/**
 * The demo's local LLM backend and page host: one HTTP server on 127.0.0.1 that
 * - serves the demo chat page (`demo/page/`) under `/` and the recorded answers it shows under
 *   `/data/recorded-answers.json`;
 * - speaks OpenAI's chat completions wire format (`POST /v1/chat/completions`, `GET /v1/models`)
 *   and answers with real recorded samples (`demo/data/recorded-answers.json`, see PROVENANCE.md)
 *   for the question whose prompt matches the last user message — exactly, or else by the best
 *   word overlap; an unknown prompt gets a 404 in OpenAI's error format.
 *
 * Replies hand out samples in recorded order from a counter per question, so `n` choices come
 * back in one reply and parallel single requests (what the extension sends to servers that
 * ignore `n`) each receive a different sample. The options page's connection probe ("Reply with
 * the single word OK.") gets "OK", so "Test connection" works against the demo too.
 *
 * Run it: `npx tsx demo/replay-server.ts --port 0 [--delay-ms 400]` prints the base URL.
 */
import { readFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RecordedQuestion {
  id: string;
  prompt: string;
  model: string;
  /** The reply the demo page shows as the chatbot's answer. */
  answer: string;
  /** Other recorded answers to the same prompt, handed out by the replay backend. */
  samples: string[];
  /** Where this question's answers come from, when not from the recordings' `source`. */
  source?: { label: string; repository: string; licence: string };
}

export interface RecordedAnswers {
  source: Record<string, unknown>;
  questions: RecordedQuestion[];
}

export interface ReplayServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Wait before each chat completion reply, in ms (default 400), so the demo looks live. */
  delayMs?: number;
  /** Questions offered besides the recorded ones (the demo's `--wikibio`), on the page too. */
  extraQuestions?: readonly RecordedQuestion[];
}

export interface ReplayServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`; the API is `${url}/v1`. */
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_DELAY_MS = 400;
/** Largest `n` accepted, as OpenAI does. */
const MAX_N = 128;
/** A fuzzy match must cover at least this share of the recorded prompt's words. */
const MIN_OVERLAP = 0.6;
/** The options page's "Test connection" probe (src/sampling/test-connection.ts). */
const PROBE_PROMPT = 'reply with the single word ok.';

const DATA_URL = new URL('./data/recorded-answers.json', import.meta.url);
const PAGE_DIR = new URL('./page/', import.meta.url);

/** Files served, by request path: a fixed list, so no path ever reaches the file system. */
const STATIC_FILES: Record<string, { file: URL; type: string }> = {
  '/': { file: new URL('index.html', PAGE_DIR), type: 'text/html; charset=utf-8' },
  '/index.html': { file: new URL('index.html', PAGE_DIR), type: 'text/html; charset=utf-8' },
  '/chat.css': { file: new URL('chat.css', PAGE_DIR), type: 'text/css; charset=utf-8' },
  '/chat.js': { file: new URL('chat.js', PAGE_DIR), type: 'text/javascript; charset=utf-8' },
};
/** The questions the page offers: the recorded ones and any extra, served from memory. */
const DATA_PATH = '/data/recorded-answers.json';

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

/** Reads and checks the recorded answers (the shape the page, the server and the tests rely on). */
export function loadRecordedAnswers(): RecordedAnswers {
  const parsed: unknown = JSON.parse(readFileSync(DATA_URL, 'utf8'));
  if (!isRecord(parsed) || !isRecord(parsed.source) || !Array.isArray(parsed.questions)) {
    throw new Error('recorded-answers.json: expected { source: {...}, questions: [...] }');
  }
  const questions = parsed.questions.map((q: unknown, i): RecordedQuestion => {
    if (
      !isRecord(q) ||
      typeof q.id !== 'string' ||
      typeof q.prompt !== 'string' ||
      typeof q.model !== 'string' ||
      typeof q.answer !== 'string' ||
      !Array.isArray(q.samples) ||
      !q.samples.every((s) => typeof s === 'string')
    ) {
      throw new Error(
        `recorded-answers.json: question ${i} lacks id, prompt, model, answer or samples`,
      );
    }
    return {
      id: q.id,
      prompt: q.prompt,
      model: q.model,
      answer: q.answer,
      samples: q.samples as string[],
    };
  });
  return { source: parsed.source, questions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lower-cased word tokens (letters and digits), for matching and token estimates. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function normalise(text: string): string {
  return words(text).join(' ');
}

/**
 * The recorded question a prompt asks: the one with the same words (case, spacing and
 * punctuation aside), else the one whose words the prompt covers best (at least 60 %; ties go to
 * the closer length), else none.
 */
export function matchQuestion(
  questions: readonly RecordedQuestion[],
  prompt: string,
): RecordedQuestion | null {
  const key = normalise(prompt);
  const exact = questions.find((q) => normalise(q.prompt) === key);
  if (exact) return exact;
  const asked = new Set(words(prompt));
  let best: { question: RecordedQuestion; score: number; jaccard: number } | null = null;
  for (const question of questions) {
    const recorded = new Set(words(question.prompt));
    if (recorded.size === 0) continue;
    let shared = 0;
    for (const word of recorded) if (asked.has(word)) shared += 1;
    const score = shared / recorded.size;
    const jaccard = shared / (recorded.size + asked.size - shared);
    if (!best || score > best.score || (score === best.score && jaccard > best.jaccard)) {
      best = { question, score, jaccard };
    }
  }
  return best && best.score >= MIN_OVERLAP ? best.question : null;
}

/** Text of an OpenAI message's content: a string, or an array of `{type: 'text', text}` parts. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  return '';
}

/** Token count as the demo estimates it: words × 1.3, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(words(text).length * 1.3);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, {
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 1_000_000)
      throw new HttpError(413, 'Request body too large.', 'invalid_request_error', null);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface ChatRequest {
  prompt: string;
  promptTokens: number;
  n: number;
}

function parseChatRequest(raw: string): ChatRequest {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new HttpError(
      400,
      'We could not parse the JSON body of your request.',
      'invalid_request_error',
      null,
    );
  }
  if (!isRecord(body) || !Array.isArray(body.messages) || body.messages.length === 0) {
    throw new HttpError(
      400,
      "'messages' must be a non-empty array.",
      'invalid_request_error',
      null,
      'messages',
    );
  }
  const messages = body.messages.filter(isRecord);
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  if (!lastUser) {
    throw new HttpError(
      400,
      "'messages' has no user message.",
      'invalid_request_error',
      null,
      'messages',
    );
  }
  const n = body.n ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_N) {
    throw new HttpError(
      400,
      `'n' must be an integer from 1 to ${MAX_N}.`,
      'invalid_request_error',
      null,
      'n',
    );
  }
  const promptTokens = messages.reduce((sum, m) => sum + estimateTokens(contentText(m.content)), 0);
  return { prompt: contentText(lastUser.content), promptTokens, n };
}

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startReplayServer(options: ReplayServerOptions = {}): Promise<ReplayServer> {
  const recorded = loadRecordedAnswers();
  const questions = [...recorded.questions, ...(options.extraQuestions ?? [])];
  const dataBody = Buffer.from(JSON.stringify({ source: recorded.source, questions }));
  const delayMs = Math.max(0, options.delayMs ?? DEFAULT_DELAY_MS);
  /** Next sample to hand out, per question id. */
  const nextSample = new Map<string, number>();
  const pending = new Set<NodeJS.Timeout>();
  let replies = 0;

  /** Takes `count` samples of a question in recorded order, wrapping around, and moves its counter. */
  const takeSamples = (question: RecordedQuestion, count: number): string[] => {
    const start = nextSample.get(question.id) ?? 0;
    nextSample.set(question.id, (start + count) % question.samples.length);
    return Array.from(
      { length: count },
      (_, i) => question.samples[(start + i) % question.samples.length] ?? '',
    );
  };

  const chatCompletion = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = parseChatRequest(await readBody(req));
    let texts: string[];
    let model: string;
    if (normalise(request.prompt) === normalise(PROBE_PROMPT)) {
      texts = ['OK'];
      model = 'crosscheck-replay';
    } else {
      const question = matchQuestion(questions, request.prompt);
      if (!question || question.samples.length === 0) {
        throw new HttpError(
          404,
          'The demo replay backend has no recorded answers for this prompt. Ask one of the demo ' +
            `questions: ${questions.map((q) => JSON.stringify(q.prompt)).join(', ')}.`,
          'invalid_request_error',
          'prompt_not_recorded',
          'messages',
        );
      }
      // Claimed at arrival, before the delay, so parallel requests get different samples.
      texts = takeSamples(question, Math.min(request.n, question.samples.length));
      model = question.model;
    }
    if (delayMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, delayMs);
        pending.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          pending.delete(timer);
          resolve();
        });
      });
    }
    if (res.destroyed || res.writableEnded) return;
    replies += 1;
    const completionTokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
    sendJson(res, 200, {
      id: `chatcmpl-replay-${replies}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      system_fingerprint: 'crosscheck-replay',
      choices: texts.map((content, index) => ({
        index,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      })),
      usage: {
        prompt_tokens: request.promptTokens,
        completion_tokens: completionTokens,
        total_tokens: request.promptTokens + completionTokens,
      },
    });
  };

  const models = (res: ServerResponse): void => {
    const ids = [...new Set(['crosscheck-replay', ...questions.map((q) => q.model)])];
    sendJson(res, 200, {
      object: 'list',
      data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'crosscheck-replay' })),
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if (path === '/v1/chat/completions') {
      if (method !== 'POST')
        throw new HttpError(
          405,
          'Use POST for /v1/chat/completions.',
          'invalid_request_error',
          null,
        );
      await chatCompletion(req, res);
      return;
    }
    if (path === '/v1/models') {
      if (method !== 'GET')
        throw new HttpError(405, 'Use GET for /v1/models.', 'invalid_request_error', null);
      models(res);
      return;
    }
    if (path.startsWith('/v1/')) {
      throw new HttpError(404, `Unknown API path ${path}.`, 'invalid_request_error', 'unknown_url');
    }
    const entry = STATIC_FILES[path];
    const isData = path === DATA_PATH;
    if ((!entry && !isData) || (method !== 'GET' && method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const body = entry ? readFileSync(entry.file) : dataBody;
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': entry ? entry.type : 'application/json; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(
        res,
        error instanceof HttpError
          ? error
          : new HttpError(500, `Replay server error: ${String(error)}`, 'server_error', null),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${HOST}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pending) clearTimeout(timer);
        pending.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** `--port N` and `--delay-ms N` (also `--port=N`); anything else is an error. */
function parseArgs(argv: readonly string[]): ReplayServerOptions {
  const options: ReplayServerOptions = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    const number = Number(value);
    if (
      (flag !== '--port' && flag !== '--delay-ms') ||
      value === undefined ||
      !Number.isInteger(number) ||
      number < 0
    ) {
      throw new Error(
        `Usage: tsx demo/replay-server.ts [--port N] [--delay-ms N] (bad argument: ${arg})`,
      );
    }
    if (flag === '--port') options.port = number;
    else options.delayMs = number;
  }
  return options;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  const server = await startReplayServer(parseArgs(process.argv.slice(2)));
  console.log(server.url);
  console.error(
    `Crosscheck demo: chat page ${server.url}/ · OpenAI-compatible API ${server.url}/v1 · ` +
      `recorded answers from ${fileURLToPath(DATA_URL)}`,
  );
  const stop = (): void => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
