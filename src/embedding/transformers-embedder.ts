/**
 * `Embedder` over transformers.js' feature-extraction pipeline (mean pooling + normalisation).
 * Works the same in Node and in extension pages; the environment (where the model and the wasm
 * runtime come from) is passed in and applied by configure-env.ts.
 *
 * Habits taken from transformers.js' own extension example: the model is loaded lazily and only
 * once, and calls run one at a time (onnxruntime-web cannot run two sessions at once anyway).
 * On top: texts are embedded in chunks, repeated texts are embedded once, and vectors are kept in
 * an LRU cache by text.
 */
import {
  env,
  pipeline,
  Tensor,
  type FeatureExtractionPipeline,
  type ProgressInfo,
} from '@huggingface/transformers';
import type { Embedder } from '../core/embedder.ts';
import type { EmbeddingLoadProgress } from '../shared/model-download.ts';
import { configureTransformersEnv, type EmbeddingEnvironment } from './configure-env.ts';
import { DEFAULT_CACHE_SIZE, EmbeddingAbortedError, VectorCache } from './cached-embedding.ts';

export interface TransformersEmbedderOptions {
  /** Model folder name (bundled) or hub repository id, e.g. 'Xenova/all-MiniLM-L6-v2'. */
  modelId: string;
  /** Expected vector length; checked against the first result. */
  dimensions: number;
  environment: EmbeddingEnvironment;
  /** Which ONNX export to load: 'fp32' (onnx/model.onnx, the default) or 'q8' (model_quantized). */
  dtype?: 'fp32' | 'q8';
  /** Prepended to every text before tokenizing (E5 models expect "query: "); not part of cache keys. */
  textPrefix?: string;
  /** Hub revision for remote models; also part of `id`. */
  revision?: string;
  /** Texts per model call. */
  batchSize?: number;
  /** Vectors kept by text; 0 disables the cache. */
  cacheSize?: number;
  onProgress?: (event: EmbeddingLoadProgress) => void;
  /** Overrides the `id` reported to the core (defaults to `${modelId}@${revision}`). */
  id?: string;
}

export interface TransformersEmbedder extends Embedder {
  /** Loads the model now instead of on first use. Safe to call repeatedly. */
  load(): Promise<void>;
  /** Releases the onnxruntime session; the next call loads the model again. */
  dispose(): Promise<void>;
  /** Counters, for tests and the speed benchmark. */
  readonly stats: { modelCalls: number; textsEmbedded: number; cacheHits: number };
}

export const DEFAULT_BATCH_SIZE = 32;

/** transformers.js reads the global env while loading; loads must not overlap. */
let loadQueue: Promise<unknown> = Promise.resolve();

function enqueueLoad<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task, task);
  loadQueue = run.catch(() => undefined);
  return run;
}

export function createTransformersEmbedder(
  options: TransformersEmbedderOptions,
): TransformersEmbedder {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  if (!Number.isInteger(options.dimensions) || options.dimensions < 1) {
    throw new RangeError(`dimensions must be a positive integer, got ${options.dimensions}`);
  }
  const revision = options.revision ?? 'main';
  const stats = { modelCalls: 0, textsEmbedded: 0, cacheHits: 0 };
  const cache = new VectorCache(options.cacheSize ?? DEFAULT_CACHE_SIZE, stats);

  let extractor: Promise<FeatureExtractionPipeline> | null = null;
  /** Calls run strictly one after another. */
  let callQueue: Promise<unknown> = Promise.resolve();

  function loadPipeline(): Promise<FeatureExtractionPipeline> {
    if (!extractor) {
      extractor = enqueueLoad(async () => {
        configureTransformersEnv(env, options.environment);
        try {
          return await pipeline('feature-extraction', options.modelId, {
            revision,
            dtype: options.dtype ?? 'fp32',
            session_options: {
              intraOpNumThreads: options.environment.numThreads ?? 1,
              interOpNumThreads: 1,
            },
            progress_callback: (info: ProgressInfo) => options.onProgress?.(toProgress(info)),
          });
        } catch (error) {
          throw new Error(describeLoadError(options, error), { cause: error });
        }
      });
      // A failed load is not cached: the next call tries again (e.g. after the host is back).
      const attempt = extractor;
      attempt.catch(() => {
        if (extractor === attempt) extractor = null;
      });
    }
    return extractor;
  }

  async function embedUncached(
    model: FeatureExtractionPipeline,
    texts: string[],
  ): Promise<Float32Array[]> {
    const prefix = options.textPrefix ?? '';
    const inputs = prefix ? texts.map((text) => prefix + text) : texts;
    const output = await model(inputs, { pooling: 'mean', normalize: true });
    stats.modelCalls += 1;
    stats.textsEmbedded += texts.length;
    const [rows, width] = output.dims as [number, number];
    if (rows !== texts.length || width !== options.dimensions) {
      throw new Error(
        `Model ${options.modelId} returned [${output.dims.join(', ')}] vectors, expected [${texts.length}, ${options.dimensions}]`,
      );
    }
    const data = output.data as Float32Array;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < rows; i++) {
      const vector = data.slice(i * width, (i + 1) * width);
      // A text with no tokens at all (the tokenizer returns none for "") has an all-zero
      // attention mask, and mean pooling divides 0 by 0.
      vectors.push(vector.some(Number.isNaN) ? await noTokenVector(model) : vector);
    }
    output.dispose?.();
    return vectors;
  }

  let noToken: Promise<Float32Array> | null = null;

  /**
   * The model's vector for an input with no tokens: one fully masked position run through the
   * model, with the pooling done here. For use-lite this is what the original TF graph returns for
   * an empty text in a batch (normalize(tanh(b)) of its final layer).
   */
  function noTokenVector(model: FeatureExtractionPipeline): Promise<Float32Array> {
    noToken ??= (async () => {
      const zeros = (): Tensor => new Tensor('int64', new BigInt64Array(1), [1, 1]);
      const outputs = (await model.model({
        input_ids: zeros(),
        attention_mask: zeros(),
      })) as Record<string, Tensor>;
      const hidden = outputs['last_hidden_state'];
      if (!hidden) throw new Error(`Model ${options.modelId} has no last_hidden_state output`);
      const vector = Float32Array.from(
        (hidden.data as Float32Array).subarray(0, options.dimensions),
      );
      const norm = Math.hypot(...vector);
      if (!(norm > 0) || !Number.isFinite(norm)) {
        throw new Error(
          `Model ${options.modelId} gives no usable vector for a text without tokens`,
        );
      }
      return vector.map((x) => x / norm);
    })();
    const attempt = noToken;
    attempt.catch(() => {
      if (noToken === attempt) noToken = null;
    });
    return attempt;
  }

  async function embedNow(
    texts: readonly string[],
    signal?: { readonly aborted: boolean },
  ): Promise<Float32Array[]> {
    return cache.embed(texts, signal, async (missing, keep) => {
      const model = await loadPipeline();
      for (let start = 0; start < missing.length; start += batchSize) {
        if (signal?.aborted) throw new EmbeddingAbortedError();
        const chunk = missing.slice(start, start + batchSize);
        keep(chunk, await embedUncached(model, chunk));
      }
    });
  }

  return {
    id: options.id ?? `${options.modelId}@${revision}`,
    dimensions: options.dimensions,
    stats,
    load: async () => {
      await loadPipeline();
    },
    embed(texts, signal) {
      const run = callQueue.then(() => embedNow(texts, signal));
      callQueue = run.catch(() => undefined);
      return run;
    },
    async dispose() {
      const current = extractor;
      extractor = null;
      noToken = null;
      cache.clear();
      if (current) await (await current.catch(() => null))?.dispose();
    },
  };
}

function toProgress(info: ProgressInfo): EmbeddingLoadProgress {
  const raw = info as Partial<Record<'status' | 'file' | 'progress' | 'loaded' | 'total', unknown>>;
  const event: EmbeddingLoadProgress = { status: raw.status as EmbeddingLoadProgress['status'] };
  if (typeof raw.file === 'string') event.file = raw.file;
  if (typeof raw.progress === 'number') event.progress = raw.progress;
  if (typeof raw.loaded === 'number') event.loaded = raw.loaded;
  if (typeof raw.total === 'number') event.total = raw.total;
  return event;
}

function describeLoadError(options: TransformersEmbedderOptions, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const where = options.environment.allowRemoteModels
    ? `from ${options.environment.remoteHost ?? 'the Hugging Face hub'}` +
      (options.environment.localModelPath ? ` or ${options.environment.localModelPath}` : '')
    : `from ${options.environment.localModelPath ?? '(no local model path)'} (remote models disabled)`;
  return `Could not load embedding model "${options.modelId}" ${where}: ${reason}`;
}
