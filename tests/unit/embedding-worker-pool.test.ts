/**
 * The worker pool's sharing out, merging, caching and failures. Each stand-in worker runs the real
 * bundled model in Node behind the same message protocol the extension's workers speak, so the
 * vectors compared are real; only the thread is not (the browser tests run the real workers).
 */
import { describe, expect, it } from 'vitest';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import type { TransformersEmbedder } from '../../src/embedding/transformers-embedder.ts';
import {
  createWorkerPoolEmbedder,
  type EmbeddingWorker,
} from '../../src/embedding/worker-pool-embedder.ts';
import type { WorkerReply, WorkerRequest } from '../../src/embedding/worker-protocol.ts';
import { BUNDLED_MODEL } from '../../src/shared/bundled-model.ts';

const TEXTS = [
  'The cat sat on the mat.',
  'Paris is the capital of France.',
  'Water boils at 100 degrees Celsius at sea level.',
  'The Eiffel Tower was completed in 1889 for the World Fair.',
  'Stock prices fell sharply today.',
  'Marie Curie won two Nobel Prizes, in physics and in chemistry.',
  'Photosynthesis happens in chloroplasts.',
  'Neil Armstrong walked on the Moon in 1969.',
  'Knead the dough for ten minutes.',
  'The answer is 42.',
  '',
];

/** One model for all stand-ins: loading it once keeps the test quick. */
const model = createNodeEmbedder({ cacheSize: 0 });

interface StandIn extends EmbeddingWorker {
  requests: WorkerRequest[];
  terminated: boolean;
  /** Makes the stand-in fail as a worker whose script did not load. */
  crash(message: string): void;
}

/** A stand-in's answer to a request: a reply of its own, 'silent' for none, null for the model's. */
type Answer = WorkerReply | 'silent' | null;

function standIn(options: { reply?: (r: WorkerRequest) => Answer } = {}): StandIn {
  const listeners = {
    message: [] as ((e: { data: WorkerReply }) => void)[],
    error: [] as ((e: { message?: string }) => void)[],
  };
  const worker: StandIn = {
    requests: [],
    terminated: false,
    postMessage(request: WorkerRequest) {
      worker.requests.push(request);
      void (async () => {
        const custom = options.reply?.(request) ?? null;
        if (custom === 'silent') return;
        const data: WorkerReply =
          custom ??
          (request.type === 'load'
            ? { id: request.id, ok: true, vectors: [] }
            : { id: request.id, ok: true, vectors: await model.embed(request.texts) });
        // As postMessage does: delivered on a later task.
        setTimeout(() => listeners.message.forEach((l) => l({ data })), 0);
      })();
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
    terminate() {
      worker.terminated = true;
    },
    crash(message) {
      listeners.error.forEach((l) => l({ message }));
    },
  } as StandIn;
  return worker;
}

function pool(spawned: StandIn[], size = 2, make = () => standIn()): TransformersEmbedder {
  return createWorkerPoolEmbedder({
    id: 'use-lite@test',
    dimensions: BUNDLED_MODEL.dimensions,
    size,
    minTextsPerWorker: 2,
    spawn: () => {
      const worker = make();
      spawned.push(worker);
      return worker;
    },
  });
}

const embedRequests = (w: StandIn) => w.requests.filter((r) => r.type === 'embed');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('worker pool embedder', () => {
  it('gives the same vectors, in input order, as one embedder, once both workers are ready', async () => {
    const spawned: StandIn[] = [];
    const embedder = pool(spawned);
    const expected = await model.embed(TEXTS);

    // The first call: only the first worker, which loads the model; the second loads after it.
    const first = await embedder.embed(TEXTS.slice(0, 4));
    expect(first).toEqual(expected.slice(0, 4));
    await settle();
    expect(spawned).toHaveLength(2);
    expect(embedRequests(spawned[0]!)).toHaveLength(1);
    expect(spawned[1]!.requests.map((r) => r.type)).toEqual(['load']);

    // Then both take a share, and the shares come back in input order.
    const all = await embedder.embed(TEXTS);
    expect(all).toEqual(expected);
    const shares = spawned.map((w) => embedRequests(w).at(-1)!);
    expect(shares.every((r) => r.type === 'embed' && r.texts.length >= 2)).toBe(true);
    const sharedOut = shares.flatMap((r) => (r.type === 'embed' ? r.texts : []));
    // The four cached texts are not sent again.
    expect(sharedOut.sort()).toEqual(TEXTS.slice(4).sort());
    expect(embedder.stats.cacheHits).toBe(4);
  });

  it('sends a repeated text once and hands out copies', async () => {
    const spawned: StandIn[] = [];
    const embedder = pool(spawned, 1);
    const [a, b] = await embedder.embed(['Same text.', 'Same text.']);
    expect(a).toEqual(b);
    expect(embedRequests(spawned[0]!)[0]).toMatchObject({ texts: ['Same text.'] });
    a![0] = 99;
    const [again] = await embedder.embed(['Same text.']);
    expect(again![0]).not.toBe(99);
  });

  it("rejects a call with the worker's error and keeps working", async () => {
    const spawned: StandIn[] = [];
    let failNext = true;
    const embedder = pool(spawned, 1, () =>
      standIn({
        reply: (r) => {
          if (r.type !== 'embed' || !failNext) return null;
          failNext = false;
          return { id: r.id, ok: false, error: 'Could not load embedding model "use-lite"' };
        },
      }),
    );
    await expect(embedder.embed(['One.'])).rejects.toThrow('Could not load embedding model');
    await expect(embedder.embed(['One.'])).resolves.toHaveLength(1);
  });

  it('fails the calls of a crashed worker and starts a new one for the next call', async () => {
    const spawned: StandIn[] = [];
    // The first worker never answers: it crashes instead.
    const embedder = pool(spawned, 1, () =>
      standIn({ reply: () => (spawned.length === 1 ? 'silent' : null) }),
    );
    const pending = embedder.embed(['Lost in the crash.']);
    spawned[0]!.crash('Failed to fetch the worker script');
    await expect(pending).rejects.toThrow(
      'The embedding worker failed: Failed to fetch the worker script',
    );
    expect(spawned[0]!.terminated).toBe(true);
    await expect(embedder.embed(['After the crash.'])).resolves.toHaveLength(1);
    expect(spawned).toHaveLength(2);
  });

  it('rejects replies of the wrong shape', async () => {
    const spawned: StandIn[] = [];
    const embedder = pool(spawned, 1, () =>
      standIn({
        reply: (r) =>
          r.type === 'embed' ? { id: r.id, ok: true, vectors: [new Float32Array(3)] } : null,
      }),
    );
    await expect(embedder.embed(['One.', 'Two.'])).rejects.toThrow(
      'returned 1 vectors for 2 texts',
    );
    await expect(embedder.embed(['One.'])).rejects.toThrow('vectors of 3, expected 512');
  });

  it('stops its workers on dispose and refuses bad input', async () => {
    const spawned: StandIn[] = [];
    const embedder = pool(spawned);
    await embedder.embed(['Warm.']);
    await settle();
    await embedder.dispose();
    expect(spawned.every((w) => w.terminated)).toBe(true);
    await expect(embedder.embed([1 as unknown as string])).rejects.toThrow('item 0 is number');
    await expect(embedder.embed(['x'], { aborted: true })).rejects.toThrow();
    expect(() =>
      createWorkerPoolEmbedder({ id: 'x', dimensions: 1, size: 0, spawn: () => standIn() }),
    ).toThrow(RangeError);
  });
});
