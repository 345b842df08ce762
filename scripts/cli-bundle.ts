/**
 * Bundles the command line (src/cli/main.ts) into plain JavaScript, `dist/cli/crosscheck.js`,
 * the file package.json's `bin` points at. Running it needs Node only — no tsx, no TypeScript —
 * and start-up stays small: npm packages stay external (loaded from node_modules as usual) and
 * the model code is split into a chunk loaded only when a command needs it. esbuild is the one
 * vite already brings.
 */
import { chmodSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

export const CLI_OUT_DIR = 'dist/cli';
export const CLI_ENTRY = `${CLI_OUT_DIR}/crosscheck.js`;

export async function buildCli(): Promise<void> {
  // Chunk names carry a hash: clear out the last build's so they do not pile up.
  rmSync(CLI_OUT_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { crosscheck: 'src/cli/main.ts' },
    outdir: CLI_OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Chunks sit beside the entry, two folders below the repository like src/embedding/, so the
    // model's default folder (found from import.meta.url, see node-embedder.ts) is the same one.
    chunkNames: '[name]-[hash]',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  chmodSync(CLI_ENTRY, 0o755);
}
