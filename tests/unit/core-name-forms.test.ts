import { describe, expect, it } from 'vitest';
import { sameNameRoot } from '../../src/core/name-forms.ts';

describe('sameNameRoot', () => {
  it('joins a place and its people or adjective', () => {
    for (const [a, b] of [
      ['Japan', 'Japanese'],
      ['Indonesia', 'Indonesian'],
      ['Moluccas', 'Moluccan'],
      ['Bengal', 'Bengali'],
      ['Italy', 'Italian'],
      ['Korea', 'Korean'],
      ["Japan's", 'Japan'],
      ['Allies', 'Allied'],
      ['Kantian', 'Kantianism'],
    ]) {
      expect(sameNameRoot(a!, b!), `${a} / ${b}`).toBe(true);
      expect(sameNameRoot(b!, a!), `${b} / ${a}`).toBe(true);
    }
  });

  it('keeps different names apart, short ones and other endings included', () => {
    for (const [a, b] of [
      ['Austria', 'Australia'],
      ['Paul', 'Paula'],
      ['Mark', 'Markus'],
      ['Ulm', 'Ulma'],
      ['Munich', 'Ulm'],
      ['Georgia', 'Georgetown'],
    ]) {
      expect(sameNameRoot(a!, b!), `${a} / ${b}`).toBe(false);
    }
  });
});
