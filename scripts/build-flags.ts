/**
 * Build-time flags, declared once: the vite build defines them and tests set the same names.
 * `__TEST_HOOKS__` turns on the page-visible test hooks that only test builds carry. (Per-browser
 * code is picked by entry point, src/background/chrome.ts and firefox.ts, not by a flag.)
 *
 * Build modes: `production` runs only on the chat sites; `local` also runs on 127.0.0.1 pages
 * and may reach 127.0.0.1 servers (the demo); `test` is `local` plus test hooks.
 */
export type TargetBrowser = 'chrome' | 'firefox';
export type BuildMode = 'production' | 'local' | 'test';

export function parseBrowser(value: string | undefined): TargetBrowser {
  if (value === undefined || value === '' || value === 'chrome') return 'chrome';
  if (value === 'firefox') return 'firefox';
  throw new Error(`TARGET_BROWSER must be "chrome" or "firefox", not "${value}"`);
}

export function parseMode(value: string | undefined): BuildMode {
  if (value === undefined || value === '' || value === 'production') return 'production';
  if (value === 'local' || value === 'test') return value;
  throw new Error(`CROSSCHECK_MODE must be production, local or test, not "${value}"`);
}

export function buildFlags(mode: BuildMode): Record<string, string> {
  return {
    __TEST_HOOKS__: JSON.stringify(mode === 'test'),
  };
}

export function outDirFor(browser: TargetBrowser, mode: BuildMode): string {
  return mode === 'production' ? `dist/${browser}` : `dist/${mode}/${browser}`;
}

/** Where local and test builds also run: pages and servers on the loopback address. */
export const LOOPBACK_PATTERN = 'http://127.0.0.1/*';
