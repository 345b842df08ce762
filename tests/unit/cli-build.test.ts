/**
 * The built CLI is a program, not a repository script: package.json's `bin` is plain JavaScript
 * that runs with Node alone, from an installed package's layout (no src/, no tsx), and answers
 * --help and argument errors without loading the model's packages at all.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, type Run } from './cli-run.ts';

const root = mkdtempSync(join(tmpdir(), 'crosscheck-installed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A package folder as npm installs it: package.json plus the files it lists. */
function installedPackage(name: string, parts: { dependencies: boolean; model: boolean }): string {
  const dir = join(root, name);
  cpSync('dist/cli', join(dir, 'dist/cli'), { recursive: true });
  cpSync('package.json', join(dir, 'package.json'));
  if (parts.dependencies) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  if (parts.model) {
    mkdirSync(join(dir, 'public'));
    symlinkSync(resolve('public/models'), join(dir, 'public/models'));
  }
  return dir;
}

const EIFFEL =
  JSON.stringify({
    id: 'eiffel',
    answer: 'The Eiffel Tower is in Paris. It was completed in 1887.',
    samples: ['The Eiffel Tower is in Paris. It was completed in 1889.'],
  }) + '\n';

function run(bin: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('the built CLI', () => {
  it('is what package.json bin names: an executable Node script with no TypeScript in it', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      bin: Record<string, string>;
      files: string[];
    };
    expect(pkg.bin.crosscheck).toBe(CLI);
    expect(pkg.files).toContain('dist/cli');
    const source = readFileSync(CLI, 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
    for (const file of readdirSync('dist/cli')) {
      const text = readFileSync(join('dist/cli', file), 'utf8');
      expect(text).not.toMatch(/from ["']tsx|\.tsx?["']/);
    }
  });

  it('answers --help and argument errors with no node_modules at all (the model loads lazily)', async () => {
    const dir = installedPackage('bare', { dependencies: false, model: false });
    const bin = join(dir, CLI);
    const help = await run(bin, ['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/crosscheck score IN\.jsonl/);
    const bad = await run(bin, ['score', 'in.jsonl', '--samples', '0x2'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--samples must be a positive whole number/);
    const missing = await run(bin, ['score', 'missing.jsonl'], root);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('crosscheck: Cannot read missing.jsonl: ENOENT');
  });

  it('scores a record from an installed copy, run from another folder', async () => {
    const dir = installedPackage('installed', { dependencies: true, model: true });
    const work = mkdtempSync(join(root, 'work-'));
    writeFileSync(join(work, 'in.jsonl'), EIFFEL);
    const scored = await run(join(dir, CLI), ['score', 'in.jsonl'], work);
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    const line = JSON.parse(scored.stdout) as { id: string; flagged: boolean[] };
    expect(line.id).toBe('eiffel');
    expect(line.flagged).toEqual([false, true]);
  });

  it('without the model: one line saying to build it, and an earlier --out kept', async () => {
    const dir = installedPackage('no-model', { dependencies: true, model: false });
    const work = mkdtempSync(join(root, 'work-'));
    writeFileSync(join(work, 'in.jsonl'), EIFFEL);
    writeFileSync(join(work, 'out.jsonl'), 'earlier\n');
    const failed = await run(join(dir, CLI), ['score', 'in.jsonl', '--out', 'out.jsonl'], work);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(/embedding model is not built .*Run `npm run build:model` first/);
    expect(readFileSync(join(work, 'out.jsonl'), 'utf8')).toBe('earlier\n');
    expect(readdirSync(work).sort()).toEqual(['in.jsonl', 'out.jsonl']);
  });
});
