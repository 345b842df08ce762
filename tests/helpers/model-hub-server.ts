/**
 * A stand-in for the Hugging Face hub on 127.0.0.1: serves a model folder in the hub's URL layout
 * (`/<repo>/resolve/main/<file>`), the layout transformers.js fetches from `env.remoteHost`.
 * Like the hub it answers a single-range request (`Range: bytes=0-0`, which transformers.js sends
 * to learn a file's size) with 206. Large files can be sent slowly, in chunks, so a test can
 * watch download progress move.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface ModelHubOptions {
  /** Repository id served, e.g. 'crosscheck-test/use-lite-remote'. */
  repo: string;
  /** Folder with the model files (config.json, tokenizer.json, onnx/model.onnx, …). */
  dir: string;
  /** Bytes per write and the pause between writes; 0 sends each file at once. */
  chunkBytes?: number;
  chunkDelayMs?: number;
}

export interface ModelHubServer {
  /** e.g. 'http://127.0.0.1:41234/' — what transformers.js calls remoteHost. */
  readonly host: string;
  /** "METHOD /path" of every request, plus " bytes=a-b" for range requests, in arrival order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startModelHubServer(options: ModelHubOptions): Promise<ModelHubServer> {
  const requests: string[] = [];
  const prefix = `/${options.repo}/resolve/main/`;
  const chunk = options.chunkBytes ?? 0;
  const delay = options.chunkDelayMs ?? 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    requests.push(`${req.method} ${url.pathname}${range ? ` ${range[0]}` : ''}`);
    const file = url.pathname.startsWith(prefix)
      ? normalize(decodeURIComponent(url.pathname.slice(prefix.length)))
      : '';
    const path = join(options.dir, file);
    if (!file || file.startsWith('..') || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end('Entry not found');
      return;
    }
    const size = statSync(path).size;
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), size - 1);
      res.writeHead(206, {
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
      void readFile(path).then((body) => res.end(body.subarray(start, end + 1)));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    void readFile(path).then(async (body) => {
      if (chunk <= 0 || body.length <= chunk) {
        res.end(body);
        return;
      }
      for (let at = 0; at < body.length && !res.destroyed; at += chunk) {
        res.write(body.subarray(at, at + chunk));
        await new Promise((wake) => setTimeout(wake, delay));
      }
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
