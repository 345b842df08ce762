/**
 * Picks the Embedder for Node tools (CLI, benchmarks): the bundled ONNX model through
 * transformers.js (`src/embedding/node-embedder.ts`) when it is built, else the same model from
 * its TF.js original. `CROSSCHECK_EMBEDDER=onnx|tfjs` forces one.
 */
import type { Embedder } from '../embedding/embedder.ts';
import { createTfjsEmbedder } from './tfjs-embedder.ts';

type NodeEmbedderModule = { createNodeEmbedder?: () => Promise<Embedder> };

export async function loadEmbedder(
  choice = process.env.CROSSCHECK_EMBEDDER ?? 'auto',
): Promise<Embedder> {
  if (choice !== 'auto' && choice !== 'onnx' && choice !== 'tfjs') {
    throw new Error(`CROSSCHECK_EMBEDDER must be onnx, tfjs or unset, not "${choice}"`);
  }
  if (choice !== 'tfjs') {
    try {
      // A variable specifier: the module is optional until the ONNX model build is in place.
      const specifier = '../embedding/node-embedder.ts';
      const mod = (await import(specifier)) as NodeEmbedderModule;
      if (typeof mod.createNodeEmbedder !== 'function') {
        throw new Error('src/embedding/node-embedder.ts does not export createNodeEmbedder()');
      }
      return await mod.createNodeEmbedder();
    } catch (error) {
      if (choice === 'onnx') throw error;
    }
  }
  return createTfjsEmbedder();
}
