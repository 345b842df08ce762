/**
 * The one interface the analysis core uses to turn text into vectors. It lives in core, the layer
 * that needs it; the implementations in src/embedding (Node for the CLI, tests and benchmarks;
 * Chrome's offscreen document; Firefox's background page) are all built on transformers.js, and
 * the core never knows which one it has.
 */
export interface Embedder {
  /** Identifies model + revision, so caches and stored results can tell models apart. */
  readonly id: string;
  /** Vector length. */
  readonly dimensions: number;
  /** Unit-length vectors, one per text, in input order. Empty strings are allowed. */
  embed(texts: readonly string[], signal?: { readonly aborted: boolean }): Promise<Float32Array[]>;
}
