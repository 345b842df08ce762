/**
 * The remote-model path (a model fetched from a Hugging Face-compatible host, as for
 * `Xenova/all-MiniLM-L6-v2` with `allowRemoteModels: true`). The hub is unreachable here, so a
 * server on 127.0.0.1 serves the bundled model in the hub's URL layout
 * (`/<repo>/resolve/<revision>/<file>`); downloads are cached in a temporary folder.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL } from '../../src/shared/bundled-model.ts';
import { createNodeEmbedder, DEFAULT_MODELS_DIR } from '../../src/embedding/node-embedder.ts';
import { createTransformersEmbedder } from '../../src/embedding/transformers-embedder.ts';
import type { EmbeddingLoadProgress } from '../../src/shared/model-download.ts';

const REPO = 'crosscheck-test/use-lite-remote';
const MODEL_DIR = join(DEFAULT_MODELS_DIR, BUNDLED_MODEL.modelId);
const TEXTS = ['The cat sat on the mat.', 'Stock prices fell sharply today.', ''];

let server: Server;
let host: string;
const requests: string[] = [];
let cacheDir: string;

function listen(s: Server): Promise<number> {
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'crosscheck-hub-cache-'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}`);
    const prefix = `/${REPO}/resolve/main/`;
    const file = url.pathname.startsWith(prefix)
      ? normalize(decodeURIComponent(url.pathname.slice(prefix.length)))
      : '';
    const path = join(MODEL_DIR, file);
    if (!file || file.startsWith('..') || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': statSync(path).size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  });
  host = `http://127.0.0.1:${await listen(server)}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('remote model', () => {
  it('downloads from the configured host with progress events and gives the local vectors', async () => {
    const events: EmbeddingLoadProgress[] = [];
    const remote = createTransformersEmbedder({
      modelId: REPO,
      dimensions: 512,
      environment: { allowRemoteModels: true, remoteHost: host, cacheDir },
      onProgress: (e) => events.push(e),
    });
    const fromHost = await remote.embed(TEXTS);

    expect(requests.some((r) => r.endsWith(`/${REPO}/resolve/main/onnx/model.onnx`))).toBe(true);
    expect(requests.some((r) => r.endsWith(`/${REPO}/resolve/main/tokenizer.json`))).toBe(true);
    const statuses = new Set(events.map((e) => e.status));
    for (const s of ['initiate', 'progress', 'done', 'ready'] as const)
      expect(statuses).toContain(s);
    const onnxProgress = events.filter(
      (e) => e.status === 'progress' && e.file === 'onnx/model.onnx',
    );
    expect(onnxProgress.length).toBeGreaterThan(0);
    expect(onnxProgress.at(-1)?.progress).toBe(100);
    expect(existsSync(join(cacheDir, REPO, 'onnx', 'model.onnx'))).toBe(true);

    const local = createNodeEmbedder();
    const fromDisk = await local.embed(TEXTS);
    fromHost.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(fromDisk[i]!)));
    await Promise.all([remote.dispose(), local.dispose()]);
  });

  it('fails with a clear error naming the host when it is down', async () => {
    const closed = createServer();
    const port = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    const downHost = `http://127.0.0.1:${port}/`;
    const remote = createTransformersEmbedder({
      modelId: 'crosscheck-test/not-cached',
      dimensions: 512,
      environment: { allowRemoteModels: true, remoteHost: downHost, cacheDir },
    });
    const error = await remote.embed(['hello']).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain('Could not load embedding model "crosscheck-test/not-cached"');
    expect(error?.message).toContain(downHost);
  });

  it("asks for the 8-bit export with dtype q8, as the catalogue's hub models use", async () => {
    const quantized = createTransformersEmbedder({
      modelId: REPO,
      dimensions: 512,
      dtype: 'q8',
      environment: { allowRemoteModels: true, remoteHost: host, cacheDir },
    });
    // The test repository has only the float32 file, so the load fails after asking for it.
    await expect(quantized.embed(['hello'])).rejects.toThrow(/model_quantized\.onnx/);
    expect(requests).toContain(`GET /${REPO}/resolve/main/onnx/model_quantized.onnx`);
  });

  it('does not reach for the network when remote models are disabled', async () => {
    const before = requests.length;
    const offline = createTransformersEmbedder({
      modelId: 'crosscheck-test/never-local',
      dimensions: 512,
      environment: {
        allowRemoteModels: false,
        localModelPath: DEFAULT_MODELS_DIR,
        remoteHost: host,
      },
    });
    await expect(offline.embed(['hello'])).rejects.toThrow(/remote models disabled/);
    expect(requests.length).toBe(before);
  });
});
