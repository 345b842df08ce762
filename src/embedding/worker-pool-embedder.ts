/**
 * An Embedder that spreads each call over a few dedicated workers, each running the model on one
 * thread. onnxruntime-web runs one session on one thread unless the page is cross-origin isolated
 * (which extension pages are not by default), so one embedder uses one core however many there
 * are; two workers embed a sample's sentences in about half the time on two cores.
 *
 * The pool keeps the LRU cache (a text may go to any worker) and hands each worker an equal share
 * of a call's new texts, shortest and longest alike, so the shares take about as long. Only the
 * first worker loads the model at first: two loads at once on two cores would delay the first
 * vectors (the answer's, while the samples are still being written) by half a second. The others
 * load once it is ready and take work from then on.
 */
import { DEFAULT_CACHE_SIZE, EmbeddingAbortedError, VectorCache } from './cached-embedding.ts';
import type { TransformersEmbedder } from './transformers-embedder.ts';
import type { WorkerCall, WorkerReply, WorkerRequest } from './worker-protocol.ts';

/** What the pool needs of a Worker (the browser's, or a stand-in in tests). */
export interface EmbeddingWorker {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: { data: WorkerReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export interface WorkerPoolOptions {
  /** Embedder.id: the model and revision the workers run. */
  id: string;
  dimensions: number;
  /** Workers at most. */
  size: number;
  spawn: () => EmbeddingWorker;
  /** Vectors kept by text; 0 disables the cache. */
  cacheSize?: number;
  /** A call with fewer new texts per worker than this uses fewer workers (a message costs too). */
  minTextsPerWorker?: number;
}

interface Slot {
  worker: EmbeddingWorker;
  /** The worker has answered a call: its model is loaded. */
  ready: boolean;
  waiting: Map<number, { resolve: (vectors: Float32Array[]) => void; reject: (e: Error) => void }>;
}

export function createWorkerPoolEmbedder(options: WorkerPoolOptions): TransformersEmbedder {
  if (!Number.isInteger(options.size) || options.size < 1) {
    throw new RangeError(`size must be a positive integer, got ${options.size}`);
  }
  const minPerWorker = options.minTextsPerWorker ?? 4;
  const stats = { modelCalls: 0, textsEmbedded: 0, cacheHits: 0 };
  const cache = new VectorCache(options.cacheSize ?? DEFAULT_CACHE_SIZE, stats);
  const slots: (Slot | null)[] = Array.from({ length: options.size }, () => null);
  let nextId = 1;

  function slot(index: number): Slot {
    const existing = slots[index];
    if (existing) return existing;
    const created: Slot = { worker: options.spawn(), ready: false, waiting: new Map() };
    created.worker.addEventListener('message', ({ data }) => {
      const call = created.waiting.get(data.id);
      if (!call) return;
      created.waiting.delete(data.id);
      if (data.ok) {
        if (!created.ready && index === 0) loadTheOthers();
        created.ready = true;
        call.resolve(data.vectors);
      } else {
        call.reject(new Error(data.error));
      }
    });
    // A worker that fails outside a call (its script did not load, say) is replaced next time.
    created.worker.addEventListener('error', (event) => {
      fail(created, new Error(`The embedding worker failed: ${event.message ?? 'unknown error'}`));
      if (slots[index] === created) slots[index] = null;
      created.worker.terminate();
    });
    slots[index] = created;
    return created;
  }

  function loadTheOthers(): void {
    for (let w = 1; w < options.size; w++) {
      // A failure shows where it matters: in a call that worker 0 alone then answers.
      if (!slots[w]) ask(w, { type: 'load' }).catch(() => undefined);
    }
  }

  /** The workers that take a share: those with the model loaded, else the first. */
  function usable(): number[] {
    const ready = slots.flatMap((s, w) => (s?.ready ? [w] : []));
    return ready.length > 0 ? ready : [0];
  }

  function fail(target: Slot, error: Error): void {
    for (const call of target.waiting.values()) call.reject(error);
    target.waiting.clear();
  }

  function ask(index: number, call: WorkerCall): Promise<Float32Array[]> {
    const target = slot(index);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      target.waiting.set(id, { resolve, reject });
      target.worker.postMessage({ ...call, id });
    });
  }

  async function embedMissing(missing: string[]): Promise<Float32Array[]> {
    const ready = usable();
    const workers = Math.max(1, Math.min(ready.length, Math.ceil(missing.length / minPerWorker)));
    // Dealt out in turn from shortest to longest: each share has texts of every length.
    const shares = Array.from({ length: workers }, (_, w) =>
      missing.filter((_, i) => i % workers === w),
    );
    const replies = await Promise.all(
      shares.map((texts, w) => ask(ready[w]!, { type: 'embed', texts })),
    );
    stats.modelCalls += workers;
    stats.textsEmbedded += missing.length;
    const vectors: Float32Array[] = new Array<Float32Array>(missing.length);
    replies.forEach((reply, w) => {
      if (reply.length !== shares[w]!.length) {
        throw new Error(
          `An embedding worker returned ${reply.length} vectors for ${shares[w]!.length} texts`,
        );
      }
      reply.forEach((vector, k) => {
        if (vector.length !== options.dimensions) {
          throw new Error(
            `An embedding worker returned vectors of ${vector.length}, expected ${options.dimensions}`,
          );
        }
        vectors[w + k * workers] = vector;
      });
    });
    return vectors;
  }

  return {
    id: options.id,
    dimensions: options.dimensions,
    stats,
    async load() {
      await ask(0, { type: 'load' });
    },
    async embed(texts, signal) {
      return cache.embed(texts, signal, async (missing, keep) => {
        keep(missing, await embedMissing(missing));
        if (signal?.aborted) throw new EmbeddingAbortedError();
      });
    },
    async dispose() {
      for (const [w, current] of slots.entries()) {
        if (!current) continue;
        fail(current, new EmbeddingAbortedError());
        current.worker.terminate();
        slots[w] = null;
      }
      cache.clear();
    },
  };
}
