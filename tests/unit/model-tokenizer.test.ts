/**
 * Token ids: the package's own tokenizer (`@energetic-ai/embeddings`), the port used by the
 * conversion test, and the generated tokenizer.json as transformers.js runs it must agree.
 * Kept apart from the TF.js test because `@energetic-ai/embeddings` loads its own TF.js bundle.
 */
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { EmbeddingsModel } from '@energetic-ai/embeddings';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS_DIR } from '../../src/embedding/node-embedder.ts';
import { CONVERSION_SENTENCES } from './model-sentences.ts';
import { readSourceVocab, ReferenceTokenizer, type VocabPairs } from './model-use-reference.ts';

interface PackageTokenizer {
  encode(text: string): number[];
}

let vocab: VocabPairs;
let packageTokenizer: PackageTokenizer;
let port: ReferenceTokenizer;
let converted: PreTrainedTokenizer;

beforeAll(async () => {
  vocab = readSourceVocab();
  // The model is not needed to tokenize; the constructor only builds the tokenizer from it.
  const model = new EmbeddingsModel({
    model: null,
    vocabulary: vocab,
  } as unknown as ConstructorParameters<typeof EmbeddingsModel>[0]);
  packageTokenizer = (model as unknown as { tokenizer: PackageTokenizer }).tokenizer;
  port = new ReferenceTokenizer(vocab);
  env.allowRemoteModels = false;
  env.localModelPath = `${DEFAULT_MODELS_DIR}/`;
  converted = await AutoTokenizer.from_pretrained('use-lite');
});

/** Deterministic pseudo-random texts built from vocabulary pieces, digits, punctuation, unicode. */
function generatedTexts(count: number): string[] {
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const extras = [
    '1984',
    '3.5',
    '%',
    '—',
    '(',
    ')',
    '"',
    "'",
    'é',
    'ß',
    '東',
    '😀',
    '  ',
    '\t',
    '<s>',
    '</s>',
    ':)',
    '://',
  ];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    const length = 1 + next(12);
    for (let w = 0; w < length; w++) {
      if (next(5) === 0) words.push(extras[next(extras.length)]!);
      else words.push(vocab[6 + next(vocab.length - 6)]![0].replace(/\u2581/g, ''));
    }
    texts.push(words.join(next(3) === 0 ? '' : ' '));
  }
  return texts;
}

function convertedIds(text: string): number[] {
  return (converted(text, { truncation: true }).input_ids.tolist() as bigint[][])[0]!.map(Number);
}

describe('use-lite tokenizer', () => {
  it('the port reproduces the package tokenizer exactly', () => {
    for (const text of [...CONVERSION_SENTENCES, ...generatedTexts(300)]) {
      expect(port.encode(text), text).toEqual(packageTokenizer.encode(text));
    }
  });

  it('tokenizer.json gives the original ids, except for a zero-score piece at the very start', () => {
    const texts = [
      ...CONVERSION_SENTENCES,
      ...generatedTexts(300),
      ':) hello',
      ': colon first',
    ].filter((t) => t !== '');
    const differing = texts.filter(
      (t) =>
        JSON.stringify(convertedIds(t)) !==
        JSON.stringify(packageTokenizer.encode(t).slice(0, 128)),
    );
    console.log(
      `[model-tokenizer] ${texts.length - differing.length}/${texts.length} texts tokenize identically`,
    );
    // Documented edge case: the original's Viterbi uses a best score of 0 as "unset", so a path
    // made of one zero-score (user-defined) piece at the start of the text, such as "▁:)", is
    // always overwritten. tokenizer.json picks that piece, as SentencePiece itself would.
    const zeroScoreStart = new Set(
      vocab.flatMap(([piece, score], id) =>
        score === null && piece.startsWith('\u2581') ? [id] : [],
      ),
    );
    expect(zeroScoreStart.size).toBe(4);
    for (const text of differing) {
      expect(zeroScoreStart.has(convertedIds(text)[0]!), text).toBe(true);
    }
    expect(differing.length).toBeLessThan(texts.length * 0.02);
  });

  it('keeps the reserved pieces out of reach of literal text, as the original does', () => {
    expect(convertedIds('<s> and </s>')).toEqual(packageTokenizer.encode('<s> and </s>'));
    expect(convertedIds('<s>')).not.toContain(1);
  });

  it('truncates at 128 pieces', () => {
    const long = 'word '.repeat(300);
    expect(packageTokenizer.encode(long).length).toBeGreaterThan(128);
    expect(convertedIds(long)).toHaveLength(128);
  });
});
