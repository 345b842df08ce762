/**
 * Finds an API key in text a server sent back, in the forms servers and proxies echo it: as is
 * but in another case, without its prefix ("sk-", "gsk_"…), URL-encoded, hex, base64 (standard
 * or URL-safe, at any byte alignment, so inside a longer encoded header too), or any piece of 12
 * characters or more of any of those (a key cut short, masked in the middle, or split by a line
 * break). Keys are ASCII, so case is folded in ASCII only and every index stays put.
 */

/** Shorter "keys" (e.g. "x" typed for Ollama) would shred ordinary words; they are no secret. */
export const MIN_SECRET_LENGTH = 6;
/** Pieces this long of a random key do not turn up in ordinary text by chance. */
const PIECE_LENGTH = 12;

/** Replaces every echo of every secret in `text` with `mark`. */
export function redactEchoes(text: string, secrets: readonly string[], mark: string): string {
  const folded = foldCase(text);
  const ranges: [number, number][] = [];
  const pieces = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of echoForms(secret)) {
      const f = foldCase(form);
      for (let at = folded.indexOf(f); at >= 0; at = folded.indexOf(f, at + 1)) {
        ranges.push([at, at + f.length]);
      }
      for (let i = 0; i + PIECE_LENGTH <= f.length; i++) pieces.add(f.slice(i, i + PIECE_LENGTH));
    }
  }
  if (pieces.size > 0) {
    for (let i = 0; i + PIECE_LENGTH <= folded.length; i++) {
      if (pieces.has(folded.slice(i, i + PIECE_LENGTH))) ranges.push([i, i + PIECE_LENGTH]);
    }
  }
  if (ranges.length === 0) return text;
  return replaceRanges(text, mergeRanges(ranges), mark);
}

/** The forms of `secret` worth looking for (each at least MIN_SECRET_LENGTH long). */
export function echoForms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const forms = new Set<string>([
    secret,
    withoutPrefix(secret),
    encodeURIComponent(secret),
    toHex(bytes),
    ...base64Forms(bytes),
  ]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** "sk-proj-abc…" → "proj-abc…" and "abc…"-like tails: the key after a short lettered prefix. */
function withoutPrefix(secret: string): string {
  return secret.replace(/^(?:[A-Za-z]{2,6}[-_]){1,3}/, '');
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Base64 of the key as it would appear 0, 1 or 2 bytes into a longer encoded string, keeping only
 * the characters that depend on the key's bytes alone; in both the standard and URL alphabets.
 */
function base64Forms(bytes: Uint8Array): string[] {
  const forms: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    const encoded = btoa(String.fromCharCode(...padded));
    const first = Math.ceil((8 * shift) / 6);
    const end = Math.floor((8 * (shift + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  // The whole encoding with its padding, as a header value would carry it.
  forms.push(btoa(String.fromCharCode(...bytes)));
  return forms;
}

function foldCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function replaceRanges(text: string, ranges: [number, number][], mark: string): string {
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    out += text.slice(from, start) + mark;
    from = end;
  }
  return out + text.slice(from);
}
