/**
 * Compares the ways of building the bundled model — float32 weights, float16 weights followed by
 * a Cast, or int8 dense layers (the shipped one) — on what matters for shipping it: file size, size inside a zip (deflate), load time,
 * speed, and agreement with the original TF.js model. Development tool, not part of the build:
 *   npx tsx scripts/model/compare-variants.ts
 * Writes the variants under .cache/model-variants/ and prints one block of figures per variant.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { benchEmbeddingSpeed } from '../../bench/speed-embedding.ts';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import { CONVERSION_SENTENCES } from '../../tests/unit/model-sentences.ts';
import {
  loadReferenceGraph,
  readSourceVocab,
  referenceEmbed,
  ReferenceTokenizer,
} from '../../tests/unit/model-use-reference.ts';
import { buildUseLite } from './build-use-lite.ts';
import type { WeightStorage } from './graph-builder.ts';

const VARIANTS: readonly WeightStorage[] = ['float32', 'float16', 'int8'];

async function referenceVectors(): Promise<Float32Array[]> {
  const graph = await loadReferenceGraph();
  const tokenizer = new ReferenceTokenizer(readSourceVocab());
  const out: Float32Array[] = [];
  for (const text of CONVERSION_SENTENCES) {
    const ids = tokenizer
      .encode(text)
      .slice(0, 128)
      .filter((id) => id !== 0);
    out.push((await referenceEmbed(graph, ids.length > 0 ? [ids] : [ids, [649]]))[0]!);
  }
  graph.dispose();
  return out;
}

async function main(): Promise<void> {
  const reference = await referenceVectors();
  for (const storage of VARIANTS) {
    const modelsDir = resolve('.cache/model-variants', storage);
    const built = buildUseLite({ outDir: join(modelsDir, 'use-lite'), storage });
    const onnx = readFileSync(join(modelsDir, 'use-lite', 'onnx', 'model.onnx'));
    const deflated = deflateRawSync(onnx, { level: 9 }).length;

    const embedder = createNodeEmbedder({ modelsDir, cacheSize: 0 });
    const vectors = await embedder.embed(CONVERSION_SENTENCES);
    await embedder.dispose();
    const cosines = vectors.map((v, i) => v.reduce((s, x, k) => s + x * reference[i]![k]!, 0));

    console.log(`\n== ${storage} ==`);
    console.log(
      `model.onnx: ${(built.onnxBytes / 1e6).toFixed(2)} MB, deflated (zip): ${(deflated / 1e6).toFixed(2)} MB`,
    );
    console.log(
      `cosine vs TF.js over ${cosines.length} texts: min ${Math.min(...cosines).toFixed(7)}, ` +
        `mean ${(cosines.reduce((a, b) => a + b, 0) / cosines.length).toFixed(7)}`,
    );
    await benchEmbeddingSpeed({ modelsDir, rounds: 7 });
  }
}

await main();
