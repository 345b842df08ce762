/**
 * Builds one browser's extension from the one manifest. TARGET_BROWSER picks chrome or firefox
 * (the `{{browser}}.` keys in manifest.json); CROSSCHECK_MODE picks production (only the chat
 * sites), local (also 127.0.0.1 pages and servers, for the demo) or test (local + test hooks).
 */
import { defineConfig, runnerImport } from 'vite';
import preact from '@preact/preset-vite';
import webExtension, { readJsonFile } from 'vite-plugin-web-extension';
import {
  LOOPBACK_PATTERN,
  buildFlags,
  outDirFor,
  parseBrowser,
  parseMode,
} from './scripts/build-flags.ts';
import { onnxruntimeWebAlias } from './scripts/model/onnxruntime-web-bundling.ts';
import type * as Sites from './src/shared/sites.ts';

const browser = parseBrowser(process.env.TARGET_BROWSER);
const mode = parseMode(process.env.CROSSCHECK_MODE);
const test = mode === 'test';

/**
 * The content script runs on the chat sites of src/shared/sites.ts (manifest.json leaves its
 * `matches` empty, so the list exists once). That module finds the site files with
 * `import.meta.glob`, which only vite expands, so it is loaded through vite's module runner.
 * Local and test builds add the loopback origin, for pages (content scripts) and for servers
 * (granted up front, so saving a 127.0.0.1 backend needs no permission prompt).
 */
async function manifest(): Promise<Record<string, unknown>> {
  const { contentScriptMatches } = (
    await runnerImport<typeof Sites>('./src/shared/sites.ts', {
      configFile: false,
      logLevel: 'warn',
    })
  ).module;
  const base = readJsonFile('manifest.json') as {
    content_scripts: { matches: string[] }[];
    host_permissions?: string[];
  };
  for (const script of base.content_scripts) script.matches = contentScriptMatches();
  if (mode !== 'production') {
    for (const script of base.content_scripts) script.matches.push(LOOPBACK_PATTERN);
    base.host_permissions = [...(base.host_permissions ?? []), LOOPBACK_PATTERN];
  }
  return base;
}

export default defineConfig({
  define: buildFlags(mode),
  // Only the plain SIMD wasm ships (see onnxruntime-web-bundling.ts); nothing loads from a CDN.
  resolve: { alias: onnxruntimeWebAlias() },
  // The embedding workers are module workers (src/embedding/extension-embedder.ts).
  worker: { format: 'es' },
  build: {
    outDir: outDirFor(browser, mode),
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
