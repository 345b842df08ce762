/**
 * Keeps src/sampling fit for every context it runs in (service worker, offscreen document,
 * Firefox background page, Node): no Node modules or globals, and every module opens with its
 * doc comment.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../src/sampling', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(ROOT);

describe('src/sampling conventions', () => {
  it('has a module for each job of the layer and each backend', () => {
    const names = files.map((f) => f.slice(ROOT.length + 1));
    for (const name of [
      'types.ts',
      'scheduler.ts',
      'cache.ts',
      'test-connection.ts',
      'backends/openai-compatible.ts',
      'backends/anthropic.ts',
      'backends/gemini.ts',
      'backends/chrome-builtin.ts',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))(
    '%s uses no Node APIs',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|\bNodeJS\./);
    },
  );

  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))(
    '%s starts with a doc comment',
    (_name, file) => {
      expect(readFileSync(file, 'utf8').startsWith('/**')).toBe(true);
    },
  );
});
