/**
 * Places sentences given by a caller (the `score` batch contract's `sentences`) in the answer, so
 * they are judged exactly as given, in order, with offsets where possible. Tried in turn: the
 * verbatim text after the previous sentence, anywhere, then with any whitespace between words.
 * A sentence that cannot be found is still judged, with an empty range at the position where it
 * was expected (start = end), so callers can tell it was not located.
 */
import type { Segment } from './types.ts';

export function locateSentences(answer: string, sentences: readonly string[]): Segment[] {
  let cursor = 0;
  return sentences.map((raw, index) => {
    if (typeof raw !== 'string') {
      throw new TypeError(`sentences[${index}] must be a string`);
    }
    const text = raw.trim();
    const found = findFrom(answer, text, cursor) ?? findFrom(answer, text, 0);
    if (found && text !== '') {
      cursor = found[1];
      return {
        index,
        text: answer.slice(found[0], found[1]),
        start: found[0],
        end: found[1],
        kind: 'sentence',
        judged: true,
      };
    }
    return { index, text, start: cursor, end: cursor, kind: 'sentence', judged: text !== '' };
  });
}

function findFrom(haystack: string, needle: string, from: number): [number, number] | null {
  if (needle === '') return null;
  const exact = haystack.indexOf(needle, from);
  if (exact !== -1) return [exact, exact + needle.length];
  const words = needle.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(words.join('\\s+'), 'g');
  pattern.lastIndex = from;
  const m = pattern.exec(haystack);
  return m ? [m.index, m.index + m[0].length] : null;
}
