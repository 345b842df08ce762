/**
 * Checks a captured conversation and puts it in the shape the chat APIs accept: no empty turns,
 * roles alternating (consecutive turns of one role are joined — Anthropic and Gemini reject
 * repeats), ending with the user's prompt, and optionally starting with the user (Anthropic
 * requires that; a chat page may show an assistant greeting first).
 */
import type { Turn } from '../shared/conversation.ts';
import { SamplingError } from './errors.ts';

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
