/**
 * How far one sample backs one answer sentence. Two kinds of evidence are combined:
 * - semantic: the best cosine between the sentence and any sentence of the sample;
 * - lexical: the weighted share of the sentence's content words, numbers and names that the
 *   sample repeats anywhere.
 * The sample's counterpart (its sentence that best matches, by both) is then checked for a
 * conflict — same statement, different value or polarity, or a detail added to it — which
 * costs it part of its support (`conflictKeep`).
 */
import type { SimilarityRow } from './candidates.ts';
import type { DirectAnswerConflict } from './direct-answer.ts';
import { contradictionMargin } from './contradiction-probe.ts';
import { findConflict, phrases, phraseText, type Conflict } from './conflicts.ts';
import { namedIn } from './name-forms.ts';
import type { ScoringParams } from './params.ts';
import type { PreparedSentence, PreparedText } from './prepare.ts';
import type { SampleEvidence } from './types.ts';
import { changedWord, type ChangedWord } from './word-change.ts';
import { coverage, distinctTokens, type TokenWeight } from './weights.ts';

export interface SampleSupport {
  /** 0..1, how much this sample backs the sentence. */
  support: number;
  conflict: Conflict | null;
  evidence: SampleEvidence;
}

/** Below this combined match the sample has no counterpart for the sentence at all. */
const COUNTERPART_FLOOR = 0.35;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** One sample as one answer sentence is judged against it. */
export interface JudgedSample {
  prepared: PreparedText;
  /** Its position among all samples, blank ones included. */
  index: number;
  /** Cosines of the sentence with the judged sentences of the sample it is compared with (all
   * of them, unless the sample is long; see core/candidates.ts). */
  cosines: SimilarityRow;
}

/** What stays the same for every sentence and sample of one report. */
export interface SupportContext {
  /** Every normalised content token of the answer. */
  answerNorms: ReadonlySet<string>;
  weight: TokenWeight;
  params: ScoringParams;
}

/**
 * `vector` is the sentence's own embedding, given only when the contradiction probe fits the
 * encoder that made it.
 */
export function sampleSupport(
  sentence: PreparedSentence,
  { prepared: sample, index: sampleIndex, cosines }: JudgedSample,
  { answerNorms, weight, params }: SupportContext,
  vector?: Float32Array,
): SampleSupport {
  const tokens = distinctTokens(sentence.tokens);
  const lexical = coverage(tokens, sample.norms, weight);

  let bestCosine = 0;
  let counterpart = -1;
  let counterpartMatch = -Infinity;
  let counterpartOverlap = 0;
  let counterpartCosine = 0;

  for (let k = 0; k < cosines.cols.length; k++) {
    const j = cosines.cols[k]!;
    const c = cosines.cosines[k]!;
    if (c > bestCosine) bestCosine = c;
    const overlap = coverage(tokens, sample.sentences[j]!.norms, weight);
    const match = (c + overlap) / 2;
    if (match > counterpartMatch) {
      counterpartMatch = match;
      counterpart = j;
      counterpartOverlap = overlap;
      counterpartCosine = c;
    }
  }

  const semantic = clamp01(
    (bestCosine - params.cosineFloor) / (params.cosineCeiling - params.cosineFloor),
  );
  // A table row is a fragment ("1869, Construction begins"): its embedding matches a full
  // sentence saying the same poorly, so a row is judged on its values and words alone.
  const semanticWeight = sentence.segment.kind === 'table-row' ? 0 : params.semanticWeight;
  let support = semanticWeight * semantic + (1 - semanticWeight) * lexical;

  const other = counterpartMatch >= COUNTERPART_FLOOR ? sample.sentences[counterpart] : undefined;
  const otherCosine = other ? counterpartCosine : 0;
  const sameStatement =
    other !== undefined && (otherCosine >= params.sameStatementCosine || counterpartOverlap >= 0.5);
  const change = other ? changedWord(sentence, other, otherCosine) : null;
  let conflict = sameStatement
    ? findConflict(sentence, other, sample.norms, answerNorms, otherCosine)
    : null;
  // A word swapped for its opposite or a sibling term is a change of fact; a synonym is not.
  if (!conflict && change && (change.change === 'antonym' || isOrdinalSwap(change))) {
    conflict = changeConflict(change);
  }
  if (conflict) support *= params.conflictKeep;

  // A word swapped, in one place, for one WordNet does not call its synonym: the rest is the
  // same, but the sample does not back that word — nor the sentence, however much it shares.
  const swap = !conflict && change?.change === 'swap' ? change : null;
  // Backing means this sample alone would leave the sentence under the flag threshold.
  const supports = !conflict && !swap && 1 - support < params.threshold;
  let answerSpans: string[] = [];
  let sampleSpans: string[] = [];
  if (conflict) {
    ({ answerSpans, sampleSpans } = conflict);
  } else if (swap) {
    answerSpans = [swap.answerWord];
    sampleSpans = [swap.sampleWord];
  } else if (!supports) {
    // What the sample never repeats: the unsupported details, numbers and names first.
    // Adjacent names are one span ("Hayden Christensen").
    const missing = new Set(tokens.filter((t) => !namedIn(t, sample.norms)));
    const rank = { number: 0, name: 1, word: 2 } as const;
    const runs = phrases(sentence, [...missing]).map((run) => ({
      kind: sentence.tokens[run[0]]!.kind,
      text: phraseText(sentence, run),
    }));
    answerSpans = [...new Set(runs.sort((a, b) => rank[a.kind] - rank[b.kind]).map((r) => r.text))];
  }

  return {
    support,
    conflict,
    evidence: {
      sample: sampleIndex,
      counterpart: other ? other.segment.text : null,
      similarity: clamp01(otherCosine),
      supports,
      answerSpans,
      sampleSpans,
      support,
      conflict: conflict?.type ?? null,
      change: change?.change ?? null,
      ...(other && vector
        ? { probe: contradictionMargin(vector, sample.vectors[counterpart]!) }
        : {}),
    },
  };
}

/**
 * A sample's support after finding that it names something else for what the question asked
 * (direct-answer.ts): an entity conflict with the sample's sentence naming it, unless the sample
 * backs the sentence anyway or already conflicts with it in a typed way.
 */
export function withNamedElsewhere(
  current: SampleSupport,
  named: DirectAnswerConflict,
  cosine: number,
  params: ScoringParams,
): SampleSupport {
  if (current.evidence.supports) return current;
  if (current.conflict && current.conflict.type !== 'unsupported') return current;
  const conflict: Conflict = {
    type: 'entity',
    answerSpans: named.answerSpans,
    sampleSpans: named.sampleSpans,
  };
  // An "unsupported" conflict has cut the support already.
  const support = current.conflict ? current.support : current.support * params.conflictKeep;
  return {
    support,
    conflict,
    evidence: {
      ...current.evidence,
      counterpart: named.counterpart.segment.text,
      similarity: clamp01(cosine),
      supports: false,
      answerSpans: named.answerSpans,
      sampleSpans: named.sampleSpans,
      support,
      conflict: 'entity',
      change: null,
      // The probe read the old counterpart; the name conflict speaks for itself.
      probe: undefined,
    },
  };
}

/** Ordinals that stand for a number ("the third quarter"), unlike other sibling terms. */
const ORDINAL = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)$/;

const isOrdinalSwap = (c: ChangedWord) =>
  c.change === 'sibling' && ORDINAL.test(c.answerWord) && ORDINAL.test(c.sampleWord);

/** An opposite is a contradiction; a sibling term a different value (a number for ordinals). */
function changeConflict(c: ChangedWord): Conflict {
  const ordinal = ORDINAL.test(c.answerWord) && ORDINAL.test(c.sampleWord);
  return {
    type: c.change === 'antonym' ? 'contradiction' : ordinal ? 'number' : 'entity',
    answerSpans: [c.answerWord],
    sampleSpans: [c.sampleWord],
  };
}
