/**
 * Runs the content-side modules in real Chromium against pages served from 127.0.0.1: a static
 * server for fixtures (and for saved site markup wrapped in a minimal page), a vite bundle of
 * the modules exposed as `window.crosscheckTest` (vite, as the extension's build, expands the
 * `import.meta.glob` that finds the site files), and a headless Chromium launched the way this
 * machine needs (no background networking: the network is closed).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { CHROMIUM, QUIET_CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { chromium, type Browser, type Page } from 'playwright-core';
import type * as DomText from '../../src/content/dom-text.ts';
import type * as HighlighterModule from '../../src/content/highlighter.ts';
import type * as StreamWatch from '../../src/content/stream-watch.ts';
import type * as Capture from '../../src/content/sites/capture.ts';
import type * as Registry from '../../src/content/sites/registry.ts';
import type * as DefineAdapter from '../../src/content/sites/define-adapter.ts';
import type * as FirefoxHighlights from '../../src/content/make-firefox-highlights-work.ts';
import type * as Selectors from '../../src/core/anchoring/selectors.ts';
import type * as TestFunctions from './content-test-functions.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export { FIXTURES } from './site-fixtures.ts';

/** What the bundle puts on `window.crosscheckTest` (typed loosely: it is used inside evaluate). */
const ENTRY = [
  'src/content/dom-text.ts',
  'src/content/highlighter.ts',
  'src/content/stream-watch.ts',
  'src/content/sites/capture.ts',
  'src/content/sites/registry.ts',
  'src/content/sites/define-adapter.ts',
  'src/content/make-firefox-highlights-work.ts',
  'src/core/anchoring/selectors.ts',
  'tests/helpers/content-test-functions.ts',
]
  .map((file) => `export * from ${JSON.stringify(path.join(REPO, file))};`)
  .join('\n');
const ENTRY_ID = 'virtual:crosscheck-test-entry';

/** The type of `window.crosscheckTest` in pages the bundle was injected into. */
export type CrosscheckTest = typeof DomText &
  typeof HighlighterModule &
  typeof StreamWatch &
  typeof Capture &
  typeof Registry &
  typeof DefineAdapter &
  typeof FirefoxHighlights &
  typeof Selectors &
  typeof TestFunctions;

/** `window.crosscheckTest`, for use inside page.evaluate callbacks (types only, erased). */
export type TestWindow = Window & { crosscheckTest: CrosscheckTest };

let bundleCache: Promise<string> | null = null;

/** The content modules as one IIFE script defining `window.crosscheckTest`. */
export function contentBundle(): Promise<string> {
  bundleCache ??= build({
    configFile: false,
    logLevel: 'warn',
    root: REPO,
    publicDir: false,
    plugins: [
      {
        name: 'crosscheck-test-entry',
        resolveId: (id) => (id.endsWith(ENTRY_ID) ? `\0${ENTRY_ID}` : null),
        load: (id) => (id === `\0${ENTRY_ID}` ? ENTRY : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: ENTRY_ID, formats: ['iife'], name: 'crosscheckTest' },
    },
  }).then((result) => {
    const output = (Array.isArray(result) ? result[0] : result) as Rolldown.RolldownOutput;
    return output.output[0].code;
  });
  return bundleCache;
}

export type Route = (url: URL) => Promise<{ type: string; body: string | Buffer } | null>;

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 at a port the OS picks, answering from `route`. */
export async function startServer(route: Route): Promise<TestServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    route(url).then(
      (hit) => {
        if (!hit) {
          res.writeHead(404).end('not found');
          return;
        }
        res.writeHead(200, { 'content-type': hit.type, 'cache-control': 'no-store' }).end(hit.body);
      },
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Serves files under `dir` (no directory escapes). */
/** Wraps saved markup (an element's outerHTML) in a minimal page, as text of the file. */
export function wrapFragment(fragment: string, title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${fragment}</body></html>`;
}

export function staticRoute(dir: string): Route {
  return async (url) => {
    const file = path.resolve(dir, `.${decodeURIComponent(url.pathname)}`);
    if (!file.startsWith(dir + path.sep)) return null;
    try {
      const body = await readFile(file);
      return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body };
    } catch {
      return null;
    }
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
}

/** Opens `url` in a new page and injects the content bundle. */
export async function openWithContent(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  // Saved markup references images and fonts on the live sites; the network is closed anyway.
  await page.route(
    (u) => u.hostname !== '127.0.0.1',
    (r) => r.abort(),
  );
  // Under tsx, esbuild's keepNames wraps functions passed to page.evaluate in a `__name` helper
  // that does not exist in the page; define it as the identity.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.addScriptTag({ content: await contentBundle() });
  return page;
}
