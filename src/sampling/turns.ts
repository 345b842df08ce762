/**
 * Checks a captured conversation and puts it in the shape the chat APIs accept: no empty turns,
 * roles alternating (consecutive turns of one role are joined — Anthropic and Gemini reject
 * repeats), ending with the user's prompt, and optionally starting with the user (Anthropic
 * requires that; a chat page may show an assistant greeting first).
 */
import type { Turn } from '../shared/conversation.ts';
import { SamplingError } from './errors.ts';
import type { BackendSettings } from './types.ts';

export function normalizeTurns(
  turns: readonly Turn[],
  options: { startWithUser?: boolean } = {},
): Turn[] {
  if (!Array.isArray(turns)) throw badInput('The conversation to sample is missing.');
  const out: Turn[] = [];
  for (const turn of turns) {
    if (turn.role !== 'user' && turn.role !== 'assistant') {
      throw badInput(`A conversation turn has an unknown role "${String(turn.role)}".`);
    }
    if (typeof turn.text !== 'string') throw badInput('A conversation turn has no text.');
    if (turn.text.trim() === '') continue;
    const last = out[out.length - 1];
    if (last && last.role === turn.role) last.text = `${last.text}\n\n${turn.text}`;
    else out.push({ role: turn.role, text: turn.text });
  }
  if (options.startWithUser) while (out[0]?.role === 'assistant') out.shift();
  if (out.length === 0) throw badInput('The conversation to sample is empty.');
  if (out[out.length - 1]?.role !== 'user') {
    throw badInput("The conversation must end with the user's prompt.");
  }
  return out;
}

function badInput(message: string): SamplingError {
  return new SamplingError({ kind: 'bad-request', message, retryable: false });
}

/** Context budget, in characters, for backends on this machine (small context windows). */
export const LOCAL_CONTEXT_CHARS = 8_000;
/** Context budget for hosted APIs: ample context, but every request pays for every turn. */
export const HOSTED_CONTEXT_CHARS = 48_000;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0']);

/** How much earlier conversation one request may carry to this backend. */
export function contextBudgetChars(settings: Pick<BackendSettings, 'kind' | 'baseUrl'>): number {
  if (settings.kind === 'chrome-builtin') return LOCAL_CONTEXT_CHARS;
  let host = '';
  try {
    host = new URL(settings.baseUrl).hostname;
  } catch {
    // An unparsable URL fails later with its own message; budget as hosted meanwhile.
  }
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost')
    ? LOCAL_CONTEXT_CHARS
    : HOSTED_CONTEXT_CHARS;
}

/**
 * The turns that fit `budget` characters: always the prompt (the last turn) whole, then earlier
 * turns newest first while they fit. The conversation's first user turn (it often states the
 * task) goes in before them when it takes at most a quarter of the budget. Turns are kept or dropped whole, in their order; the
 * result is not yet normalised (normalizeTurns joins any neighbours of one role this leaves).
 */
export function fitContext(turns: readonly Turn[], budget: number): Turn[] {
  if (turns.length === 0) return [];
  const last = turns.length - 1;
  let used = turns[last]!.text.length;
  const firstUser = turns.findIndex((t) => t.role === 'user');
  const keep = new Set<number>([last]);
  const firstSize = turns[firstUser]?.text.length ?? Infinity;
  if (firstUser < last && firstSize <= budget / 4 && used + firstSize <= budget) {
    keep.add(firstUser);
    used += turns[firstUser]!.text.length;
  }
  for (let i = last - 1; i >= 0; i--) {
    if (keep.has(i)) continue;
    const size = turns[i]!.text.length;
    if (used + size > budget) break;
    keep.add(i);
    used += size;
  }
  return turns.filter((_, i) => keep.has(i));
}
