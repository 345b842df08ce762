/**
 * Types of the analysis report: what the core computes (src/core/analysis.ts) and what the UI,
 * the CLI and stored results read. Fields may be added; the ones here are relied on across
 * contexts, so never remove or rename one. Reports are plain JSON-safe data (no Maps, no
 * typed arrays), so they cross extension contexts and files as they are.
 */

/** How an answer sentence disagrees with the other samples. */
export type InconsistencyType =
  /** The samples state the opposite: a flipped negation (also "Yes"/"No") or an antonym
   * ("rose"/"fell"), between nearly identical sentences. */
  | 'contradiction'
  /** Same statement with a different number, date or quantity of the same sort (a year
   * against a year, a month against a month, a count against a count) in the same place. */
  | 'number'
  /** Same statement with a different name, place, title or organisation: capitalised words
   * the sample lacks where its counterpart, otherwise saying the same, puts others the answer
   * never mentions. */
  | 'entity'
  /** A statement in this answer that few or no samples make, without a counterpart that
   * states it differently. */
  | 'unsupported'
  /** Something most samples say that this answer leaves out (answer level). */
  | 'omission';

/** The types that mark one sentence of the answer (omissions are answer level). */
export const SENTENCE_TYPES = ['contradiction', 'number', 'entity', 'unsupported'] as const;

export const INCONSISTENCY_TYPES: readonly InconsistencyType[] = [...SENTENCE_TYPES, 'omission'];

export type SegmentKind = 'sentence' | 'list-item' | 'table-row' | 'heading' | 'code';

/**
 * A piece of an answer with character offsets into the original text ([start, end)):
 * `answer.slice(start, end) === text`. List markers and surrounding whitespace are outside the
 * range; inline markdown (bold, links) is inside it. When sentences are given by the caller and
 * one cannot be found in the answer, start === end marks where it was expected.
 */
export interface Segment {
  index: number;
  text: string;
  start: number;
  end: number;
  kind: SegmentKind;
  /** False for segments that are kept whole but not judged: code blocks, headings, table header
   * rows and a sentence that only introduces the list, table or code after it. */
  judged: boolean;
}

/** What one sample says about one answer sentence. */
export interface SampleEvidence {
  /** Index into the samples array (0-based; the user's answer is not a sample). */
  sample: number;
  /** The sample's best counterpart sentence, or null when it has none. */
  counterpart: string | null;
  /** Embedding cosine of the counterpart with the answer sentence, clamped to 0..1 (0 when
   * there is no counterpart). */
  similarity: number;
  /** Whether this sample backs the answer sentence: no conflict, and this sample alone would
   * leave the sentence's score under the threshold. */
  supports: boolean;
  /** Spans of the answer sentence that differ from the counterpart (e.g. "1820"), as written.
   * For a sample that merely does not back the sentence: the content words it never repeats,
   * numbers and names first. Empty when the sample backs it. */
  answerSpans: string[];
  /** The corresponding spans of the counterpart (e.g. "1829"). */
  sampleSpans: string[];
  /** How much this sample backs the sentence, 0..1 (after any conflict's cut). Optional only so
   * that hand-made reports (fixtures) need not set it; the core always does. */
  support?: number;
  /** The kind of conflict the counterpart shows, or null when it states nothing different:
   * "unsupported" here is a detail the answer adds to a statement the sample makes without it. */
  conflict?: Exclude<InconsistencyType, 'omission'> | null;
  /** When the counterpart is the answer sentence with one word changed: how the two words relate
   * in WordNet — opposites, sibling terms ("second"/"third": a change of fact) or synonyms (a
   * paraphrase) — else null. */
  change?: WordChange | null;
  /** The contradiction probe's margin for the sentence and its counterpart: the higher, the
   * more the pair leans to contradiction; 0 is ChatProtect's average pair (contradiction-probe.ts). Absent without a counterpart, or when the encoder
   * is not the one the probe was fitted on. */
  probe?: number;
}

/** "swap": a word replaced by one that is neither its synonym nor related in WordNet. */
export type WordChange = 'antonym' | 'sibling' | 'synonym' | 'swap';

/** How sure the analysis is that a sentence is wrong: "likely" gets a clear underline,
 * "uncertain" a faint one (see src/core/severity.ts). */
export type SeverityLevel = 'likely' | 'uncertain';

/** How many flags a reader wants: each picks a severity from which a sentence is "likely". */
export type Sensitivity = 'fewer' | 'balanced' | 'more';

export interface SentenceFinding {
  segment: Segment;
  /**
   * Inconsistency score in 0..1, higher = more likely wrong: 1 − the samples' support combined
   * by a quadratic (power) mean (each sample's support mixes embedding similarity with coverage
   * of the sentence's content words, numbers and names, and is cut by a conflict), blended with
   * the answer's mean. Comparable within a report and across reports with the same embedder and parameters.
   */
  score: number;
  /** Number of samples that back this sentence (see SampleEvidence.supports). */
  support: number;
  /** support / number of samples compared (empty samples are not compared; 0 without any). */
  supportShare: number;
  /**
   * Probability-like chance that the sentence is wrong, 0..1: a logistic model over the score,
   * conflict and absence evidence, the sample count and one-word changes, calibrated on the
   * development data (src/core/severity.ts). Optional only so that hand-made reports need not
   * set it; the core always does.
   */
  severity?: number;
  /** The severity's level at the default sensitivity ("balanced"), or null for neither. */
  level?: SeverityLevel | null;
  /** Level "likely" at the default sensitivity: exactly what the page underlines by default. */
  flagged: boolean;
  /** Type of the disagreement when the sentence has a level (likely or uncertain), else null:
   * the conflict type most samples show, else "unsupported". Never "omission" (answer level). */
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
  /** Every group as indices into [answer, ...samples], largest first. Grouped by explicit final
   * answer when at least half of the answers state one, else by meaning. */
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
  /** Overall agreement of the samples with the answer, 0..1: the mean of 1 − score over the
   * judged sentences (0 when there is nothing to compare; see `notice`). */
  agreement: number;
  /** Score at or above which a sentence is flagged (a UI may offer a stricter one). */
  threshold: number;
  counts: Record<InconsistencyType, number>;
  /** Model that produced the embeddings (Embedder.id). */
  embedder: string;
  /**
   * Why the report judges less than usual — no sentences in the answer, no samples yet, empty
   * samples left out — or null when everything was judged. With no usable samples nothing is
   * flagged and `agreement` is 0, so UIs should show this notice rather than the numbers.
   * Always set by the core; optional only so that hand-made reports (fixtures) need not.
   */
  notice?: string | null;
}
