/**
 * Encoders for the handful of ONNX protobuf messages a plain inference graph needs: ModelProto,
 * GraphProto, NodeProto, AttributeProto, TensorProto and ValueInfoProto. Field numbers follow
 * onnx/onnx.proto (IR version 7, which is what opset 13 pairs with).
 */
import { ProtobufWriter } from './protobuf-writer.ts';

/** TensorProto.DataType values used here. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  INT32: 6,
  INT64: 7,
  BOOL: 9,
  FLOAT16: 10,
} as const;
export type DataTypeId = (typeof DataType)[keyof typeof DataType];

export type AttributeValue =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'ints'; value: readonly number[] }
  | { kind: 'string'; value: string };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface OnnxTensor {
  name: string;
  dataType: DataTypeId;
  dims: readonly number[];
  /** Little-endian element bytes, as TensorProto.raw_data expects. */
  raw: Uint8Array;
}

/** A dimension is either fixed or a named symbolic size (e.g. "batch"). */
export type Dim = number | string;

export interface OnnxValueInfo {
  name: string;
  elemType: DataTypeId;
  shape: readonly Dim[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
  docString?: string;
}

export interface OnnxModel {
  graph: OnnxGraph;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  docString?: string;
  /** Free-form key/value pairs stored in ModelProto.metadata_props. */
  metadata?: Readonly<Record<string, string>>;
}

const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_STRING = 3;
const ATTR_INTS = 7;

function encodeAttribute(name: string, attr: AttributeValue): ProtobufWriter {
  const w = new ProtobufWriter().string(1, name);
  switch (attr.kind) {
    case 'float':
      return w.float32(2, attr.value).int64(20, ATTR_FLOAT);
    case 'int':
      return w.int64(3, attr.value).int64(20, ATTR_INT);
    case 'string':
      return w.string(4, attr.value).int64(20, ATTR_STRING);
    case 'ints':
      return w.packedInt64(8, attr.value).int64(20, ATTR_INTS);
  }
}

function encodeNode(node: OnnxNode): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name).string(4, node.opType);
  for (const [name, attr] of Object.entries(node.attributes ?? {})) {
    w.message(5, encodeAttribute(name, attr));
  }
  return w;
}

function encodeTensor(tensor: OnnxTensor): ProtobufWriter {
  return new ProtobufWriter()
    .packedInt64(1, tensor.dims)
    .int64(2, tensor.dataType)
    .string(8, tensor.name)
    .bytes(9, tensor.raw);
}

function encodeValueInfo(info: OnnxValueInfo): ProtobufWriter {
  const shape = new ProtobufWriter();
  for (const dim of info.shape) {
    const d = new ProtobufWriter();
    if (typeof dim === 'number') d.int64(1, dim);
    else d.string(2, dim);
    shape.message(1, d);
  }
  const tensorType = new ProtobufWriter().int64(1, info.elemType).message(2, shape);
  const type = new ProtobufWriter().message(1, tensorType);
  return new ProtobufWriter().string(1, info.name).message(2, type);
}

function encodeGraph(graph: OnnxGraph): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const node of graph.nodes) w.message(1, encodeNode(node));
  w.string(2, graph.name);
  for (const init of graph.initializers) w.message(5, encodeTensor(init));
  if (graph.docString) w.string(10, graph.docString);
  for (const input of graph.inputs) w.message(11, encodeValueInfo(input));
  for (const output of graph.outputs) w.message(12, encodeValueInfo(output));
  return w;
}

/** IR version 7 is the one released alongside opset 13. */
const IR_VERSION = 7;

export function encodeModel(model: OnnxModel): Uint8Array {
  const w = new ProtobufWriter()
    .int64(1, IR_VERSION)
    .string(2, model.producerName)
    .string(3, model.producerVersion);
  if (model.docString) w.string(6, model.docString);
  w.message(7, encodeGraph(model.graph));
  w.message(8, new ProtobufWriter().string(1, '').int64(2, model.opsetVersion));
  for (const [key, value] of Object.entries(model.metadata ?? {})) {
    w.message(14, new ProtobufWriter().string(1, key).string(2, value));
  }
  return w.finish();
}
