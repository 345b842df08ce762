/**
 * The bundled model in Node, for the CLI, tests and benchmarks: the same transformers.js embedder
 * the extension uses, reading public/models/use-lite/ from disk with remote models disabled.
 * Building the model is the caller's job (`npm run build:model`); a missing build is reported
 * with that instruction rather than as a file-not-found deep inside transformers.js.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_MODEL } from '../shared/bundled-model.ts';
import {
  createTransformersEmbedder,
  type TransformersEmbedder,
  type TransformersEmbedderOptions,
} from './transformers-embedder.ts';

/** <repo>/public/models, found from this file so the working directory does not matter. */
export const DEFAULT_MODELS_DIR = resolve(
  fileURLToPath(new URL('../../public/models/', import.meta.url)),
);

/** Files without which transformers.js cannot load the bundled model. */
const REQUIRED_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
];

export interface NodeEmbedderOptions extends Partial<
  Pick<TransformersEmbedderOptions, 'batchSize' | 'cacheSize' | 'onProgress'>
> {
  /** Folder holding use-lite/ (defaults to the repository's public/models). */
  modelsDir?: string;
  /** onnxruntime-node threads (default 1, as in the extension). */
  numThreads?: number;
}

export class BundledModelMissingError extends Error {
  constructor(
    readonly modelDir: string,
    readonly missing: string[],
  ) {
    super(
      `The bundled embedding model is not built: ${missing.join(', ')} missing in ${modelDir}. ` +
        'Run `npm run build:model` first.',
    );
    this.name = 'BundledModelMissingError';
  }
}

export function createNodeEmbedder(options: NodeEmbedderOptions = {}): TransformersEmbedder {
  const modelsDir = resolve(options.modelsDir ?? DEFAULT_MODELS_DIR);
  const modelDir = join(modelsDir, BUNDLED_MODEL.modelId);
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(modelDir, f)));
  if (missing.length > 0) throw new BundledModelMissingError(modelDir, missing);

  return createTransformersEmbedder({
    modelId: BUNDLED_MODEL.modelId,
    dimensions: BUNDLED_MODEL.dimensions,
    id: `${BUNDLED_MODEL.modelId}@${BUNDLED_MODEL.revision}`,
    environment: {
      localModelPath: modelsDir,
      allowRemoteModels: false,
      numThreads: options.numThreads ?? 1,
    },
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
