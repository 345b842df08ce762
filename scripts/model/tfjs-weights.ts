/**
 * Reads the weights of a TF.js graph model (model.json + binary shards) into named typed arrays.
 * The shards are one concatenated byte stream split into files; weights follow each other in the
 * manifest's order. Only unquantized float32/int32 weights occur in USE-lite, and anything else is
 * rejected rather than misread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestWeight {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: unknown;
}

interface ManifestGroup {
  paths: string[];
  weights: ManifestWeight[];
}

export interface TfjsModelJson {
  modelTopology: unknown;
  weightsManifest: ManifestGroup[];
}

export interface NamedWeight {
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

export function readModelJson(distDir: string): TfjsModelJson {
  return JSON.parse(readFileSync(join(distDir, 'model.json'), 'utf8')) as TfjsModelJson;
}

export function readTfjsWeights(distDir: string, model: TfjsModelJson): Map<string, NamedWeight> {
  const weights = new Map<string, NamedWeight>();
  for (const group of model.weightsManifest) {
    const shards = group.paths.map((p) => readFileSync(join(distDir, p)));
    const total = shards.reduce((n, s) => n + s.length, 0);
    const buffer = new ArrayBuffer(total);
    const bytes = new Uint8Array(buffer);
    let offset = 0;
    for (const shard of shards) {
      bytes.set(shard, offset);
      offset += shard.length;
    }
    offset = 0;
    for (const w of group.weights) {
      if (w.quantization)
        throw new Error(`Weight ${w.name} is quantized; this reader expects plain weights`);
      if (w.dtype !== 'float32' && w.dtype !== 'int32') {
        throw new Error(`Weight ${w.name} has unsupported dtype ${w.dtype}`);
      }
      const count = w.shape.reduce((a, b) => a * b, 1);
      const end = offset + count * 4;
      if (end > total) throw new Error(`Weight ${w.name} runs past the end of the shards`);
      // Copy, so each weight owns an aligned buffer of its own.
      const slice = buffer.slice(offset, end);
      const values = w.dtype === 'float32' ? new Float32Array(slice) : new Int32Array(slice);
      weights.set(w.name, { shape: w.shape, dtype: w.dtype, values });
      offset = end;
    }
    if (offset !== total) {
      throw new Error(`Weight shards hold ${total} bytes but the manifest describes ${offset}`);
    }
  }
  return weights;
}

/**
 * Finds the single weight whose name ends with `tail` (the TF names carry long, partly repeated
 * prefixes) and checks its shape, so a renamed or reshaped weight fails loudly.
 */
export function weightByTail(
  weights: Map<string, NamedWeight>,
  tail: string,
  shape: readonly number[],
): Float32Array {
  const matches = [...weights.entries()].filter(([name]) => name.endsWith(tail));
  if (matches.length !== 1) {
    throw new Error(`Expected exactly one weight ending in "${tail}", found ${matches.length}`);
  }
  const [name, w] = matches[0]!;
  if (w.dtype !== 'float32') throw new Error(`Weight ${name} is ${w.dtype}, expected float32`);
  if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i])) {
    throw new Error(
      `Weight ${name} has shape [${w.shape.join(', ')}], expected [${shape.join(', ')}]`,
    );
  }
  return w.values as Float32Array;
}
