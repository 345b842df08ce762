import { describe, expect, it } from 'vitest';
import {
  boundCapture,
  capNotes,
  capText,
  MAX_ANSWER_CHARS,
  MAX_SAMPLE_CHARS,
} from '../../src/background/text-caps.ts';
import { HOSTED_CONTEXT_CHARS } from '../../src/sampling/turns.ts';

const sentence = 'The bridge opened in 1883 and carried trains. ';

describe('text caps', () => {
  it('leaves text within the cap alone', () => {
    expect(capText('Short answer.', 100)).toEqual({
      text: 'Short answer.',
      originalLength: 13,
      cut: false,
    });
  });

  it('cuts a long text to a prefix that ends with a whole sentence', () => {
    const long = sentence.repeat(1000);
    const capped = capText(long, MAX_ANSWER_CHARS);
    expect(capped.cut).toBe(true);
    expect(capped.originalLength).toBe(long.length);
    expect(capped.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(capped.text.length).toBeGreaterThan(MAX_ANSWER_CHARS * 0.8);
    expect(long.startsWith(capped.text)).toBe(true);
    expect(capped.text.endsWith('trains.')).toBe(true);
  });

  it('cuts text without any break at the limit itself', () => {
    const capped = capText('x'.repeat(50_000), 1000);
    expect(capped.text).toBe('x'.repeat(1000));
  });

  it('says what was cut, and nothing when nothing was', () => {
    expect(capNotes(capText('fine', 100), 0)).toEqual([]);
    const notes = capNotes(capText(sentence.repeat(2000), MAX_ANSWER_CHARS), 2);
    expect(notes[0]).toMatch(
      /^Only the first 19,\d{3} of the answer’s 92,000 characters were checked\.$/,
    );
    expect(notes[1]).toBe(
      `2 samples were cut to ${MAX_SAMPLE_CHARS.toLocaleString('en-US')} characters before comparing.`,
    );
    expect(capNotes(capText('fine', 100), 1)).toEqual([
      'One sample was cut to 20,000 characters before comparing.',
    ]);
  });

  it('bounds a capture before the background keeps it, remembering the answer’s length', () => {
    const turns = Array.from({ length: 2001 }, (_, i) => ({
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      text: `Turn ${i}. `.repeat(40),
    }));
    const answer = sentence.repeat(40_000);
    const bounded = boundCapture({ site: 'chatgpt', conversationId: '/c/1', turns, answer });
    expect(bounded.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
    expect(answer.startsWith(bounded.answer)).toBe(true);
    expect(bounded.answerLength).toBe(answer.length);
    expect(bounded.turns.at(-1)).toBe(turns.at(-1));
    expect(bounded.turns.reduce((n, t) => n + t.text.length, 0)).toBeLessThanOrEqual(
      HOSTED_CONTEXT_CHARS,
    );
    const small = {
      site: 'chatgpt',
      conversationId: '/c/2',
      turns: turns.slice(0, 3),
      answer: 'Hi.',
    };
    expect(boundCapture(small)).toEqual(small);
  });
});
