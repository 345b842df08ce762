/**
 * Facts about the model shipped inside the extension (built by `npm run build:model` into
 * public/models/use-lite/), shared by the Node and the browser embedders.
 */
export const BUNDLED_MODEL = {
  /** Folder name under the models root; transformers.js treats it as the model id. */
  modelId: 'use-lite',
  /**
   * Changes whenever the converted vectors could change (converter or weight storage), so stored
   * results and caches keyed by Embedder.id do not mix vectors from different builds.
   */
  revision: 'v5-int8',
  dimensions: 512,
  /** The tokenizer truncates longer texts (the original model clips at 128 pieces too). */
  maxTokens: 128,
} as const;

/** The folder under the extension root (or the repository's public/) holding the models. */
export const MODELS_FOLDER = 'models/';
