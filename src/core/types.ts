/**
 * Types of the analysis report: what the core computes and what the UI, the CLI and stored
 * results read. Fields may be added; the ones here are relied on across contexts.
 */

/** How an answer sentence disagrees with the other samples. */
export type InconsistencyType =
  /** The samples state the opposite (negation, antonym, yes/no, reversed relation). */
  | 'contradiction'
  /** Same statement with a different number, date, quantity or unit. */
  | 'number'
  /** Same statement with a different name, place, title or organisation. */
  | 'entity'
  /** A statement in this answer that few or no samples make. */
  | 'unsupported'
  /** Something most samples say that this answer leaves out (answer level). */
  | 'omission';

export const INCONSISTENCY_TYPES: readonly InconsistencyType[] = [
  'contradiction',
  'number',
  'entity',
  'unsupported',
  'omission',
];

export type SegmentKind = 'sentence' | 'list-item' | 'table-row' | 'heading' | 'code';

/** A piece of an answer with character offsets into the original text ([start, end)). */
export interface Segment {
  index: number;
  text: string;
  start: number;
  end: number;
  kind: SegmentKind;
  /** False for code blocks and other segments that are kept whole but not judged. */
  judged: boolean;
}

/** What one sample says about one answer sentence. */
export interface SampleEvidence {
  /** Index into the samples array (0-based; the user's answer is not a sample). */
  sample: number;
  /** The sample's best counterpart sentence, or null when it has none. */
  counterpart: string | null;
  /** Similarity of the counterpart to the answer sentence, 0..1. */
  similarity: number;
  /** Whether this sample backs the answer sentence. */
  supports: boolean;
  /** Spans of the answer sentence that differ from the counterpart (e.g. "1820"). */
  answerSpans: string[];
  /** The corresponding spans of the counterpart (e.g. "1829"). */
  sampleSpans: string[];
}

export interface SentenceFinding {
  segment: Segment;
  /** Inconsistency score in 0..1, higher = more likely wrong. */
  score: number;
  /** Number of samples that back this sentence. */
  support: number;
  /** support / number of samples. */
  supportShare: number;
  flagged: boolean;
  /** Type of the disagreement when flagged, else null. */
  type: InconsistencyType | null;
  evidence: SampleEvidence[];
}

/** Something most samples say that the answer leaves out. */
export interface Omission {
  /** Representative wording (from the most central sample). */
  text: string;
  /** Samples that say it. */
  samples: number[];
  /** Each of those samples' wording, in the same order as `samples`. */
  wording: string[];
}

export interface Consensus {
  /** Index into [answer, ...samples]; 0 is the user's answer. */
  index: number;
  /** Size of the group the pick belongs to (counting the pick). */
  groupSize: number;
  /** Every group as indices into [answer, ...samples], largest first. */
  groups: number[][];
  /** Explicit final answer of the pick, when answers state one. */
  finalAnswer: string | null;
  /** One sentence on why this answer was picked. */
  reason: string;
}

export interface AnalysisReport {
  version: 1;
  answer: string;
  samples: string[];
  sentences: SentenceFinding[];
  omissions: Omission[];
  consensus: Consensus;
  /** Overall agreement of the samples with the answer, 0..1. */
  agreement: number;
  /** Score at or above which a sentence is flagged. */
  threshold: number;
  counts: Record<InconsistencyType, number>;
  /** Model that produced the embeddings (Embedder.id). */
  embedder: string;
}
