/**
 * The one HTTP call the three HTTP backends make: POST JSON, read JSON, and turn every way that
 * can fail into a `SamplingError` (HTTP status, unreadable body, refused/reset connection, abort).
 * Uses only `fetch` and `AbortSignal`, so it runs in a service worker, an offscreen document,
 * a background page and Node alike.
 */
import { SamplingError, abortReason } from './errors.ts';
import {
  type ErrorContext,
  errorFromHttpResponse,
  malformedError,
  networkError,
  replyCutOffError,
} from './http-errors.ts';
import type { FetchLike } from './types.ts';

export interface HttpDeps {
  fetch?: FetchLike;
  now?: () => number;
}

/**
 * Workaround: a detached `fetch` (e.g. stored in an object and called as `deps.fetch(...)`)
 * throws "Illegal invocation" in Chrome, so the global one is bound to its global. Looked up at
 * call time so a fetch replaced after import (tests, polyfills) is the one used.
 */
function defaultFetch(input: string, init: RequestInit): Promise<Response> {
  return globalThis.fetch.call(globalThis, input, init);
}

/** Joins the configured base URL and an API path; a clear error for a URL that is not one. */
export function endpointUrl(baseUrl: string, path: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(base + path);
  } catch {
    throw new SamplingError({
      kind: 'bad-request',
      message: `The base URL "${base.slice(0, 100)}" is not a valid address. Enter it like https://api.example.com/v1 in Crosscheck's options.`,
      retryable: false,
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SamplingError({
      kind: 'bad-request',
      message: `The base URL must start with https:// or http://, not ${parsed.protocol}`,
      retryable: false,
    });
  }
  return parsed.href;
}

/** One JSON request: where, with which headers (beyond content-type), what, and its abort signal. */
export interface JsonPost {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal;
}

export async function postJson(
  { url, headers, body, signal }: JsonPost,
  ctx: ErrorContext,
  deps: HttpDeps = {},
): Promise<unknown> {
  const fetchFn = deps.fetch ?? defaultFetch;
  const now = deps.now ?? Date.now;
  if (signal.aborted) throw abortReason(signal);
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
      // The extension's own cookies have no business on API calls.
      credentials: 'omit',
    });
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    throw networkError(ctx, error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The body stream also ends on abort, or when the connection drops mid-reply: the server
    // did answer, so this is no "could not reach".
    if (signal.aborted) throw abortReason(signal);
    throw replyCutOffError(ctx, error);
  }
  if (!response.ok)
    throw errorFromHttpResponse(response.status, response.headers, text, ctx, now());
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformedError(ctx, 'not JSON');
  }
}
