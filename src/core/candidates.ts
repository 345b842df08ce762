/**
 * Which sentences of one text each sentence of another is compared with. Up to MAX_CANDIDATES
 * sentences, every pair is compared, exactly as a full matrix would. Beyond that, a sentence is
 * compared with at most MAX_CANDIDATES sentences of the other text, so the work grows linearly
 * with length rather than with length squared. The candidates come from three cheap guides to
 * where its best match lies:
 * - position: the sentences around the same relative place (answers to one prompt keep an order);
 * - rare words: the sentences sharing its rarer content words (an inverted index; a word in more
 *   than MAX_CANDIDATES sentences says little and is skipped);
 * - meaning: the sentences whose embeddings fall in the same random-hyperplane buckets
 *   (locality-sensitive hashing: the closer two vectors, the more tables they share a bucket in).
 */
import { cosine } from './vectors.ts';

/** A sentence's cosines with some sentences of another text: a sparse row of the matrix. */
export interface SimilarityRow {
  /** Indices of the other text's sentences, ascending. */
  readonly cols: Int32Array;
  /** Cosine with each of them, in the same order. */
  readonly cosines: Float32Array;
}

/** What candidate selection needs of a text: one vector and the content words per sentence. */
export interface ComparableText {
  readonly vectors: readonly Float32Array[];
  readonly sentences: readonly { readonly norms: ReadonlySet<string> }[];
}

/** Candidates per sentence; a text with at most this many sentences is compared exactly. */
export const MAX_CANDIDATES = 32;
/** Sentences taken around the same relative position. */
const POSITION_WINDOW = 8;
/** Sentences taken for the rare content words they share. */
const WORD_CANDIDATES = 12;
/** Hash tables of random hyperplanes, and the most bits a table's key can have. */
const TABLES = 8;
const MAX_BITS = 12;
/** Bucket members looked at per table, so a crowded bucket cannot make the work quadratic. */
const BUCKET_SCAN = 2 * MAX_CANDIDATES;

/** Per text, built once when some comparison with it is pruned. */
interface TextIndex {
  /** Normalised content word → the sentences holding it, ascending. */
  words: Map<string, number[]>;
  /** Per sentence, per table, the signs of its projections as MAX_BITS bits. */
  signatures: Uint16Array;
  /** Buckets by key width (see bucketBits), built on demand. */
  tables: Map<number, Map<number, number[]>[]>;
}

const indexes = new WeakMap<readonly Float32Array[], TextIndex>();

/**
 * Cosines of every sentence of `from` with its candidates in `to`. With `to` at most
 * MAX_CANDIDATES sentences long this is the full matrix, row by row.
 */
export function similarityRows(from: ComparableText, to: ComparableText): SimilarityRow[] {
  const rowOf = rowComparer(from, to);
  return from.vectors.map((_, i) => rowOf(i));
}

/**
 * The similarity row of any sentence of `from` with `to`, one row at a time (so callers can
 * pause between rows). Set up once per pair of texts: the indexes of `to` and scratch space.
 */
export function rowComparer(
  from: ComparableText,
  to: ComparableText,
): (row: number) => SimilarityRow {
  const pick = candidatePicker(from, to);
  return (row) => {
    const cols = pick(row);
    const vector = from.vectors[row]!;
    const cosines = new Float32Array(cols.length);
    for (let k = 0; k < cols.length; k++) cosines[k] = cosine(vector, to.vectors[cols[k]!]!);
    return { cols, cosines };
  };
}

/** The sentences of `to` that a sentence of `from` is compared with, ascending. */
function candidatePicker(from: ComparableText, to: ComparableText): (row: number) => Int32Array {
  const n = from.vectors.length;
  const m = to.vectors.length;
  if (m <= MAX_CANDIDATES) {
    const all = Int32Array.from({ length: m }, (_, j) => j);
    return () => all.slice();
  }
  const source = indexOf(from);
  const target = indexOf(to);
  const bits = bucketBits(m);
  const tables = bucketTables(target, bits, m);
  // Scratch space, reset after every row: only the touched entries are visited.
  const chosen = new Uint8Array(m);
  const wordScore = new Float64Array(m);
  const shared = new Uint8Array(m);

  return (row) => {
    const picked: number[] = [];
    const take = (j: number) => {
      if (picked.length < MAX_CANDIDATES && chosen[j] === 0) {
        chosen[j] = 1;
        picked.push(j);
      }
    };
    // The place in `to` that matches this row's place in `from`.
    const centre = Math.floor(((row + 0.5) * m) / n);

    const window = Math.min(POSITION_WINDOW, m);
    const first = Math.min(Math.max(0, centre - window / 2), m - window);
    for (let k = 0; k < window; k++) take(first + k);

    // Rare words: each shared word adds its rarity in `to`.
    const byWords: number[] = [];
    for (const norm of from.sentences[row]?.norms ?? []) {
      const holders = target.words.get(norm);
      if (!holders || holders.length > MAX_CANDIDATES) continue;
      const rarity = Math.log(1 + m / holders.length);
      for (const j of holders) {
        if (wordScore[j] === 0) byWords.push(j);
        wordScore[j]! += rarity;
      }
    }
    byWords.sort((a, b) => wordScore[b]! - wordScore[a]! || a - b);
    for (let k = 0; k < Math.min(WORD_CANDIDATES, byWords.length); k++) take(byWords[k]!);

    // Meaning: the more tables share this row's bucket, the closer. Of a crowded bucket only
    // the BUCKET_SCAN members nearest to the centre are looked at.
    const touched: number[] = [];
    for (let t = 0; t < TABLES; t++) {
      const bucket = tables[t]!.get(bucketKey(source.signatures, row, t, bits));
      if (!bucket) continue;
      const start = Math.min(
        Math.max(0, lowerBound(bucket, centre) - BUCKET_SCAN / 2),
        Math.max(0, bucket.length - BUCKET_SCAN),
      );
      for (let k = start; k < Math.min(bucket.length, start + BUCKET_SCAN); k++) {
        const j = bucket[k]!;
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    // Most shared tables first; a counting sort, as there are only TABLES possible counts.
    const byCount = Array.from({ length: TABLES + 1 }, (): number[] => []);
    for (const j of touched) byCount[shared[j]!]!.push(j);
    for (let count = TABLES; count > 0; count--) for (const j of byCount[count]!) take(j);
    for (let k = WORD_CANDIDATES; k < byWords.length; k++) take(byWords[k]!);

    for (const j of byWords) wordScore[j] = 0;
    for (const j of touched) shared[j] = 0;
    for (const j of picked) chosen[j] = 0;
    return Int32Array.from(picked).sort();
  };
}

/** First index of the ascending `values` holding a value ≥ `x`. */
function lowerBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Key width for a text of `m` sentences: about m/4 buckets, so unrelated sentences rarely share
 * one while a close match (cosine ≥ 0.9, each bit agreeing 86% of the time) still shares most
 * tables' buckets.
 */
function bucketBits(m: number): number {
  return Math.min(MAX_BITS, Math.max(4, Math.ceil(Math.log2(m)) - 2));
}

function bucketKey(signatures: Uint16Array, row: number, table: number, bits: number): number {
  return signatures[row * TABLES + table]! & ((1 << bits) - 1);
}

function bucketTables(index: TextIndex, bits: number, m: number): Map<number, number[]>[] {
  let tables = index.tables.get(bits);
  if (!tables) {
    tables = Array.from({ length: TABLES }, () => new Map<number, number[]>());
    for (let j = 0; j < m; j++) {
      for (let t = 0; t < TABLES; t++) {
        const key = bucketKey(index.signatures, j, t, bits);
        const bucket = tables[t]!.get(key);
        if (bucket) bucket.push(j);
        else tables[t]!.set(key, [j]);
      }
    }
    index.tables.set(bits, tables);
  }
  return tables;
}

function indexOf(text: ComparableText): TextIndex {
  let index = indexes.get(text.vectors);
  if (!index) {
    const words = new Map<string, number[]>();
    text.sentences.forEach((s, j) => {
      for (const norm of s.norms) {
        const holders = words.get(norm);
        if (holders) holders.push(j);
        else words.set(norm, [j]);
      }
    });
    index = { words, signatures: signaturesOf(text.vectors), tables: new Map() };
    indexes.set(text.vectors, index);
  }
  return index;
}

function signaturesOf(vectors: readonly Float32Array[]): Uint16Array {
  const out = new Uint16Array(vectors.length * TABLES);
  if (vectors.length === 0) return out;
  const planes = hyperplanes(vectors[0]!.length);
  vectors.forEach((v, j) => {
    for (let t = 0; t < TABLES; t++) {
      let key = 0;
      for (let b = 0; b < MAX_BITS; b++) {
        const { coords, signs } = planes[t * MAX_BITS + b]!;
        let side = 0;
        for (let k = 0; k < coords.length; k++) side += signs[k]! * v[coords[k]!]!;
        if (side >= 0) key |= 1 << b;
      }
      out[j * TABLES + t] = key;
    }
  });
  return out;
}

/** A hyperplane through the origin, as the few coordinates its normal uses and their signs. */
interface SparsePlane {
  coords: Int32Array;
  signs: Int8Array;
}

/** Coordinates per hyperplane: a sparse random projection, 8× cheaper than a dense one. */
const PLANE_TERMS = 64;

const planeCache = new Map<number, SparsePlane[]>();

/**
 * TABLES × MAX_BITS random hyperplanes (sparse ±1 normals, which preserve angles nearly as well
 * as Gaussian ones), the same on every run and in every context so that the buckets, and the
 * report, are reproducible.
 */
function hyperplanes(dimensions: number): SparsePlane[] {
  let planes = planeCache.get(dimensions);
  if (!planes) {
    const random = mulberry32(0x5eed);
    const terms = Math.min(PLANE_TERMS, dimensions);
    planes = Array.from({ length: TABLES * MAX_BITS }, () => ({
      coords: Int32Array.from({ length: terms }, () => Math.floor(random() * dimensions)),
      signs: Int8Array.from({ length: terms }, () => (random() < 0.5 ? -1 : 1)),
    }));
    planeCache.set(dimensions, planes);
  }
  return planes;
}

/** A small seeded generator (mulberry32): reproducible, not for anything secret. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
