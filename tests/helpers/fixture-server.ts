/**
 * Serves tests/fixtures (or another folder) on 127.0.0.1 at a port the OS picks, and records
 * beacons that fixture pages send to /beacon (how Firefox tests learn what a content script did).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

const BEACON_SCRIPT = '<script src="/pages/report-state.js"></script>';

function injectedScripts(params: URLSearchParams): string {
  const driver = params.get('driver');
  return (
    (params.get('beacon') === '1' ? BEACON_SCRIPT : '') +
    (driver && /^[a-z-]+$/.test(driver) ? `<script src="/pages/${driver}-driver.js"></script>` : '')
  );
}

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  beacons: URLSearchParams[];
  /** Resolves with the first beacon (already received or future) that matches. */
  waitForBeacon(
    match: (beacon: URLSearchParams) => boolean,
    timeoutMs: number,
  ): Promise<URLSearchParams>;
  close(): Promise<void>;
}

export async function startFixtureServer(root = 'tests/fixtures'): Promise<FixtureServer> {
  const base = resolve(root);
  const beacons: URLSearchParams[] = [];
  const waiters = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/beacon') {
      beacons.push(url.searchParams);
      for (const wake of waiters) wake();
      res.writeHead(204).end();
      return;
    }
    // ?file= serves that fixture at any path, for pages that must sit at a site's own URL shape
    // (a health check only expects turns on conversation URLs such as /c/<id>).
    const file = url.searchParams.get('file') ?? decodeURIComponent(url.pathname);
    const path = normalize(join(base, file));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (file) => {
        // ?beacon=1 adds the state-reporting script to any HTML page (see pages/report-state.js);
        // ?driver=<name> adds pages/<name>-driver.js, a page script that drives the overlay.
        const scripts = extname(path) === '.html' ? injectedScripts(url.searchParams) : '';
        const body = scripts ? file.toString('utf8').replace('</body>', `${scripts}</body>`) : file;
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    beacons,
    waitForBeacon(match, timeoutMs) {
      return new Promise((done, fail) => {
        const check = () => {
          const found = beacons.find(match);
          if (!found) return;
          cleanup();
          done(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          fail(
            new Error(
              `no matching beacon within ${timeoutMs} ms; got ${beacons.map(String).join(' | ') || 'none'}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
