/**
 * How a browser bundle (the extension's vite build, the embedder's browser test) should include
 * onnxruntime-web, so the extension ships only the plain SIMD wasm (14 MB, 3.7 MB zipped).
 *
 * transformers.js 4.3.2's browser build imports `onnxruntime-web/webgpu`, which resolves to
 * `ort.webgpu.bundle.min.mjs`. That file contains
 * `new URL('ort-wasm-simd-threaded.asyncify.wasm', import.meta.url)`, so vite emits the 27 MB
 * asyncify wasm (6.6 MB zipped) into the build even when `wasmPaths` points elsewhere and it is
 * never loaded. Aliasing the import to `ort.wasm.min.mjs` (the wasm-only build that loads its
 * factory and binary from `env.wasm.wasmPaths`) keeps every wasm out of the bundle; the runtime
 * then loads `ort-wasm-simd-threaded.{mjs,wasm}` from the URLs given as `wasmPaths`
 * (see src/embedding/configure-env.ts), which the build copies to `ort/`.
 *
 * Use in vite.config.ts: `resolve: { alias: onnxruntimeWebAlias() }`, and copy
 * `ORT_WASM_FILES` from `onnxruntimeWebDistDir()` to the extension's `ort/` folder.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The two files the wasm-only onnxruntime-web build loads at run time. */
export const ORT_WASM_FILES = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
] as const;

export function onnxruntimeWebDistDir(): string {
  const require = createRequire(import.meta.url);
  // Resolved from transformers.js, so it is the exact onnxruntime-web version it was built against.
  // Neither package exports its package.json; resolve their CommonJS entries instead.
  const fromTransformers = createRequire(require.resolve('@huggingface/transformers'));
  return dirname(fromTransformers.resolve('onnxruntime-web'));
}

/** vite/rollup alias entries: onnxruntime-web's WebGPU entry → its wasm-only build. */
export function onnxruntimeWebAlias(): { find: RegExp; replacement: string }[] {
  return [
    {
      find: /^onnxruntime-web\/webgpu$/,
      replacement: join(onnxruntimeWebDistDir(), 'ort.wasm.min.mjs'),
    },
  ];
}
