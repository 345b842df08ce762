/**
 * Sampling failures as one error type with a `kind` the code branches on and a plain-language
 * `message` the UI shows as is. `SamplingError` is thrown inside the sampling layer; what leaves
 * it is `SamplingErrorData`, plain data that survives structured cloning across extension
 * contexts (an `Error` subclass loses its fields there).
 *
 * Every message and detail goes through `redactSecrets`, because servers echo keys back in error
 * bodies (OpenAI: "Incorrect API key provided: sk-abc***xyz"), sometimes upper-cased, cut or
 * encoded, and URLs may carry `?key=`.
 */
import { redactEchoes } from './secret-echoes.ts';

import type { SamplingErrorData, SamplingErrorKind } from '../shared/backend.ts';

// Plain data defined in shared/ (it crosses contexts); re-exported for this layer.
export type { SamplingErrorData, SamplingErrorKind };

export class SamplingError extends Error {
  readonly kind: SamplingErrorKind;
  readonly status: number | undefined;
  readonly detail: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly refusesBatching: boolean;

  constructor(data: SamplingErrorData) {
    super(data.message);
    this.name = 'SamplingError';
    this.kind = data.kind;
    this.status = data.status;
    this.detail = data.detail;
    this.retryable = data.retryable;
    this.retryAfterMs = data.retryAfterMs;
    this.refusesBatching = data.refusesBatching ?? false;
  }

  /** Plain data for `{ok:false, error}` envelopes; omits absent fields. */
  toData(): SamplingErrorData {
    const data: SamplingErrorData = {
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.status !== undefined) data.status = this.status;
    if (this.detail !== undefined) data.detail = this.detail;
    if (this.retryAfterMs !== undefined) data.retryAfterMs = this.retryAfterMs;
    if (this.refusesBatching) data.refusesBatching = true;
    return data;
  }
}

export function isSamplingError(value: unknown): value is SamplingError {
  return value instanceof SamplingError;
}

export function cancelledError(): SamplingError {
  return new SamplingError({
    kind: 'cancelled',
    message: 'Sampling was cancelled.',
    retryable: false,
  });
}

/**
 * Why `signal` aborted, as a SamplingError: the scheduler aborts with a SamplingError (timeout or
 * cancelled) as the reason; anything else (a caller's plain abort()) counts as cancelled.
 */
export function abortReason(signal: AbortSignal): SamplingError {
  return signal.reason instanceof SamplingError ? signal.reason : cancelledError();
}

/** The options page's label for `timeoutMs`, named in the timeout message so the two agree. */
export const TIMEOUT_SETTING_LABEL = 'Wait for a reply (seconds)';

/**
 * No reply within `timeoutMs`. `fromSetting` says whether that limit was the user's own setting
 * (then raising it helps) or a fixed cap such as the connection test's.
 */
export function timeoutError(timeoutMs: number, fromSetting = true): SamplingError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new SamplingError({
    kind: 'timeout',
    message: fromSetting
      ? `No reply within ${seconds} s. The model may be slow or overloaded; to wait longer, raise “${TIMEOUT_SETTING_LABEL}” in Crosscheck's options.`
      : `No reply within ${seconds} s, the most the connection test waits. The model may be slow or still loading; try again in a moment.`,
    retryable: false,
  });
}

/**
 * Turns anything thrown into error data. Unknown exceptions become 'network' when they look like
 * a failed fetch (a TypeError in every browser and in Node's undici), else 'malformed'.
 */
export function toSamplingErrorData(
  error: unknown,
  secrets: readonly string[] = [],
): SamplingErrorData {
  if (isSamplingError(error)) return error.toData();
  const text = error instanceof Error ? error.message : String(error);
  return {
    kind: 'malformed',
    message: `Unexpected error while sampling: ${redactSecrets(text, secrets).slice(0, 300)}`,
    retryable: false,
  };
}

/** The same error data with `message` and `detail` redacted: the last check before data leaves. */
export function redactErrorData(
  data: SamplingErrorData,
  secrets: readonly string[],
): SamplingErrorData {
  const out: SamplingErrorData = { ...data, message: redactSecrets(data.message, secrets) };
  if (data.detail !== undefined) out.detail = redactSecrets(data.detail, secrets);
  return out;
}

const REDACTED = '[redacted]';

/**
 * Known key shapes, redacted even when we were not told the secret (e.g. a server echoing a
 * different, partly masked key). Order matters: the header forms first.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  /(Bearer\s+)[^\s"',]+/gi,
  /(x-api-key["']?\s*[:=]\s*["']?)[^\s"',]+/gi,
  /(x-goog-api-key["']?\s*[:=]\s*["']?)[^\s"',]+/gi,
  /([?&]key=)[^&\s"']+/gi,
  /()\bsk-[A-Za-z0-9_*.-]{6,}/g,
  /()\bgsk_[A-Za-z0-9_*]{6,}/g,
  /()\bAIza[0-9A-Za-z_-]{10,}/g,
];

/**
 * Removes the given secrets in every form a server may echo them (see secret-echoes.ts), and
 * anything shaped like an API key, from `text`.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = redactEchoes(text, secrets, REDACTED);
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, `$1${REDACTED}`);
  return out;
}
