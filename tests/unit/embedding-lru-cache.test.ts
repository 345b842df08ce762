/** The bounded LRU cache used for sentence vectors. */
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/embedding/lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.has('a')).toBe(false);
    expect(cache.keys()).toEqual(['b', 'c']);
    expect(cache.size).toBe(2);
  });

  it('counts a read as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
    expect(cache.get('b')).toBeUndefined();
  });

  it('replaces a value and refreshes its position', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(10);
    expect(cache.has('b')).toBe(false);
  });

  it('keeps falsy values distinct from missing ones', () => {
    const cache = new LruCache<string, number>(3);
    cache.set('', 0);
    expect(cache.has('')).toBe(true);
    expect(cache.get('')).toBe(0);
  });

  it('stores nothing with capacity 0 and supports delete and clear', () => {
    const none = new LruCache<string, number>(0);
    none.set('a', 1);
    expect(none.size).toBe(0);
    const cache = new LruCache<string, number>(3);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('rejects a capacity that is negative or not an integer', () => {
    expect(() => new LruCache(-1)).toThrow(/non-negative integer/);
    expect(() => new LruCache(1.5)).toThrow(/non-negative integer/);
  });
});
