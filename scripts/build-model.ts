/**
 * `npm run build:model`: converts the Universal Sentence Encoder lite weights from the pinned npm
 * package into the transformers.js model folder the extension ships (public/models/use-lite/).
 * Cached by a stamp file; pass --force to rebuild, --weights=float16 or float32 for the float variants
 * and --out=DIR to write elsewhere (used to compare variants).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { WeightStorage } from './model/graph-builder.ts';
import { buildUseLite } from './model/build-use-lite.ts';

export const DEFAULT_MODEL_DIR = 'public/models/use-lite';

function main(): void {
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      weights: { type: 'string', default: 'int8' },
      out: { type: 'string', default: DEFAULT_MODEL_DIR },
    },
  });
  const storage = values.weights;
  if (storage !== 'float16' && storage !== 'float32' && storage !== 'int8') {
    throw new Error(`--weights must be int8, float16 or float32, not "${storage}"`);
  }
  buildUseLite({
    outDir: resolve(values.out),
    storage: storage satisfies WeightStorage,
    force: values.force,
    log: (message) => console.log(`[build:model] ${message}`),
  });
}

try {
  main();
} catch (error) {
  console.error(`[build:model] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
