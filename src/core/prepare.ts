/**
 * Turns one text (the answer or a sample) into what the comparisons need, once: its segments,
 * the judged sentences in plain words, their lexical tokens and their embeddings. Everything
 * here is cached per text, which is what makes adding samples one by one cheap.
 */
import type { Embedder } from './embedder.ts';
import type { Language } from './language.ts';
import { negationCount, allWords, tokenize, type Token } from './lexical.ts';
import { segment } from './segment.ts';
import type { Segment } from './types.ts';

export interface PreparedSentence {
  segment: Segment;
  /** The sentence without markdown markup, as embedded and tokenised. */
  plain: string;
  tokens: Token[];
  /** Distinct normalised content tokens. */
  norms: Set<string>;
  /** All words, lower-cased, stopwords included (negation and antonym checks). */
  words: string[];
  negations: number;
}

export interface PreparedText {
  text: string;
  /** The language it was read in (see language.ts). */
  language: Language;
  segments: Segment[];
  /** The judged segments, in order. */
  sentences: PreparedSentence[];
  /** One unit vector per judged sentence. */
  vectors: Float32Array[];
  /** Every normalised content token anywhere in the text. */
  norms: Set<string>;
}

/** Embedding calls are chunked so a huge text neither blocks long nor builds one giant batch. */
const EMBED_CHUNK = 64;

/** Markdown markup to drop before judging: emphasis, inline code, links, table pipes. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/^\s*\|/, '')
    .replace(/\|\s*$/, '')
    .replace(/\s*\|\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Tokens of a table row's plain text ("1869, Construction begins"), each cell read on its own:
 * a cell starts afresh like a sentence, so its leading capital does not make a name.
 */
function tokenizeCells(plain: string, language: Language): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  for (const cell of plain.split(', ')) {
    for (const t of tokenize(cell, false, language)) {
      tokens.push({ ...t, start: t.start + offset, end: t.end + offset });
    }
    offset += cell.length + 2;
  }
  return tokens;
}

/** Prepares sentences without embeddings (pure and synchronous). */
export function prepareSentences(
  segments: readonly Segment[],
  language: Language = 'en',
): PreparedSentence[] {
  return segments
    .filter((s) => s.judged)
    .map((seg) => {
      const plain = plainText(seg.text);
      const tokens =
        seg.kind === 'table-row'
          ? tokenizeCells(plain, language)
          : tokenize(plain, false, language);
      return {
        segment: seg,
        plain,
        tokens,
        norms: new Set(tokens.map((t) => t.norm)),
        // Negation and antonyms are English word lists: other languages skip those checks.
        words: language === 'en' ? allWords(plain) : [],
        negations: language === 'en' ? negationCount(plain) : 0,
      };
    });
}

export interface PrepareOptions {
  signal?: { readonly aborted: boolean } | undefined;
  /** The language to read the text in (see language.ts); English when not given. */
  language?: Language;
  /** The segments to judge, when they are given rather than found (the `score` contract). */
  segments?: readonly Segment[] | undefined;
}

export async function prepareText(
  text: string,
  embedder: Embedder,
  { signal, language = 'en', segments = segment(text, language) }: PrepareOptions = {},
): Promise<PreparedText> {
  const sentences = prepareSentences(segments, language);
  const vectors: Float32Array[] = [];
  for (let i = 0; i < sentences.length; i += EMBED_CHUNK) {
    if (signal?.aborted) throw new Error('Analysis aborted');
    const chunk = sentences.slice(i, i + EMBED_CHUNK).map((s) => s.plain);
    const embedded = await embedder.embed(chunk, signal);
    if (embedded.length !== chunk.length) {
      throw new Error(`Embedder returned ${embedded.length} vectors for ${chunk.length} texts`);
    }
    vectors.push(...embedded);
  }
  const norms = new Set<string>();
  for (const s of sentences) for (const n of s.norms) norms.add(n);
  return { text, language, segments: [...segments], sentences, vectors, norms };
}
