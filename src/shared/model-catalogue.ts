/**
 * The embedding models the options page offers: the bundled one (offline, the default) and a few
 * optional larger ones the user may download from the Hugging Face hub on request. Pure data plus
 * lookups, so settings validation, the options page and the embedder factory agree on one list.
 *
 * Remote models use the hub's 8-bit ONNX export (`onnx/model_quantized.onnx`): a quarter of the
 * float32 download for a negligible change in sentence similarity.
 */
import { BUNDLED_MODEL } from './bundled-model.ts';

export interface CatalogueModel {
  /** Stored in settings (`embeddingModel.id`); for remote models the hub repository. */
  id: string;
  /** Short name shown to the user, e.g. in "Ready: all-MiniLM-L6-v2, 384 dimensions". */
  label: string;
  description: string;
  /** Languages it is good at, in words. */
  languages: string;
  /** Approximate bytes fetched on first use; 0 for the bundled model. */
  downloadBytes: number;
  dimensions: number;
  /** 'bundled': shipped in the extension; 'remote': fetched from the hub on request. */
  source: 'bundled' | 'remote';
  /** Which ONNX export transformers.js loads: fp32 = onnx/model.onnx, q8 = model_quantized. */
  dtype: 'fp32' | 'q8';
  /** Prepended to every text; E5 models are trained with "query: " for symmetric similarity. */
  textPrefix?: string;
}

export const BUNDLED_MODEL_ID: string = BUNDLED_MODEL.modelId;

const MB = 1_000_000;

export const MODEL_CATALOGUE: readonly CatalogueModel[] = [
  {
    id: BUNDLED_MODEL_ID,
    label: 'Universal Sentence Encoder lite',
    description: 'Bundled with the extension: works offline, nothing to download.',
    languages: 'English',
    downloadBytes: 0,
    dimensions: BUNDLED_MODEL.dimensions,
    source: 'bundled',
    dtype: 'fp32',
  },
  {
    id: 'Xenova/all-MiniLM-L6-v2',
    label: 'all-MiniLM-L6-v2',
    description: 'A widely used sentence model, trained on a billion sentence pairs.',
    languages: 'English',
    downloadBytes: 23 * MB,
    dimensions: 384,
    source: 'remote',
    dtype: 'q8',
  },
  {
    id: 'Xenova/multilingual-e5-small',
    label: 'multilingual-e5-small',
    description:
      'For chats in other languages than English: their sentences are compared by meaning and ' +
      'by shared words and numbers; names, negations and opposites are checked in English only.',
    languages: 'About 100 languages',
    downloadBytes: 118 * MB,
    dimensions: 384,
    source: 'remote',
    dtype: 'q8',
    textPrefix: 'query: ',
  },
];

/**
 * Offered by test builds only: the bundled model's files served by a test server in the hub's
 * URL layout, so the real download path runs without the hub (see model-host.ts).
 */
export const TEST_MODELS: readonly CatalogueModel[] = [
  {
    id: 'crosscheck-test/use-lite-remote',
    label: 'use-lite-remote',
    description: 'Test build only: the bundled model, downloaded from the test server.',
    languages: 'English',
    downloadBytes: 14 * MB,
    dimensions: BUNDLED_MODEL.dimensions,
    source: 'remote',
    dtype: 'fp32',
  },
];

/** The models a build offers; test builds pass `__TEST_HOOKS__` to add TEST_MODELS. */
export function selectableModels(includeTestModels: boolean): readonly CatalogueModel[] {
  return includeTestModels ? [...MODEL_CATALOGUE, ...TEST_MODELS] : MODEL_CATALOGUE;
}

export function findModel(id: string, includeTestModels: boolean): CatalogueModel | undefined {
  return selectableModels(includeTestModels).find((model) => model.id === id);
}

/** Which model an embedding host should run, and where a remote one is downloaded from. */
export interface ModelRequest {
  id: string;
  /** Hub-compatible host, e.g. 'https://huggingface.co/'; unused for the bundled model. */
  remoteHost: string;
}
