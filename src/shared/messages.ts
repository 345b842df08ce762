/**
 * Every message between the extension's contexts, typed by direction, with a runtime check for
 * each request. Pure (no extension API), so the checks are unit-tested in Node; messaging.ts
 * does the sending and the sender checks.
 *
 * Directions: CS = content script, BG = background, UI = popup/options pages, OFF = Chrome's
 * offscreen document (Firefox runs its work in the background page).
 */
import type { ModelRequest } from './model-catalogue.ts';
import type { EmbeddingLoadProgress } from './model-download.ts';
import type { BackendSettings, ConnectionResult } from './backend.ts';
import type { Capture } from './conversation.ts';
import { SENSITIVITIES } from '../core/severity.ts';
import { checkBackend, type PublicSettings } from './settings-schema.ts';
import type { ModelDownloadState } from './model-download.ts';
import type { RunStatus, SiteHealth, TabStatus } from './run-status.ts';
import {
  arr,
  bool,
  int,
  lit,
  nullable,
  num,
  obj,
  oneOf,
  optional,
  str,
  type Check,
  record,
} from './validate.ts';

interface Contract<Req, Res> {
  request: Req;
  response: Res;
}

export type CaptureTrigger = 'new-answer' | 'page-load' | 'user';

/** Content script → background. */
export interface CStoBG {
  /** The content script started on a page (or navigated): returns what it may know of settings. */
  'cs/hello': Contract<
    { site: string | null; url: string; health: SiteHealth | null },
    PublicSettings
  >;
  /**
   * An answer to check. `new-answer`: it just finished streaming, so a run starts (or a stored
   * result is reused). `page-load`: an answer that was already there; only a stored result is
   * shown, nothing is paid for. `user`: the user asked to check it.
   */
  'cs/capture': Contract<
    { capture: Capture; trigger: CaptureTrigger },
    { accepted: boolean; reason?: string }
  >;
  /**
   * An answer is streaming on a site that is on: its check will need the embedding model, which
   * can load while the answer streams. Sent again every few seconds while it streams.
   */
  'cs/warm-up': Contract<{ site: string }, null>;
  /** The page navigated away or the answer was replaced: cancel this tab's run. */
  'cs/cancel': Contract<{ reason: string }, null>;
  /** The reader pressed Cancel in the page's bar: stop this tab's run and show it as not checked. */
  'cs/stop': Contract<Record<string, never>, null>;
  /** The reader pressed "Open settings" in the page's bar (content scripts cannot open it). */
  'cs/open-options': Contract<Record<string, never>, null>;
}

/** Background → content script (tabs.sendMessage). */
export interface BGtoCS {
  'bg/settings': Contract<{ settings: PublicSettings }, null>;
  'bg/run': Contract<{ conversationId: string; run: RunStatus }, null>;
}

/** Popup / options → background. */
export interface UItoBG {
  'ui/tab-status': Contract<{ tabId: number }, TabStatus>;
  'ui/rerun': Contract<{ tabId: number }, { started: boolean }>;
  /** The popup's Cancel: stop the tab's run and show it as not checked. */
  'ui/cancel': Contract<{ tabId: number }, null>;
  /** The options page's "Test connection": the background makes the request (it holds keys). */
  'ui/test-connection': Contract<{ backend: BackendSettings }, ConnectionResult>;
  /**
   * "Download and use" a remote embedding model: the background loads it (in the offscreen
   * document in Chrome), writes progress to storage.session (model-download.ts) and, once it
   * works, stores it in settings. Resolves with the final state; failures are states too.
   */
  'ui/model-download': Contract<{ modelId: string }, ModelDownloadState>;
}

/** Background → offscreen document (Chrome). */
export interface BGtoOFF {
  /** Vectors travel as plain arrays: Chrome's messaging serialises to JSON. */
  'off/embed': Contract<
    { texts: string[]; model?: ModelRequest },
    { vectors: number[][]; modelId: string }
  >;
  /** Load a model afresh (the options page's download); progress comes back as off/model-progress. */
  'off/load-model': Contract<{ model: ModelRequest }, { embedderId: string; dimensions: number }>;
}

/** Offscreen document → background (Chrome). */
export interface OFFtoBG {
  'off/model-progress': Contract<{ modelId: string; event: EmbeddingLoadProgress }, null>;
}

export type AllMessages = CStoBG & BGtoCS & UItoBG & BGtoOFF & OFFtoBG;
export type MessageType = keyof AllMessages;
export type RequestOf<K extends MessageType> = AllMessages[K]['request'];
export type ResponseOf<K extends MessageType> = AllMessages[K]['response'];

/** Errors do not survive structured cloning, so results cross contexts as plain values. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Envelope<K extends MessageType = MessageType> {
  crosscheck: 1;
  type: K;
  payload: RequestOf<K>;
}

const MAX_TEXT = 500_000;
const text: Check<string> = (v, p = 'value') =>
  str(v, p) ??
  ((v as string).length > MAX_TEXT ? `${p} is longer than ${MAX_TEXT} characters` : null);

/**
 * A captured reply may be huge (a pasted log, a runaway answer): the background cuts answers and
 * samples to what it checks (text-caps.ts) and sends only the turns that fit (fitContext), so a
 * capture is refused only far beyond that.
 */
const MAX_CAPTURED_TEXT = 5_000_000;
const capturedText: Check<string> = (v, p = 'value') =>
  str(v, p) ??
  ((v as string).length > MAX_CAPTURED_TEXT
    ? `${p} is longer than ${MAX_CAPTURED_TEXT} characters`
    : null);

const health = nullable(obj({ ok: bool, problems: arr(str, 100) }));
const turn = obj({ role: oneOf(['user', 'assistant'] as const), text: capturedText });
const capture = obj({
  site: str,
  conversationId: str,
  // Long chats are captured whole; the background keeps what fits the backend (fitContext).
  turns: arr(turn, 10_000),
  answer: capturedText,
});
const modelRequest = obj({ id: str, remoteHost: str });
const loadProgress = obj({
  status: oneOf(['initiate', 'download', 'progress', 'done', 'ready', 'progress_total'] as const),
  file: optional(str),
  progress: optional(num),
  loaded: optional(num),
  total: optional(num),
}) as Check<EmbeddingLoadProgress>;

/** Payload-less requests: any object will do, its contents are ignored. */
const empty = record as Check<Record<string, never>>;

/** Runtime check of each request payload; returns a reason when malformed. */
export const REQUEST_CHECKS: { [K in MessageType]: Check<RequestOf<K>> } = {
  'cs/hello': obj({ site: nullable(str), url: str, health }),
  'cs/capture': obj({ capture, trigger: oneOf(['new-answer', 'page-load', 'user'] as const) }),
  'cs/warm-up': obj({ site: str }),
  'cs/cancel': obj({ reason: str }),
  'cs/stop': empty,
  'cs/open-options': empty,
  'bg/settings': obj({
    settings: obj({ enabled: bool, siteEnabled: bool, sensitivity: oneOf(SENSITIVITIES) }),
  }),
  // Built by our own background from typed values; the shallow check guards the envelope only.
  'bg/run': obj({ conversationId: str, run: obj({ phase: str }) }) as Check<RequestOf<'bg/run'>>,
  'ui/tab-status': obj({ tabId: int(0, Number.MAX_SAFE_INTEGER) }),
  'ui/rerun': obj({ tabId: int(0, Number.MAX_SAFE_INTEGER) }),
  'ui/cancel': obj({ tabId: int(0, Number.MAX_SAFE_INTEGER) }),
  'ui/test-connection': obj({ backend: checkBackend }),
  'ui/model-download': obj({ modelId: str }),
  'off/embed': obj({ texts: arr(text, 5_000), model: optional(modelRequest) }) as Check<
    RequestOf<'off/embed'>
  >,
  'off/load-model': obj({ model: modelRequest }),
  'off/model-progress': obj({ modelId: str, event: loadProgress }),
};

export function envelope<K extends MessageType>(type: K, payload: RequestOf<K>): Envelope<K> {
  return { crosscheck: 1, type, payload };
}

/**
 * Checks that `message` is one of ours, of a type this receiver handles, with a well-formed
 * payload. Returns the envelope or the reason it was rejected.
 */
export function parseEnvelope<K extends MessageType>(
  message: unknown,
  accepted: readonly K[],
): { ok: true; envelope: Envelope<K> } | { ok: false; reason: string; ours: boolean } {
  const shape = obj({ crosscheck: lit(1), type: str })(message, 'message');
  if (shape) return { ok: false, reason: shape, ours: false };
  const { type, payload } = message as { type: string; payload: unknown };
  if (!(accepted as readonly string[]).includes(type)) {
    return { ok: false, reason: `message type "${type}" is not handled here`, ours: false };
  }
  const reason = REQUEST_CHECKS[type as K](payload, `${type} payload`);
  if (reason) return { ok: false, reason, ours: true };
  return { ok: true, envelope: message as Envelope<K> };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
