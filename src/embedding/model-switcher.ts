/**
 * Keeps the embedders of an embedding host (Chrome's offscreen document, Firefox's background
 * page): the bundled model, plus at most one remote model — a second remote one replaces the
 * first, so only one large model sits in memory. Analysis asks for the model the settings name;
 * the options page's "Download and use" loads one afresh and reports progress.
 */
import type { Embedder } from '../core/embedder.ts';
import { createEmbedderFor } from './extension-embedder.ts';
import { BUNDLED_MODEL_ID, type ModelRequest } from '../shared/model-catalogue.ts';
import type { EmbeddingLoadProgress } from '../shared/model-download.ts';
import type { TransformersEmbedder } from './transformers-embedder.ts';

export interface LoadedModel {
  /** Embedder.id, e.g. 'Xenova/all-MiniLM-L6-v2@main'. */
  embedderId: string;
  dimensions: number;
}

export class ModelSwitcher {
  private bundled: TransformersEmbedder | null = null;
  private remote: { key: string; embedder: TransformersEmbedder } | null = null;
  /** Set only while a download is watched; lazy loads for analysis report nothing. */
  private listener: ((event: EmbeddingLoadProgress) => void) | null = null;

  /** `bundledInWorkers`: run the bundled model in a worker pool (see extension-embedder.ts). */
  constructor(private readonly options: { bundledInWorkers?: boolean } = {}) {}

  embedderFor(request: ModelRequest): TransformersEmbedder {
    if (request.id === BUNDLED_MODEL_ID) {
      return (this.bundled ??= createEmbedderFor(request, {
        inWorkers: this.options.bundledInWorkers ?? false,
      }));
    }
    const key = `${request.id} ${request.remoteHost}`;
    if (this.remote?.key !== key) {
      void this.remote?.embedder.dispose();
      this.remote = {
        key,
        embedder: createEmbedderFor(request, { onProgress: (event) => this.listener?.(event) }),
      };
    }
    return this.remote.embedder;
  }

  /**
   * Loads the model from scratch — from the browser cache when it holds the files, else from
   * the host — and embeds one sentence, so "ready" means the model really produces vectors of
   * the catalogue's length.
   */
  async download(
    request: ModelRequest,
    onProgress: (event: EmbeddingLoadProgress) => void,
  ): Promise<LoadedModel> {
    if (request.id !== BUNDLED_MODEL_ID && this.remote) {
      // A model already in memory would answer without touching cache or network; the user
      // asked for a download, so the check must be real.
      await this.remote.embedder.dispose();
      this.remote = null;
    }
    const embedder = this.embedderFor(request);
    this.listener = onProgress;
    try {
      const [vector] = await embedder.embed(['Crosscheck is ready.']);
      return { embedderId: embedder.id, dimensions: vector?.length ?? embedder.dimensions };
    } finally {
      this.listener = null;
    }
  }

  /** An Embedder that always uses the model `current()` names (read before every call). */
  following(current: () => Promise<ModelRequest>): Embedder {
    let last: TransformersEmbedder = this.embedderFor({ id: BUNDLED_MODEL_ID, remoteHost: '' });
    return {
      get id() {
        return last.id;
      },
      get dimensions() {
        return last.dimensions;
      },
      embed: async (texts, signal) => {
        last = this.embedderFor(await current());
        return last.embed(texts, signal);
      },
    };
  }
}
