/**
 * Finds what most samples say and the answer leaves out. A sample sentence is "left out" when no
 * answer sentence is close to it and the answer repeats few of its content words; left-out
 * sentences of different samples that say the same thing (close in meaning, adding the same
 * words, no two values where one stands) are pooled, and a pool counts as an omission when more
 * than half of the samples (at least two) contribute to it. The pool is shown in the words its
 * members most share, so "3 samples say: …" never carries a detail (a state, an age) that only
 * one of them gives.
 */
import type { SimilarityRow } from './candidates.ts';
import { findConflict } from './conflicts.ts';
import { namedIn } from './name-forms.ts';
import type { PreparedSentence, PreparedText } from './prepare.ts';
import type { Sliced } from './slices.ts';
import type { Omission } from './types.ts';
import { cosine } from './vectors.ts';
import type { Token } from './lexical.ts';
import { coverage, distinctTokens, type TokenWeight } from './weights.ts';

/** A sample sentence this close to some answer sentence is covered. */
const COVERED_COSINE = 0.85;
/** A sample sentence whose content words the answer repeats this much (weighted) is covered. */
const COVERED_WORDS = 0.7;
/** Two left-out sentences this close say the same thing. */
const SAME_COSINE = 0.7;
/** Weighted share of what each adds that two left-out sentences must have in common. */
const SAME_NEWS = 0.1;
/** Bounds the pairwise pooling on very long samples. */
const MAX_CANDIDATES = 400;

interface Candidate {
  sample: number;
  text: string;
  vector: Float32Array;
  /** Distinct content tokens and their normalised forms (what the other members repeat). */
  tokens: Token[];
  norms: ReadonlySet<string>;
  /** Its content tokens the answer never uses: what it would add. */
  news: Token[];
  sentence: PreparedSentence;
  /** The content norms of its whole sample. */
  sampleNorms: ReadonlySet<string>;
}

/**
 * A generator that pauses after each step (see core/slices.ts).
 * @param sampleRows for each sample, per sample sentence its cosines with the (candidate)
 *   answer sentences.
 * @param sampleIndexes index of each prepared sample in the report's samples array.
 */
export function* findOmissions(
  answer: PreparedText,
  samples: readonly PreparedText[],
  sampleIndexes: readonly number[],
  sampleRows: readonly (readonly SimilarityRow[])[],
  weight: TokenWeight,
): Sliced<Omission[]> {
  if (samples.length < 2) return [];
  const candidates: Candidate[] = [];
  for (let k = 0; k < samples.length; k++) {
    const sample = samples[k]!;
    sample.sentences.forEach((sentence, j) => {
      let best = 0;
      for (const c of sampleRows[k]![j]!.cosines) best = Math.max(best, c);
      if (best >= COVERED_COSINE) return;
      const tokens = distinctTokens(sentence.tokens);
      if (tokens.length < 2 || coverage(tokens, answer.norms, weight) >= COVERED_WORDS) return;
      candidates.push({
        sample: sampleIndexes[k]!,
        text: sentence.segment.text,
        vector: sample.vectors[j]!,
        tokens,
        norms: sentence.norms,
        news: tokens.filter((t) => !answer.norms.has(t.norm)),
        sentence,
        sampleNorms: sample.norms,
      });
    });
    yield;
  }
  const pool = candidates.slice(0, MAX_CANDIDATES);
  const sim = pairCosines(pool);
  const same = pairSameness(pool, sim, weight);
  const needed = Math.max(2, Math.floor(samples.length / 2) + 1);

  const used = new Set<number>();
  const omissions: Omission[] = [];
  for (;;) {
    // The candidate echoed by the most samples, not yet reported.
    let bestAt = -1;
    let bestMembers = new Map<number, Echo>();
    for (let at = 0; at < pool.length; at++) {
      if (used.has(at)) continue;
      const members = echoes(pool, at, used, sim, same);
      if (members.size > bestMembers.size) {
        bestAt = at;
        bestMembers = members;
      }
      yield;
    }
    if (bestAt === -1 || bestMembers.size < needed) break;
    const ordered = [...bestMembers.entries()].sort((a, b) => a[0] - b[0]);
    omissions.push({
      text: pool[sharedWording([...bestMembers.values()], pool, sim, weight)]!.text,
      samples: ordered.map(([s]) => s),
      wording: ordered.map(([, m]) => m.text),
    });
    for (const m of bestMembers.values()) used.add(m.at);
  }
  return omissions;
}

interface Echo {
  at: number;
  text: string;
  sim: number;
}

/**
 * For each sample, its left-out sentence closest to pool[at] that says the same thing as it and
 * as every member taken before it (closest first): each member must agree with the others, not
 * only with the centre, or the pool chains different facts together.
 */
function echoes(
  pool: readonly Candidate[],
  at: number,
  used: ReadonlySet<number>,
  cosineOf: (a: number, b: number) => number,
  same: (a: number, b: number) => boolean,
): Map<number, Echo> {
  const c = pool[at]!;
  const members = new Map<number, Echo>([[c.sample, { at, text: c.text, sim: 1 }]]);
  const near = pool
    .map((d, other) => ({ d, other, sim: cosineOf(at, other) }))
    .filter(({ d, other, sim }) => !used.has(other) && d.sample !== c.sample && sim >= SAME_COSINE)
    .sort((x, y) => y.sim - x.sim);
  for (const { d, other, sim } of near) {
    if (members.has(d.sample)) continue;
    if ([...members.values()].every((m) => same(m.at, other))) {
      members.set(d.sample, { at: other, text: d.text, sim });
    }
  }
  return members;
}

/**
 * Whether two pool members add the same thing and state no different values (sameNews, differ),
 * each pair judged once however many rounds ask: the judgement reads words and names, which
 * costs far more than a cosine.
 */
function pairSameness(
  pool: readonly Candidate[],
  cosineOf: (a: number, b: number) => number,
  weight: TokenWeight,
): (a: number, b: number) => boolean {
  const n = pool.length;
  // 0 not yet judged, 1 the same, 2 not.
  const known = new Uint8Array(n * n);
  return (a, b) => {
    let v = known[a * n + b]!;
    if (v === 0) {
      const [x, y] = [pool[a]!, pool[b]!];
      v = sameNews(x, y, weight) && !differ(x, y, cosineOf(a, b)) ? 1 : 2;
      known[a * n + b] = v;
      known[b * n + a] = v;
    }
    return v === 1;
  };
}

/**
 * Whether two left-out sentences add the same thing: each repeats some of what the other adds
 * to the answer (its words the answer lacks), not only the person or topic both are about. Close
 * embeddings alone pool different facts about one person ("released three albums with the
 * Distillers" / "returned to the band in 2011"), which a card would then show as what several
 * samples say.
 */
function sameNews(a: Candidate, b: Candidate, weight: TokenWeight): boolean {
  const share = (x: Candidate, y: Candidate) =>
    x.news.length === 0 ? 0 : coverage(x.news, y.norms, weight);
  return Math.min(share(a, b), share(b, a)) >= SAME_NEWS;
}

/**
 * Whether two left-out sentences state different things: a conflict of values between them
 * ("won nine medals" / "won four medals"), or each names something — a number, a name — that the
 * other does not ("at the 2019 World Cup" / "at the 2013 Asian Cup"). Then they are two claims,
 * not one thing several samples say; one adding a detail to the other is still one.
 */
function differ(a: Candidate, b: Candidate, cosine: number): boolean {
  const conflict = findConflict(a.sentence, b.sentence, b.sampleNorms, a.sampleNorms, cosine);
  if (conflict?.type === 'number' || conflict?.type === 'entity') return true;
  const unknownTo = (x: Candidate, y: Candidate) =>
    x.tokens.some((t) => t.kind !== 'word' && !namedIn(t, y.norms));
  return unknownTo(a, b) && unknownTo(b, a);
}

/**
 * The member whose words the other members repeat most (weighted as the coverage elsewhere),
 * then the one closest to them all: the pool's centre was chosen for having the most echoes,
 * and may be the one sample that adds a detail to what the others say.
 */
function sharedWording(
  members: readonly Echo[],
  pool: readonly Candidate[],
  cosineOf: (a: number, b: number) => number,
  weight: TokenWeight,
): number {
  let best = members[0]!.at;
  let bestKey = [-Infinity, -Infinity];
  for (const m of members) {
    const others = members.filter((o) => o !== m);
    const mean = (f: (o: Echo) => number) =>
      others.reduce((sum, o) => sum + f(o), 0) / others.length;
    const key = [
      mean((o) => coverage(pool[m.at]!.tokens, pool[o.at]!.norms, weight)),
      mean((o) => cosineOf(m.at, o.at)),
    ];
    if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) {
      best = m.at;
      bestKey = key;
    }
  }
  return best;
}

/** Cosines between pool members, each computed once however many rounds ask for it. */
function pairCosines(pool: readonly Candidate[]): (a: number, b: number) => number {
  const n = pool.length;
  const known = new Float64Array(n * n).fill(NaN);
  return (a, b) => {
    let c = known[a * n + b]!;
    if (Number.isNaN(c)) {
      c = cosine(pool[a]!.vector, pool[b]!.vector);
      known[a * n + b] = c;
      known[b * n + a] = c;
    }
    return c;
  };
}
