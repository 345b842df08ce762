/**
 * The embedder in real Chromium on onnxruntime-web's wasm backend, bundled the way the extension
 * should bundle it (scripts/model/onnxruntime-web-bundling.ts): only the plain SIMD wasm is
 * fetched, nothing leaves 127.0.0.1, no wasm ends up inside the bundle, and the vectors equal the
 * Node embedder's. Prints load time and per-sentence speed in the browser.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { CHROMIUM, QUIET_CHROMIUM_ARGS } from '../../scripts/chromium.ts';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  onnxruntimeWebAlias,
  onnxruntimeWebDistDir,
  ORT_WASM_FILES,
} from '../../scripts/model/onnxruntime-web-bundling.ts';
import { benchmarkSentences } from '../../bench/speed-embedding.ts';
import { createNodeEmbedder, DEFAULT_MODELS_DIR } from '../../src/embedding/node-embedder.ts';
import { CONVERSION_SENTENCES } from '../unit/model-sentences.ts';
import type { WasmCheckInput, WasmCheckOutput } from './embedding-wasm-page.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
const served: string[] = [];

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(join(dir, f)).isFile(),
  );
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'crosscheck-wasm-page-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: onnxruntimeWebAlias() },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'chrome120',
      lib: {
        entry: resolve('tests/e2e/embedding-wasm-page.ts'),
        formats: ['es'],
        fileName: () => 'page.js',
      },
    },
  });

  const ortDir = onnxruntimeWebDistDir();
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    served.push(path);
    let file: string | null = null;
    if (path === '/') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module" src="/page.js"></script>');
      return;
    }
    if (path === '/page.js') file = join(outDir, 'page.js');
    const name = path.slice('/ort/'.length);
    if (path.startsWith('/ort/') && (ORT_WASM_FILES as readonly string[]).includes(name))
      file = join(ortDir, name);
    if (path.startsWith('/models/')) {
      const relative = normalize(decodeURIComponent(path.slice('/models/'.length)));
      if (!relative.startsWith('..')) file = join(DEFAULT_MODELS_DIR, relative);
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: QUIET_CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('embedder on onnxruntime-web (wasm) in Chromium', () => {
  it('bundles without any wasm inside', () => {
    const files = bundleFiles(outDir);
    expect(files.filter((f) => f.endsWith('.wasm'))).toEqual([]);
    const page = readFileSync(join(outDir, 'page.js'), 'utf8');
    expect(page.length).toBeLessThan(5_000_000);
    expect(page).not.toContain('asyncify.wasm');
  });

  it('loads the plain SIMD wasm from wasmPaths and matches the Node vectors', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:'))
        return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'runEmbeddingCheck' in globalThis);
    const input: WasmCheckInput = {
      texts: [...CONVERSION_SENTENCES],
      timingTexts: benchmarkSentences(48),
      wasmMjs: `${origin}/ort/ort-wasm-simd-threaded.mjs`,
      wasmBinary: `${origin}/ort/ort-wasm-simd-threaded.wasm`,
    };
    const result = await page.evaluate(
      (i) =>
        (
          globalThis as unknown as {
            runEmbeddingCheck: (x: WasmCheckInput) => Promise<WasmCheckOutput>;
          }
        ).runEmbeddingCheck(i),
      input,
    );

    expect(outside).toEqual([]);
    const ortRequests = served.filter((p) => p.startsWith('/ort/'));
    expect(ortRequests.sort()).toEqual([
      '/ort/ort-wasm-simd-threaded.mjs',
      '/ort/ort-wasm-simd-threaded.wasm',
    ]);

    const node = createNodeEmbedder();
    const expected = await node.embed(CONVERSION_SENTENCES);
    await node.dispose();
    const cosines = result.vectors.map((v, i) =>
      v.reduce((s, x, k) => s + x * expected[i]![k]!, 0),
    );
    // Not bit for bit: the int8 layers round each activation to a step, and a value the two
    // runtimes compute a last bit apart can round to neighbouring steps (min 0.99994 seen).
    expect(Math.min(...cosines)).toBeGreaterThan(0.9999);

    console.log(
      `[embedding-wasm] Chromium, 1 thread: load ${result.loadMs.toFixed(0)} ms, ` +
        `batch of 1 ${result.batch1Ms.toFixed(1)} ms/sentence, batch of 32 ${result.batch32Ms.toFixed(1)} ms/sentence, ` +
        `min cosine vs Node ${Math.min(...cosines).toFixed(7)}`,
    );
    await page.close();
  });
});
