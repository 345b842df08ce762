/** Set by vite.config.ts (see scripts/build-flags.ts) and by vitest for unit tests. */
declare const __TEST_HOOKS__: boolean;
