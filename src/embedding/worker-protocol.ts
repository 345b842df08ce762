/**
 * Messages between an embedding host and its embedding workers (worker-pool-embedder.ts and
 * embedding-worker.ts). Vectors travel as transferred Float32Arrays: no copy, no JSON.
 */
/** What a host asks a worker: load the model now, or embed texts. */
export type WorkerCall = { type: 'load' } | { type: 'embed'; texts: string[] };

/** A call with the id its reply carries. */
export type WorkerRequest = WorkerCall & { id: number };

export type WorkerReply =
  { id: number; ok: true; vectors: Float32Array[] } | { id: number; ok: false; error: string };
