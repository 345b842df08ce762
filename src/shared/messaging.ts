/**
 * Sending and receiving the typed messages of messages.ts over the extension's runtime. Every
 * receiver names the message types it handles and the contexts it accepts them from; anything
 * else is rejected with a logged reason. Handler errors come back as `{ok:false, error}` and are
 * re-thrown at the caller as an Error with the same message.
 */
import browser from 'webextension-polyfill';
import {
  envelope,
  errorMessage,
  parseEnvelope,
  type BGtoCS,
  type BGtoOFF,
  type CStoBG,
  type MessageType,
  type OFFtoBG,
  type RequestOf,
  type ResponseOf,
  type Result,
  type UItoBG,
} from './messages.ts';

export type SenderKind = 'content' | 'extension';

/** Which of our contexts sent a message, or null when it is not ours. */
export function senderKind(sender: browser.Runtime.MessageSender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const ownOrigin = browser.runtime.getURL('');
  if (sender.url?.startsWith(ownOrigin)) return 'extension';
  // The background's own tabs.sendMessage arrives in content scripts without a URL in some
  // browsers; content scripts never receive runtime messages from pages, so id is enough there.
  if (sender.tab !== undefined) return 'content';
  return sender.url === undefined ? 'extension' : null;
}

type Handlers<K extends MessageType> = {
  [P in K]: (
    payload: RequestOf<P>,
    sender: browser.Runtime.MessageSender,
  ) => ResponseOf<P> | Promise<ResponseOf<P>>;
};

/**
 * Registers handlers for `types`, accepted only from `from`. Returns nothing for messages of
 * other types so that other listeners in the same context (or other contexts) can answer them.
 */
export function listen<K extends MessageType>(
  types: readonly K[],
  from: readonly SenderKind[],
  handlers: Handlers<K>,
  signal?: AbortSignal,
): void {
  const listener = (
    message: unknown,
    sender: browser.Runtime.MessageSender,
  ): Promise<Result<unknown>> | undefined => {
    const parsed = parseEnvelope(message, types);
    if (!parsed.ok) {
      if (parsed.ours) console.warn(`[crosscheck] rejected message: ${parsed.reason}`);
      return parsed.ours ? Promise.resolve({ ok: false, error: parsed.reason }) : undefined;
    }
    const kind = senderKind(sender);
    if (kind === null || !from.includes(kind)) {
      const reason = `"${parsed.envelope.type}" is not accepted from ${kind ?? 'a foreign sender'}`;
      console.warn(`[crosscheck] rejected message: ${reason}`);
      return Promise.resolve({ ok: false, error: reason });
    }
    const { type, payload } = parsed.envelope;
    const handler = handlers[type] as (p: unknown, s: typeof sender) => unknown;
    return Promise.resolve()
      .then(() => handler(payload, sender))
      .then(
        (value): Result<unknown> => ({ ok: true, value: value ?? null }),
        (error: unknown): Result<unknown> => ({ ok: false, error: errorMessage(error) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}

function unwrap<T>(type: string, reply: unknown): T {
  if (reply === undefined) throw new Error(`No context answered "${type}"`);
  const result = reply as Result<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export async function sendToBackground<K extends keyof CStoBG | keyof UItoBG | keyof OFFtoBG>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  return unwrap(type, await browser.runtime.sendMessage(envelope(type, payload)));
}

export async function sendToTab<K extends keyof BGtoCS>(
  tabId: number,
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, envelope(type, payload)));
}

export async function sendToOffscreen<K extends keyof BGtoOFF>(
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  return unwrap(type, await browser.runtime.sendMessage(envelope(type, payload)));
}
