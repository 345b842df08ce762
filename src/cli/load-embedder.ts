/**
 * The Embedder for Node tools (CLI, benchmarks): the bundled ONNX model through transformers.js
 * (`src/embedding/node-embedder.ts`), the same model the extension ships. There is no fallback:
 * when the model is not built the tools stop and say to run `npm run build:model`.
 */
import type { Embedder } from '../core/embedder.ts';
import { BundledModelMissingError, createNodeEmbedder } from '../embedding/node-embedder.ts';

/** @param modelsDir folder holding the built model (defaults to the repository's public/models). */
export async function loadEmbedder(modelsDir?: string): Promise<Embedder> {
  try {
    return await Promise.resolve(createNodeEmbedder(modelsDir === undefined ? {} : { modelsDir }));
  } catch (error) {
    if (error instanceof BundledModelMissingError) {
      throw new Error(
        `The embedding model is not built (${error.missing.join(', ')} missing in ` +
          `${error.modelDir}). Run \`npm run build:model\` first, then try again.`,
        { cause: error },
      );
    }
    throw error;
  }
}
