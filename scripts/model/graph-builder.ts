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

/**
 * How weights are stored: float32, float16 (cast back to float32 at load), or int8 dense kernels
 * (quantizedMatMul) with the other large weights in float16.
 */
export type WeightStorage = 'float32' | 'float16' | 'int8';

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
   * A large weight. With float16 (or int8) storage it is written in float16, followed by a Cast to
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

  /** Whether dense layers run as int8 matrix products (weights per column, inputs per call). */
  get int8(): boolean {
    return this.weightStorage === 'int8';
  }

  /**
   * x·W for a [inSize, outSize] kernel as an int8 product, about 3× faster than float32 on the
   * wasm backend. The kernel is stored as int8 with one scale per column. Each token's input row
   * is quantised with its own scale (not DynamicQuantizeLinear's one scale per tensor), so a
   * sentence gets the same vector whatever it is batched with.
   */
  quantizedMatMul(
    x: string,
    name: string,
    kernel: Float32Array,
    inSize: number,
    outSize: number,
  ): string {
    const scales = new Float32Array(outSize);
    for (let c = 0; c < outSize; c++) {
      let most = 0;
      for (let r = 0; r < inSize; r++) most = Math.max(most, Math.abs(kernel[r * outSize + c]!));
      scales[c] = most > 0 ? most / 127 : 1;
    }
    const q = new Int8Array(inSize * outSize);
    for (let r = 0; r < inSize; r++) {
      for (let c = 0; c < outSize; c++) {
        const v = Math.round(kernel[r * outSize + c]! / scales[c]!);
        q[r * outSize + c] = Math.max(-127, Math.min(127, v));
      }
    }
    const kernelName = `${name}/int8_kernel`;
    this.initializers.push({
      name: kernelName,
      dataType: DataType.INT8,
      dims: [inSize, outSize],
      raw: new Uint8Array(q.buffer),
    });
    const kernelZero = `${name}/int8_zero`;
    this.initializers.push({
      name: kernelZero,
      dataType: DataType.INT8,
      dims: [],
      raw: new Uint8Array(1),
    });
    const kernelScale = this.float32(`${name}/int8_scale`, scales, [outSize]);
    // Row scale: the row's largest magnitude maps to 127 (a zero row keeps scale 1).
    const most = this.op('ReduceMax', [this.op('Abs', [x])], {
      axes: { kind: 'ints', value: [-1] },
      keepdims: { kind: 'int', value: 1 },
    });
    const tiny = this.float32(`${name}/int8_tiny`, new Float32Array([1e-30]), []);
    const rowScale = this.op('Div', [
      this.op('Max', [most, tiny]),
      this.float32(`${name}/int8_127`, new Float32Array([127]), []),
    ]);
    // uint8 with zero point 128: the (u8, s8) product is the one every onnxruntime build has.
    const shifted = this.op('Add', [
      this.op('Round', [this.op('Div', [x, rowScale])]),
      this.float32(`${name}/int8_128`, new Float32Array([128]), []),
    ]);
    const clipped = this.op('Clip', [
      shifted,
      this.float32(`${name}/int8_lo`, new Float32Array([0]), []),
      this.float32(`${name}/int8_hi`, new Float32Array([255]), []),
    ]);
    const quantised = this.op('Cast', [clipped], { to: { kind: 'int', value: DataType.UINT8 } });
    const inputZero = `${name}/int8_input_zero`;
    this.initializers.push({
      name: inputZero,
      dataType: DataType.UINT8,
      dims: [],
      raw: new Uint8Array([128]),
    });
    const product = this.op('MatMulInteger', [quantised, kernelName, inputZero, kernelZero]);
    const asFloat = this.op('Cast', [product], { to: { kind: 'int', value: DataType.FLOAT } });
    return this.op('Mul', [this.op('Mul', [asFloat, rowScale]), kernelScale]);
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
