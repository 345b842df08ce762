/**
 * The overlay harness (tests/fixtures/overlay) built to one script, for the browser tests that
 * draw the overlay without the extension: Chromium through playwright, Firefox by screenshot.
 */
import path from 'node:path';
import { build } from 'vite';
import preact from '@preact/preset-vite';

export const OVERLAY_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/overlay');

/** Builds `harness.ts` into `outDir/harness.js` (an IIFE), for the given browser target. */
export async function buildOverlayHarness(outDir: string, target?: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(import.meta.dirname, '../..'),
    publicDir: false,
    plugins: [preact()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      ...(target ? { target } : {}),
      lib: {
        entry: path.join(OVERLAY_FIXTURE, 'harness.ts'),
        formats: ['iife'],
        name: 'crosscheckOverlayHarness',
        fileName: () => 'harness.js',
      },
    },
  });
}
