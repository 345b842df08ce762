/**
 * Does `CSS.highlights` work from a Firefox content script? A minimal extension whose content
 * script registers highlights three ways (the plain API from the content script's sandbox, the
 * page-world route through `wrappedJSObject`, and whichever `highlightSink()` picks; all from
 * make-firefox-highlights-work.ts) runs in headless Firefox ESR through
 * web-ext's runner; a page script reads the page's own registry and reports what it sees to the
 * test server, since nothing else can look into an extension's world there.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFirefox } from '../helpers/firefox-extension.ts';
import { REPO, startServer, type TestServer } from '../helpers/page-harness.ts';

/** Content script: both ways of registering, outcome published on the page's <html>. */
const PROBE = `
import { highlightSink, pageWorldSink, standardSink } from './src/content/make-firefox-highlights-work.ts';
const text = document.getElementById('answer').firstChild;
const range = (start, end) => {
  const r = document.createRange();
  r.setStart(text, start);
  r.setEnd(text, end);
  return r;
};
const outcome = {};
const attempt = (key, sink, name, start, end) => {
  try {
    if (!sink) return (outcome[key] = 'unavailable');
    sink.set(name, [range(start, end)]);
    outcome[key] = sink.route + ':' + sink.size(name);
  } catch (error) {
    outcome[key] = 'threw: ' + error;
  }
};
attempt('standard', standardSink(), 'crosscheck-entity', 4, 16);
attempt('pageWorld', pageWorldSink(), 'crosscheck-contradiction', 35, 40);
attempt('chosen', highlightSink(), 'crosscheck-number', 27, 31);
document.documentElement.setAttribute('data-probe', JSON.stringify(outcome));
`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>highlight probe</title>
<p id="answer">The Eiffel Tower opened in 1889 in Paris.</p>
<script>
  // Page world: what the page's own registry holds, sent once the content script has run.
  const report = () => {
    const probe = document.documentElement.getAttribute('data-probe');
    if (!probe) return setTimeout(report, 100);
    const seen = {};
    for (const [name, h] of CSS.highlights) seen[name] = [...h].map((r) => r.toString());
    fetch('/report?' + new URLSearchParams({ probe, seen: JSON.stringify(seen) }));
  };
  report();
</script>`;

describe('CSS.highlights from a Firefox content script', () => {
  let server: TestServer;
  let extension: string;
  let report: (value: URLSearchParams) => void;
  const reported = new Promise<URLSearchParams>((resolve) => (report = resolve));

  beforeAll(async () => {
    server = await startServer(async (url) => {
      if (url.pathname === '/page.html') return { type: 'text/html; charset=utf-8', body: PAGE };
      if (url.pathname === '/report') {
        report(url.searchParams);
        return { type: 'text/plain', body: 'ok' };
      }
      return null;
    });
    extension = mkdtempSync(path.join(tmpdir(), 'crosscheck-hl-probe-'));
    const bundle = await build({
      stdin: { contents: PROBE, resolveDir: REPO, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'iife',
      logLevel: 'silent',
    });
    writeFileSync(path.join(extension, 'probe.js'), bundle.outputFiles[0]!.text);
    writeFileSync(
      path.join(extension, 'manifest.json'),
      JSON.stringify({
        manifest_version: 2,
        name: 'crosscheck highlight probe',
        version: '1.0',
        browser_specific_settings: { gecko: { id: 'hl-probe@crosscheck.test' } },
        content_scripts: [
          { matches: ['http://127.0.0.1/*'], js: ['probe.js'], run_at: 'document_idle' },
        ],
      }),
    );
  });

  afterAll(async () => {
    await server?.close();
    if (extension) rmSync(extension, { recursive: true, force: true });
  });

  it('registers ranges the page can see, by either route', async () => {
    const runner = await runFirefox(extension, `${server.origin}/page.html`);
    try {
      const params = await Promise.race([
        reported,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no report from Firefox in 90 s')), 90_000),
        ),
      ]);
      const probe = JSON.parse(params.get('probe') ?? '{}') as Record<string, unknown>;
      const seen = JSON.parse(params.get('seen') ?? '{}') as Record<string, string[]>;
      console.log('Firefox content-script highlights:', JSON.stringify({ probe, seen }));
      // Both routes work in Firefox ESR 153; the standard one is preferred.
      expect(probe).toEqual({
        standard: 'standard:1',
        pageWorld: 'page-world:1',
        chosen: 'standard:1',
      });
      expect(seen).toEqual({
        'crosscheck-entity': ['Eiffel Tower'],
        'crosscheck-contradiction': ['Paris'],
        'crosscheck-number': ['1889'],
      });
    } finally {
      runner.exit();
    }
  });
});
