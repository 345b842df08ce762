/**
 * The one place that writes transformers.js' global `env` (where models come from, caching, the
 * onnxruntime-web wasm files and thread count). Node, Chrome's offscreen document and Firefox's
 * background page differ only in the settings they pass here.
 *
 * `env` is process-wide; each embedder applies its settings right before it loads its model, and
 * loads are queued (see transformers-embedder.ts), so two embedders with different settings do not
 * interfere: after loading, a pipeline no longer reads `env` for its files.
 */
import type { env as TransformersEnv } from '@huggingface/transformers';

export interface EmbeddingEnvironment {
  /**
   * Folder (Node path) or URL (browser, e.g. `runtime.getURL('models/')`) holding one folder per
   * bundled model in the Hugging Face layout. Omit to disable local models.
   *
   * Not an http(s) URL: transformers.js 4.3.2 checks which local files exist (get_file_metadata)
   * only for non-http paths, so with an http URL it silently skips the tokenizer and the pipeline
   * fails with "this.tokenizer is not a function". Extension URLs (chrome-extension://,
   * moz-extension://) and root-relative paths ('/models/') work.
   */
  localModelPath?: string;
  /** False for the bundled model: nothing may be fetched from the hub or a CDN. */
  allowRemoteModels: boolean;
  /** Hub-compatible host for remote models, e.g. 'https://huggingface.co/'. */
  remoteHost?: string;
  /** Node only: folder where remote model files are cached. */
  cacheDir?: string;
  /** Browser only: keep remote model files in the Cache API. Defaults to allowRemoteModels. */
  useBrowserCache?: boolean;
  /**
   * Browser only: where onnxruntime-web's wasm files are, e.g. `runtime.getURL('ort/')`, or the
   * exact files. Without it transformers.js points onnxruntime at the jsdelivr CDN, and at the
   * 27 MB asyncify build. Give the plain SIMD build (`ort-wasm-simd-threaded.{mjs,wasm}`) and
   * bundle onnxruntime-web as scripts/model/onnxruntime-web-bundling.ts explains.
   */
  wasmPaths?: string | { mjs: string; wasm: string };
  /** onnxruntime threads; 1 by default (extension pages are not cross-origin isolated anyway). */
  numThreads?: number;
}

type Env = typeof TransformersEnv;

/** Applies the settings to transformers.js' env. Returns nothing: env is the side effect. */
export function configureTransformersEnv(env: Env, settings: EmbeddingEnvironment): void {
  const local = settings.localModelPath !== undefined;
  env.allowLocalModels = local;
  if (local) env.localModelPath = ensureTrailingSlash(settings.localModelPath ?? '');
  env.allowRemoteModels = settings.allowRemoteModels;
  if (settings.remoteHost !== undefined) env.remoteHost = ensureTrailingSlash(settings.remoteHost);
  if (settings.cacheDir !== undefined) {
    env.cacheDir = settings.cacheDir;
    env.useFSCache = true;
  }
  env.useBrowserCache = (settings.useBrowserCache ?? settings.allowRemoteModels) && hasCacheApi();

  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    if (settings.wasmPaths !== undefined) {
      wasm.wasmPaths = settings.wasmPaths;
      // transformers.js would otherwise re-load the factory as a blob: URL, which an extension's
      // content security policy (script-src 'self') refuses to import.
      env.useWasmCache = false;
    }
    wasm.numThreads = settings.numThreads ?? 1;
    wasm.proxy = false;
  }
}

function ensureTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function hasCacheApi(): boolean {
  return typeof caches !== 'undefined';
}
