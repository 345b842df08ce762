import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { buildFlags } from './scripts/build-flags.ts';

/**
 * Two tiers: `unit` runs pure logic in Node (jsdom per file where a small UI unit needs it);
 * `browser` drives the built extension in Debian's Chromium and Firefox ESR, one file at a time.
 */
export default defineConfig({
  plugins: [preact()],
  // The same build-time flags the extension build defines (a Chrome test build).
  define: buildFlags('test'),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // The CLI tests run the built dist/cli/crosscheck.js, as users do: build it first.
          globalSetup: ['tests/unit/build-cli.setup.ts'],
          environment: 'node',
          // The overlay's stylesheet is imported `?inline`: give tests the real text, not ''.
          css: { include: [/\.css(\?|$)/] },
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
