/**
 * The JSON files that make transformers.js treat the converted model as a local Hugging Face
 * repository: `config.json` (a BERT-like encoder, so `AutoModel` and the feature-extraction
 * pipeline accept it), `tokenizer.json` (a SentencePiece Unigram model equal to the one
 * `@energetic-ai/embeddings` implements) and `tokenizer_config.json`.
 */
import {
  EMBEDDING_SIZE,
  FFN_SIZE,
  HEADS,
  HIDDEN_SIZE,
  MAX_TOKENS,
  VOCAB_ROWS,
} from './use-lite-graph.ts';

export type VocabEntry = [piece: string, score: number];

/** The first pieces of vocab.json are reserved (unknown, <s>, </s>, three extra ids). */
export const RESERVED_PIECES = 6;
export const UNKNOWN_PIECE = '\uFFFD';
const META_SPACE = '\u2581';

export function parseVocab(json: string): VocabEntry[] {
  const data: unknown = JSON.parse(json);
  if (!Array.isArray(data) || data.length < RESERVED_PIECES) {
    throw new Error('vocab.json is not a list of [piece, score] pairs');
  }
  return data.map((entry, i): VocabEntry => {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') {
      throw new Error(`vocab.json entry ${i} is not a [piece, score] pair`);
    }
    // A few user-defined pieces (":", "://", "▁:)", …) carry a null score; the original
    // tokenizer adds it as a number, where null counts as 0, so 0 it is.
    if (entry[1] === null) return [entry[0], 0];
    if (typeof entry[1] !== 'number')
      throw new Error(`vocab.json entry ${i} has a non-numeric score`);
    return [entry[0], entry[1]];
  });
}

/**
 * tokenizer.json. Choices that keep token ids equal to the original tokenizer's:
 * - Normaliser NFKC → every space becomes "▁" → "▁" prepended. This is what the original does;
 *   the Metaspace pre-tokenizer would instead skip the prefix when the text already starts with a
 *   space (" hi" would lose one "▁"), so it is not used.
 * - The original leaves the reserved pieces 1–5 out of its lattice, so a literal "<s>" in a text
 *   is split like any other text. Here they keep their ids but get a leading space, which
 *   normalised text never contains, so the lattice can never match them either.
 * - Unknown characters become id 0 and runs of them fuse into one, as in the original.
 */
export function tokenizerJson(vocab: readonly VocabEntry[]): object {
  const pieces = vocab.map(([piece, score], id): VocabEntry => {
    if (id === 0) return [UNKNOWN_PIECE, 0];
    if (id < RESERVED_PIECES) return [` ${piece}`, 0];
    return [piece, score];
  });
  return {
    version: '1.0',
    truncation: { direction: 'Right', max_length: MAX_TOKENS, strategy: 'LongestFirst', stride: 0 },
    padding: null,
    added_tokens: [],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFKC' },
        { type: 'Replace', pattern: { String: ' ' }, content: META_SPACE },
        { type: 'Prepend', prepend: META_SPACE },
      ],
    },
    pre_tokenizer: null,
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: META_SPACE, prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 0, vocab: pieces, byte_fallback: false },
  };
}

export function tokenizerConfigJson(): object {
  return {
    tokenizer_class: 'PreTrainedTokenizer',
    model_max_length: MAX_TOKENS,
    padding_side: 'right',
    truncation_side: 'right',
    unk_token: UNKNOWN_PIECE,
    // Padding uses id 0 with attention 0; the graph ignores id 0 anyway.
    pad_token: UNKNOWN_PIECE,
    clean_up_tokenization_spaces: false,
  };
}

export function modelConfigJson(): object {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    _name_or_path: 'crosscheck/use-lite',
    hidden_size: HIDDEN_SIZE,
    embedding_size: EMBEDDING_SIZE,
    intermediate_size: FFN_SIZE,
    num_attention_heads: HEADS,
    num_hidden_layers: 2,
    vocab_size: VOCAB_ROWS,
    max_position_embeddings: MAX_TOKENS,
    pad_token_id: 0,
    // Only one file is shipped: never let transformers.js look for a quantized variant.
    'transformers.js_config': { dtype: 'fp32' },
  };
}
