/**
 * Where the evaluation data lives and how to read it. The data is never copied into the repo:
 * it is read from `../shared/data` (relative to the repo) or from `CROSSCHECK_DATA`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function dataDir(): string {
  return process.env.CROSSCHECK_DATA
    ? resolve(process.env.CROSSCHECK_DATA)
    : resolve(REPO, '../shared/data');
}

/** Path of a data file, or an Error that says where it looked and how to point elsewhere. */
export function dataFile(relative: string): string {
  const path = join(dataDir(), relative);
  if (!existsSync(path)) {
    throw new Error(
      `Evaluation data not found: ${path}\n` +
        'Set CROSSCHECK_DATA to the folder holding wikibio/, chatprotect/, summedits/ and esc/.',
    );
  }
  return path;
}

function gunzipText(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}

export function readJsonGz<T>(relative: string): T {
  return JSON.parse(gunzipText(dataFile(relative))) as T;
}

export function readJsonlGz<T>(relative: string): T[] {
  return gunzipText(dataFile(relative))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
