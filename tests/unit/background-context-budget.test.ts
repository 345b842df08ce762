import { describe, expect, it } from 'vitest';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import {
  contextBudgetChars,
  fitContext,
  HOSTED_CONTEXT_CHARS,
  LOCAL_CONTEXT_CHARS,
  normalizeTurns,
} from '../../src/sampling/turns.ts';
import type { Turn } from '../../src/shared/conversation.ts';
import { parseEnvelope } from '../../src/shared/messages.ts';

/** A chat of `count` turns, user first, each about `size` characters, ending with the user. */
function longChat(count: number, size = 700): Turn[] {
  return Array.from({ length: count }, (_, i) => ({
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    text: `Turn ${i}: ${'word '.repeat(Math.floor(size / 5))}`,
  }));
}

const chars = (turns: readonly Turn[]) => turns.reduce((sum, t) => sum + t.text.length, 0);

describe('context budget', () => {
  it('accepts a capture of more than 500 turns, and a 2 MB answer (the background cuts it)', () => {
    const turns = longChat(801);
    turns[0] = { role: 'user', text: 'a pasted log '.repeat(160_000) };
    const parsed = parseEnvelope(
      {
        crosscheck: 1,
        type: 'cs/capture',
        payload: {
          capture: {
            site: 'chatgpt',
            conversationId: '/c/1',
            turns,
            answer: 'An answer. '.repeat(200_000),
          },
          trigger: 'new-answer',
        },
      },
      ['cs/capture'],
    );
    expect(parsed.ok).toBe(true);
  });

  it('gives local backends a small budget and hosted ones a larger one', () => {
    expect(contextBudgetChars(settingsFromPreset('ollama'))).toBe(LOCAL_CONTEXT_CHARS);
    expect(contextBudgetChars(settingsFromPreset('chrome-builtin'))).toBe(LOCAL_CONTEXT_CHARS);
    const custom = settingsFromPreset('openai', { baseUrl: 'http://127.0.0.1:9999/v1' });
    expect(contextBudgetChars(custom)).toBe(LOCAL_CONTEXT_CHARS);
    expect(contextBudgetChars(settingsFromPreset('openai'))).toBe(HOSTED_CONTEXT_CHARS);
  });

  it('keeps the prompt, the first user turn and the newest turns within the budget', () => {
    const turns = longChat(601);
    const fitted = fitContext(turns, LOCAL_CONTEXT_CHARS);
    expect(chars(fitted)).toBeLessThanOrEqual(LOCAL_CONTEXT_CHARS);
    expect(fitted.at(-1)).toBe(turns.at(-1));
    expect(fitted[0]).toBe(turns[0]);
    // After the first turn, an unbroken run of the newest turns.
    const rest = fitted.slice(1);
    expect(rest).toEqual(turns.slice(turns.length - rest.length));
    expect(rest.length).toBeGreaterThan(5);
    // Still a conversation the APIs accept.
    const normal = normalizeTurns(fitted, { startWithUser: true });
    expect(normal[0]?.role).toBe('user');
    expect(normal.at(-1)?.role).toBe('user');
    for (let i = 1; i < normal.length; i++) expect(normal[i]!.role).not.toBe(normal[i - 1]!.role);
  });

  it('leaves a short chat whole, and keeps a prompt that alone exceeds the budget', () => {
    const short = longChat(5, 100);
    expect(fitContext(short, LOCAL_CONTEXT_CHARS)).toEqual(short);
    const huge: Turn[] = [...longChat(4), { role: 'user', text: 'q'.repeat(20_000) }];
    expect(fitContext(huge, LOCAL_CONTEXT_CHARS)).toEqual([huge[4]]);
  });

  it('leaves out a first user turn that would take most of the budget', () => {
    const turns: Turn[] = [{ role: 'user', text: 'p'.repeat(5000) }, ...longChat(41, 300).slice(1)];
    const fitted = fitContext(turns, LOCAL_CONTEXT_CHARS);
    expect(fitted[0]).not.toBe(turns[0]);
    expect(chars(fitted)).toBeLessThanOrEqual(LOCAL_CONTEXT_CHARS);
  });
});
