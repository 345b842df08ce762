/**
 * A dedicated worker that runs the bundled model for a worker pool (worker-pool-embedder.ts).
 * Extension APIs are not available in workers, so the model and the wasm runtime are found from
 * the worker's own origin, which is the extension's. Nothing is fetched from the hub or a CDN.
 */
import { bundledEmbedderOptions } from './bundled-embedder-options.ts';
import { createTransformersEmbedder } from './transformers-embedder.ts';
import type { WorkerReply, WorkerRequest } from './worker-protocol.ts';

const scope = self as unknown as {
  location: Location;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};
const root = `${scope.location.origin}/`;

// The pool keeps the cache: a text may go to any worker.
const embedder = createTransformersEmbedder({ ...bundledEmbedderOptions(root), cacheSize: 0 });

scope.addEventListener('message', (event) => {
  const request = event.data;
  const work =
    request.type === 'load' ? embedder.load().then(() => []) : embedder.embed(request.texts);
  work.then(
    (vectors) =>
      scope.postMessage(
        { id: request.id, ok: true, vectors },
        vectors.map((v) => v.buffer),
      ),
    (error: unknown) =>
      scope.postMessage(
        {
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        },
        [],
      ),
  );
});
