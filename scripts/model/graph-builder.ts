/**
 * A small builder for ONNX graphs: each helper adds one node and returns the name of its output,
 * so a model reads like the arithmetic it performs. Names are made unique with a counter, and
 * initializers (weights and constants) are collected alongside.
 */
import { toFloat16Bytes } from './float16.ts';
import {
  DataType,
  type AttributeValue,
  type OnnxNode,
  type OnnxTensor,
  type OnnxValueInfo,
  type OnnxGraph,
} from './onnx-proto.ts';

/** How large float weights are stored in the file. */
export type WeightStorage = 'float32' | 'float16';

export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private counter = 0;

  constructor(private readonly weightStorage: WeightStorage) {}

  private fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  op(
    opType: string,
    inputs: readonly string[],
    attributes?: Record<string, AttributeValue>,
    outputName?: string,
  ): string {
    const output = outputName ?? this.fresh(opType.toLowerCase());
    this.nodes.push({
      opType,
      name: `${output}/${opType}`,
      inputs,
      outputs: [output],
      ...(attributes ? { attributes } : {}),
    });
    return output;
  }

  /** A float32 constant stored as-is (biases, scalars, small tables). */
  float32(name: string, values: Float32Array, dims: readonly number[]): string {
    checkSize(name, values.length, dims);
    this.initializers.push({
      name,
      dataType: DataType.FLOAT,
      dims,
      raw: new Uint8Array(
        values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength),
      ),
    });
    return name;
  }

  int64(
    name: string,
    values: readonly number[],
    dims: readonly number[] = [values.length],
  ): string {
    checkSize(name, values.length, dims);
    const raw = new Uint8Array(values.length * 8);
    const view = new DataView(raw.buffer);
    values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    this.initializers.push({ name, dataType: DataType.INT64, dims, raw });
    return name;
  }

  /**
   * A large weight. With float16 storage it is written at half size and followed by a Cast to
   * float32: onnxruntime folds a Cast of an initializer once at session creation, so inference
   * still runs in float32 at the same speed.
   */
  weight(name: string, values: Float32Array, dims: readonly number[]): string {
    if (this.weightStorage === 'float32') return this.float32(name, values, dims);
    checkSize(name, values.length, dims);
    const stored = `${name}_fp16`;
    this.initializers.push({
      name: stored,
      dataType: DataType.FLOAT16,
      dims,
      raw: toFloat16Bytes(values),
    });
    return this.op('Cast', [stored], { to: { kind: 'int', value: DataType.FLOAT } }, name);
  }

  build(
    name: string,
    inputs: readonly OnnxValueInfo[],
    outputs: readonly OnnxValueInfo[],
    docString?: string,
  ): OnnxGraph {
    return {
      name,
      nodes: this.nodes,
      initializers: this.initializers,
      inputs,
      outputs,
      ...(docString ? { docString } : {}),
    };
  }
}

function checkSize(name: string, length: number, dims: readonly number[]): void {
  const expected = dims.reduce((a, b) => a * b, 1);
  if (expected !== length) {
    throw new Error(`Initializer ${name}: ${length} values do not fill shape [${dims.join(', ')}]`);
  }
}
