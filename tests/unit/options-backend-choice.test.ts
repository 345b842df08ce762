/**
 * The options page's form helpers: a form just saved is not "unsaved" however storage orders its
 * keys, and a value the stored settings would drop is named by its label before anything is lost.
 */
import { describe, expect, it } from 'vitest';
import { backendForPreset, backendProblem, isDirty } from '../../src/options/backend-choice.ts';

describe('backend form helpers', () => {
  it('compares a form with what is stored regardless of key order', () => {
    const draft = backendForPreset('openai');
    const reordered = Object.fromEntries(Object.entries(draft).reverse());
    expect(isDirty(draft, reordered)).toBe(false);
    expect(isDirty({ ...draft, model: 'other' }, reordered)).toBe(true);
    expect(isDirty(draft, null)).toBe(true);
  });

  it('names the field the stored settings would refuse', () => {
    expect(backendProblem(backendForPreset('ollama'))).toBeNull();
    expect(backendProblem({ ...backendForPreset('ollama'), maxTokens: 0 })).toBe(
      '“Longest answer (tokens)” must be an integer from 1 to 1000000',
    );
  });
});
