/**
 * Reads a conversation off the page with a site adapter: the turns before the latest answer (for
 * context when sampling), ending with the prompt it answers, and the answer text. Text comes from
 * `domText`, the same function the highlighter indexes, so the report's offsets line up with the
 * page.
 */
import type { Capture, Turn } from '../../shared/conversation.ts';
import { domText } from '../dom-text.ts';
import type { SiteAdapter, TurnElement } from './types.ts';

export interface CapturedAnswer {
  capture: Capture;
  /** The answer turn captured, for the highlighter. */
  answer: TurnElement;
}

/** Text of one turn as the analysis sees it. */
export function turnText(adapter: SiteAdapter, turn: TurnElement): string {
  return domText(turn.body, { skip: adapter.skip }).text;
}

/**
 * Capture of the latest answer, or null when the page has no answer or no prompt before it.
 * Consecutive turns of the same role (ChatGPT's research follow-ups) are kept as they are.
 */
export function captureLatest(
  adapter: SiteAdapter,
  url: URL,
  root: ParentNode = document,
): CapturedAnswer | null {
  const turns = adapter.turns(root);
  const last = turns.findLastIndex((t) => t.role === 'assistant');
  if (last < 0) return null;
  const answer = turns[last]!;
  const before: Turn[] = turns
    .slice(0, last)
    .map((t) => ({ role: t.role, text: turnText(adapter, t) }))
    .filter((t) => t.text.length > 0);
  if (!before.some((t) => t.role === 'user')) return null;
  // The answer replies to the last user prompt; anything after that prompt (an interim assistant
  // message) stays as context before it, so `turns` still ends with a user turn.
  let lastUser = before.length - 1;
  while (lastUser >= 0 && before[lastUser]!.role !== 'user') lastUser--;
  const context = [...before.slice(0, lastUser), ...before.slice(lastUser + 1), before[lastUser]!];
  return {
    capture: {
      site: adapter.id,
      conversationId: adapter.conversationId(url),
      turns: context,
      answer: turnText(adapter, answer),
    },
    answer,
  };
}
