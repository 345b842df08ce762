/**
 * The overlay's compare view in Firefox ESR, light and dark, wide and narrow: the overlay harness
 * (tests/fixtures/overlay, the overlay mounted on a page with the fixture report and sources)
 * opened by Firefox's own headless screenshot mode, which saves
 * test-artifacts/overlay-compare-firefox-<scheme>-<width>.png. The page sends back a few computed
 * styles, so the test checks what Firefox drew: the scheme's colours, the kinds' underline
 * styles, the source labels and the narrow layout's stacked rows.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOverlayHarness } from '../helpers/overlay-harness.ts';
import { FIREFOX } from '../helpers/firefox-extension.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/overlay');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const SOURCES = [
  { id: 'main', label: 'llama3.2' },
  { id: 'main', label: 'llama3.2' },
  { id: 'main', label: 'llama3.2' },
  { id: 'v-1', label: 'gpt-4o-mini' },
  { id: 'v-1', label: 'gpt-4o-mini' },
];

interface Styles {
  summaryBg: string | null;
  numberUnderline: string | null;
  choices: string[];
  sourceReading: string | null;
  stacked: string | null;
}

let outDir = '';
let server: Server;
let baseUrl = '';
const received: Styles[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'cc-overlay-firefox-'));
  await buildOverlayHarness(outDir, 'firefox140');
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    // The harness's hold on the load event (see tests/fixtures/overlay/harness.ts).
    if (url.pathname === '/hold') {
      setTimeout(() => res.writeHead(204).end(), 500);
      return;
    }
    if (url.pathname === '/styles') {
      received.push(JSON.parse(url.searchParams.get('styles') ?? '{}') as Styles);
      res.writeHead(204).end();
      return;
    }
    const file =
      url.pathname === '/'
        ? { path: path.join(FIXTURE, 'index.html'), type: 'text/html; charset=utf-8' }
        : url.pathname === '/harness.js'
          ? { path: path.join(outDir, 'harness.js'), type: 'text/javascript' }
          : null;
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    readFile(file.path).then(
      (body) => res.writeHead(200, { 'content-type': file.type }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Firefox's headless screenshot of the harness, on a fresh profile with the colour scheme set. */
async function screenshot(scheme: 'light' | 'dark', width: number, file: string): Promise<void> {
  const profile = await mkdtemp(path.join(tmpdir(), 'cc-firefox-profile-'));
  const prefs = {
    // 0 dark, 1 light: what `prefers-color-scheme` reports to pages.
    'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
    'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'browser.shell.checkDefaultBrowser': false,
  };
  await writeFile(
    path.join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const url = `${baseUrl}/?compare&styles&sources=${encodeURIComponent(JSON.stringify(SOURCES))}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        FIREFOX,
        [
          '--headless',
          '--no-remote',
          '--profile',
          profile,
          '--window-size',
          `${width},1700`,
          '--screenshot',
          file,
          url,
        ],
        { stdio: 'ignore', env: { ...process.env, MOZ_HEADLESS: '1' } },
      );
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('Firefox did not finish its screenshot in 90 s'));
      }, 90_000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.on('error', reject);
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

describe('the compare view in Firefox', () => {
  it('draws it light and dark, wide and narrow, with each sample’s source', async () => {
    for (const [scheme, width] of [
      ['light', 1280],
      ['dark', 1280],
      ['light', 420],
      ['dark', 420],
    ] as const) {
      const file = path.join(ARTIFACTS, `overlay-compare-firefox-${scheme}-${width}.png`);
      received.length = 0;
      await screenshot(scheme, width, file);
      expect((await stat(file)).size).toBeGreaterThan(10_000);
      expect(received).toHaveLength(1);
      const styles = received[0]!;
      expect(styles.summaryBg).toBe(scheme === 'dark' ? 'rgb(28, 29, 33)' : 'rgb(255, 255, 255)');
      expect(styles.numberUnderline).toBe('double');
      expect(styles.sourceReading).toBe(
        'The other model disagrees: all 3 samples from llama3.2 disagree; gpt-4o-mini agrees.',
      );
      expect(styles.choices).toEqual([
        'Sample 1 · llama3.2most different',
        'Sample 2 · llama3.2',
        'Sample 3 · llama3.2',
        'Sample 4 · gpt-4o-mini',
        'Sample 5 · gpt-4o-mini',
      ]);
      // Side by side when wide; stacked rows when narrow (a container query).
      expect(styles.stacked).toBe(width < 600 ? 'block' : 'table-cell');
    }
  });
});
