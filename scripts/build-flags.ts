/**
 * Build-time flags, declared once: the vite build defines them and tests set the same names.
 * `__BROWSER__` picks per-browser code paths that the bundler can drop; `__TEST_HOOKS__` turns on
 * the page-visible test hooks that only test builds carry.
 */
export type TargetBrowser = 'chrome' | 'firefox';

export function parseBrowser(value: string | undefined): TargetBrowser {
  if (value === undefined || value === '' || value === 'chrome') return 'chrome';
  if (value === 'firefox') return 'firefox';
  throw new Error(`TARGET_BROWSER must be "chrome" or "firefox", not "${value}"`);
}

export function buildFlags(browser: TargetBrowser, test: boolean): Record<string, string> {
  return {
    __BROWSER__: JSON.stringify(browser),
    __TEST_HOOKS__: JSON.stringify(test),
  };
}

export function outDirFor(browser: TargetBrowser, test: boolean): string {
  return test ? `dist/test/${browser}` : `dist/${browser}`;
}
