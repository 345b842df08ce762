/**
 * Builds one browser's extension from the one manifest. TARGET_BROWSER picks chrome or firefox
 * (the `{{browser}}.` keys in manifest.json); CROSSCHECK_TEST=1 makes a test build that also runs
 * on 127.0.0.1 fixture pages and exposes test hooks. Production builds match only the chat sites.
 */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import webExtension, { readJsonFile } from 'vite-plugin-web-extension';
import { buildFlags, outDirFor, parseBrowser } from './scripts/build-flags.ts';

const browser = parseBrowser(process.env.TARGET_BROWSER);
const test = process.env.CROSSCHECK_TEST === '1';

/** Test builds add the loopback origin where fixture pages are served. */
function manifest(): Record<string, unknown> {
  const base = readJsonFile('manifest.json') as {
    content_scripts: { matches: string[] }[];
  };
  if (test) {
    for (const script of base.content_scripts) script.matches.push('http://127.0.0.1/*');
  }
  return base;
}

export default defineConfig({
  define: buildFlags(browser, test),
  build: {
    outDir: outDirFor(browser, test),
    emptyOutDir: true,
    target: browser === 'firefox' ? 'firefox140' : 'chrome120',
    minify: !test,
    sourcemap: test ? 'inline' : false,
  },
  plugins: [
    preact(),
    webExtension({
      browser,
      manifest,
      additionalInputs: browser === 'chrome' ? ['src/offscreen/index.html'] : [],
      // The plugin's validation downloads a schema from the network; `web-ext lint` validates
      // the Firefox build instead and Chromium's own loader validates the Chrome build in e2e.
      skipManifestValidation: true,
      disableAutoLaunch: true,
      printSummary: false,
    }),
  ],
});
