/**
 * The one interface the analysis core uses to turn text into vectors. Implementations: Node
 * (CLI, tests, benchmarks), Chrome's offscreen document and Firefox's background page, all built
 * on transformers.js with the bundled model; the core never knows which one it has.
 */
export interface Embedder {
  /** Identifies model + revision, so caches and stored results can tell models apart. */
  readonly id: string;
  /** Vector length. */
  readonly dimensions: number;
  /** Unit-length vectors, one per text, in input order. Empty strings are allowed. */
  embed(texts: readonly string[], signal?: { readonly aborted: boolean }): Promise<Float32Array[]>;
}
