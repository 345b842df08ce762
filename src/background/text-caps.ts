/**
 * Upper bounds on how much text one run judges. A 2 MB reply would otherwise hold the embedding
 * model and the analysis for minutes; past a few thousand words a check is no more useful, so the
 * answer and each sample are cut to a prefix and the result says so. A prefix keeps the report's
 * offsets valid for the page's highlights, which index into the captured answer.
 */

import type { Capture } from '../shared/conversation.ts';
import { fitContext, HOSTED_CONTEXT_CHARS } from '../sampling/turns.ts';

/** Most characters of the answer that are checked (about 3,000 words). */
export const MAX_ANSWER_CHARS = 20_000;
/** Most characters of each sample that are compared with the answer. */
export const MAX_SAMPLE_CHARS = 20_000;

export interface CappedText {
  text: string;
  /** Length before cutting; equal to `text.length` when nothing was cut. */
  originalLength: number;
  cut: boolean;
}

/**
 * `text` cut to at most `limit` characters, at the last sentence end (or else the last space)
 * in the final fifth before the limit, so the last sentence judged is a whole one where possible.
 */
export function capText(text: string, limit: number): CappedText {
  if (text.length <= limit) return { text, originalLength: text.length, cut: false };
  const window = text.slice(0, limit);
  const floor = Math.floor(limit * 0.8);
  const sentenceEnd = Math.max(
    window.lastIndexOf('. '),
    window.lastIndexOf('.\n'),
    window.lastIndexOf('? '),
    window.lastIndexOf('! '),
    window.lastIndexOf('\n\n'),
  );
  const space = window.lastIndexOf(' ');
  const end = sentenceEnd >= floor ? sentenceEnd + 1 : space >= floor ? space : limit;
  return { text: text.slice(0, end), originalLength: text.length, cut: true };
}

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** The sentences the result shows when something was cut (none when nothing was). */
export function capNotes(answer: CappedText, samplesCut: number): string[] {
  const notes: string[] = [];
  if (answer.cut) {
    notes.push(
      `Only the first ${thousands(answer.text.length)} of the answer’s ${thousands(answer.originalLength)} characters were checked.`,
    );
  }
  if (samplesCut > 0) {
    notes.push(
      `${samplesCut === 1 ? 'One sample was' : `${samplesCut} samples were`} cut to ${thousands(MAX_SAMPLE_CHARS)} characters before comparing.`,
    );
  }
  return notes;
}

/**
 * The capture as the background keeps it (in storage.session, which holds 10 MB for every tab):
 * the answer cut to what is checked, remembering its length, and no more earlier turns than the
 * largest context budget sends. Every capture passes through here, so stored results of the
 * same answer are found again by the hash of the same cut text.
 */
export function boundCapture(capture: Capture): Capture {
  const answer = capText(capture.answer, MAX_ANSWER_CHARS);
  return {
    ...capture,
    turns: fitContext(capture.turns, HOSTED_CONTEXT_CHARS),
    answer: answer.text,
    ...(answer.cut ? { answerLength: answer.originalLength } : {}),
  };
}
