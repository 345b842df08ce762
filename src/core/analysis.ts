/**
 * The analysis engine's entry point. An analysis is created for one answer (segmented and
 * embedded once), samples are added one at a time as they arrive (each segmented, embedded and
 * compared with the answer once), and a report can be read at any moment. Reading a report only
 * re-weighs cached evidence — content-word rarity depends on every sample so far — and never
 * embeds anything again, so incremental and batch analysis give the same report.
 *
 * Sentences are compared through sparse similarity rows (core/candidates.ts): every pair for
 * texts of normal length, a bounded set of candidates for long ones, so the work grows about
 * linearly with length. The heavy steps are generators (core/slices.ts), run straight through by
 * `report()` and in slices that hand the event loop back by `addSample` and `reportInSlices`.
 */
import { probeFits } from './contradiction-probe.ts';
import type { Embedder } from './embedder.ts';
import { rowComparer, type ComparableText, type SimilarityRow } from './candidates.ts';
import { answerSimilarity, pickConsensus } from './consensus.ts';
import { directAnswerConflicts } from './direct-answer.ts';
import { detectLanguage, OTHER_LANGUAGE_NOTICE } from './language.ts';
import { locateSentences } from './locate.ts';
import { findOmissions } from './omissions.ts';
import { resolveParams, type ScoringParams } from './params.ts';
import { prepareText, type PreparedText } from './prepare.ts';
import { scoreSentence, sentenceDisagreement } from './score.ts';
import { gradeSentences } from './severity.ts';
import { mapSliced, runInSlices, runToEnd, type SliceOptions, type Sliced } from './slices.ts';
import { sampleSupport, withNamedElsewhere } from './support.ts';
import { INCONSISTENCY_TYPES, type AnalysisReport, type InconsistencyType } from './types.ts';
import { jaccard } from './vectors.ts';
import { tokenWeights } from './weights.ts';

type AbortSignalLike = { readonly aborted: boolean };

export interface AnalysisOptions {
  /** Overrides of the scoring parameters (benchmarks and experiments). */
  params?: Partial<ScoringParams>;
  /**
   * Judge exactly these sentences, in order, instead of segmenting the answer (the `score`
   * batch contract). They are located in the answer for offsets where possible.
   */
  sentences?: readonly string[];
  /** The question the answer replies to, when known: lets a sample that names something else
   * for what was asked conflict with the answer's sentence naming it (core/direct-answer.ts). */
  prompt?: string | undefined;
  signal?: AbortSignalLike;
  /** Longest stretch of comparison work between two pauses, in ms (see core/slices.ts). */
  sliceBudgetMs?: number;
}

export interface Analysis {
  /** Number of samples added so far, blank ones included. */
  readonly sampleCount: number;
  /** Segments, embeds and compares one more sample; earlier work is kept. */
  addSample(text: string, signal?: AbortSignalLike): Promise<void>;
  /** The report over the answer and every sample added so far. */
  report(): AnalysisReport;
  /** The same report, built in slices that hand the event loop back between them. */
  reportInSlices(options?: SliceOptions): Promise<AnalysisReport>;
}

interface SampleState {
  prepared: PreparedText;
  /** Per answer sentence, its cosines with (candidate) sentences of this sample. */
  answerRows: SimilarityRow[];
  /** Per sentence of this sample, its cosines with (candidate) sentences of the answer. */
  sampleRows: SimilarityRow[];
}

/** Sentences of a sample read to estimate its similarity with another sample. */
const SIMILARITY_ROWS = 64;

/**
 * similarityRows(from, to), pausing after each row; with `most`, only that many rows, evenly
 * spread over `from`.
 */
function* rowsSliced(
  from: ComparableText,
  to: ComparableText,
  most = Infinity,
): Sliced<SimilarityRow[]> {
  const rowOf = rowComparer(from, to);
  const n = from.vectors.length;
  const count = Math.min(n, most);
  const rows: SimilarityRow[] = [];
  for (let k = 0; k < count; k++) {
    rows.push(rowOf(count === n ? k : Math.floor(((k + 0.5) * n) / count)));
    yield;
  }
  return rows;
}

/**
 * Whole-text similarity of two samples (see answerSimilarity), pausing as it goes. For long
 * samples it is estimated from SIMILARITY_ROWS sentences each way: it only groups the answers.
 */
function* textSimilarity(a: ComparableText, b: ComparableText): Sliced<number> {
  if (a.vectors.length === 0 || b.vectors.length === 0) return 0;
  return answerSimilarity(
    yield* rowsSliced(a, b, SIMILARITY_ROWS),
    yield* rowsSliced(b, a, SIMILARITY_ROWS),
  );
}

export async function createAnalysis(
  answer: string,
  embedder: Embedder,
  options: AnalysisOptions = {},
): Promise<Analysis> {
  if (typeof answer !== 'string') throw new TypeError('The answer must be a string');
  const params = resolveParams(options.params);
  const segments = options.sentences ? locateSentences(answer, options.sentences) : undefined;
  // The samples are read in the answer's language, so both sides are tokenised alike.
  const language = detectLanguage(answer);
  const prepared = await prepareText(answer, embedder, {
    signal: options.signal,
    segments,
    language,
  });
  const samples: (SampleState | null)[] = [];
  const sampleTexts: string[] = [];
  // Whole-answer similarities between [answer, ...samples], grown as samples arrive.
  const similarity: number[][] = [[1]];
  const wording: number[][] = [[1]];
  // Calls are serialised so samples keep their order even when the caller does not await.
  let queue: Promise<void> = Promise.resolve();

  /** Segments and embeds a sample at once, while earlier samples are still being compared. */
  function prepare(text: string, signal?: AbortSignalLike): Promise<PreparedText | null> {
    if (text.trim() === '') return Promise.resolve(null);
    const prepared = prepareText(text, embedder, { signal, language });
    // Awaited in turn by add(); until then a failure must not count as unhandled.
    prepared.catch(() => undefined);
    return prepared;
  }

  async function add(
    text: string,
    prepared: Promise<PreparedText | null>,
    signal?: AbortSignalLike,
  ): Promise<void> {
    await runInSlices(compare(text, await prepared), { signal, budgetMs: options.sliceBudgetMs });
  }

  /** Compares a prepared sample with the answer and every earlier sample, then keeps it. */
  function* compare(text: string, sample: PreparedText | null): Sliced<void> {
    const index = samples.length;
    let state: SampleState | null = null;
    const row: number[] = [];
    if (sample) {
      state = {
        prepared: sample,
        answerRows: yield* rowsSliced(prepared, sample),
        sampleRows: yield* rowsSliced(sample, prepared),
      };
      row.push(answerSimilarity(state.sampleRows, state.answerRows));
      for (const other of samples)
        row.push(other ? yield* textSimilarity(sample, other.prepared) : 0);
    } else {
      row.push(...Array<number>(samples.length + 1).fill(0));
    }
    row.forEach((sim, j) => similarity[j]!.push(sim));
    similarity.push([...row, 1]);
    const norms = state?.prepared.norms ?? new Set<string>();
    const words = [prepared.norms, ...samples.map((s) => s?.prepared.norms ?? new Set<string>())];
    const wordRow = words.map((other) => jaccard(norms, other));
    wordRow.forEach((sim, j) => wording[j]!.push(sim));
    wording.push([...wordRow, 1]);
    samples[index] = state;
    sampleTexts[index] = text;
  }

  return {
    get sampleCount() {
      return samples.length;
    },

    addSample(text, signal) {
      if (typeof text !== 'string') {
        return Promise.reject(new TypeError(`Sample ${samples.length + 1} must be a string`));
      }
      // The embedding starts now, so the embedder is never idle while a comparison runs; the
      // comparisons themselves keep the samples' order.
      const prepared = prepare(text, signal);
      const next = queue.then(() => add(text, prepared, signal));
      // A failed sample must not block the ones after it.
      queue = next.catch(() => undefined);
      return next;
    },

    report() {
      return runToEnd(
        buildReport({
          embedderId: embedder.id,
          answer: prepared,
          states: samples,
          sampleTexts,
          similarity,
          wording,
          params,
          prompt: options.prompt,
        }),
      );
    },

    reportInSlices(sliceOptions) {
      // A snapshot: a sample added between two slices must not change the report half-way.
      const report = buildReport({
        embedderId: embedder.id,
        answer: prepared,
        states: [...samples],
        sampleTexts: [...sampleTexts],
        similarity: similarity.map((row) => [...row]),
        wording: wording.map((row) => [...row]),
        params,
        prompt: options.prompt,
      });
      return runInSlices(report, { budgetMs: options.sliceBudgetMs, ...sliceOptions });
    },
  };
}

/** Batch form: the same as adding every sample in order, then reading the report. */
export async function analyze(
  answer: string,
  samples: readonly string[],
  embedder: Embedder,
  options: AnalysisOptions = {},
): Promise<AnalysisReport> {
  if (!Array.isArray(samples)) throw new TypeError('The samples must be an array of strings');
  const analysis = await createAnalysis(answer, embedder, options);
  for (const s of samples) await analysis.addSample(s, options.signal);
  return analysis.report();
}

/** What a report is computed from: the answer, the samples so far and their similarities. */
interface ReportInput {
  embedderId: string;
  answer: PreparedText;
  /** One per sample added, null for a blank one. */
  states: readonly (SampleState | null)[];
  sampleTexts: readonly string[];
  /** Whole-text similarities over [answer, ...samples]: by meaning, and by shared words. */
  similarity: readonly (readonly number[])[];
  wording: readonly (readonly number[])[];
  params: ScoringParams;
  prompt: string | undefined;
}

function* buildReport(input: ReportInput): Sliced<AnalysisReport> {
  const { embedderId, answer, states, sampleTexts, similarity, wording, params, prompt } = input;
  const counted = states.flatMap((s, i) => (s ? [{ ...s, index: i }] : []));
  const prepared = counted.map((s) => s.prepared);
  const weight = tokenWeights(answer, prepared, params);
  const context = { answerNorms: answer.norms, weight, params };
  const probe = probeFits(embedderId, answer.vectors[0]?.length ?? 0);

  const perSentence = yield* mapSliced(answer.sentences, (sentence, row) =>
    counted.map((s) =>
      sampleSupport(
        sentence,
        { prepared: s.prepared, index: s.index, cosines: s.answerRows[row]! },
        context,
        probe ? answer.vectors[row] : undefined,
      ),
    ),
  );
  // A sample naming something else for what was asked, in a sentence split another way.
  directAnswerConflicts(prompt, answer, prepared).forEach((conflict, k) => {
    if (!conflict) return;
    const row = counted[k]!.answerRows[conflict.row]!;
    const col = row.cols.indexOf(counted[k]!.prepared.sentences.indexOf(conflict.counterpart));
    const bySentence = perSentence[conflict.row]!;
    bySentence[k] = withNamedElsewhere(bySentence[k]!, conflict, row.cosines[col] ?? 0, params);
  });
  const answerDisagreement =
    perSentence.reduce((sum, p) => sum + sentenceDisagreement(p, params.supportPower), 0) /
    Math.max(1, perSentence.length);
  const sentences = gradeSentences(
    perSentence.map((perSample, row) =>
      scoreSentence(answer.sentences[row]!.segment, perSample, answerDisagreement, params),
    ),
  );
  const omissions = yield* findOmissions(
    answer,
    prepared,
    counted.map((s) => s.index),
    counted.map((s) => s.sampleRows),
    weight,
  );

  const counts = Object.fromEntries(INCONSISTENCY_TYPES.map((t) => [t, 0])) as Record<
    InconsistencyType,
    number
  >;
  for (const s of sentences) if (s.type) counts[s.type]++;
  counts.omission += omissions.length;

  const blank = states.length - counted.length;
  const notices: string[] = [];
  if (answer.sentences.length === 0) notices.push('The answer has no sentences to judge.');
  if (answer.language !== 'en') notices.push(OTHER_LANGUAGE_NOTICE);
  if (states.length === 0) notices.push('No samples yet: nothing to compare the answer with.');
  else if (counted.length === 0) notices.push('Every sample is empty: nothing to compare with.');
  else if (blank > 0) notices.push(`${blank} empty sample(s) were left out of the comparison.`);

  const agreement =
    counted.length === 0 || sentences.length === 0
      ? 0
      : sentences.reduce((sum, s) => sum + (1 - s.score), 0) / sentences.length;

  return {
    version: 1,
    answer: answer.text,
    samples: [...sampleTexts],
    sentences,
    omissions,
    consensus: pickConsensus(
      [answer.text, ...sampleTexts],
      similarity,
      wording,
      params.groupSimilarity,
    ),
    agreement,
    threshold: params.threshold,
    counts,
    embedder: embedderId,
    notice: notices.length > 0 ? notices.join(' ') : null,
  };
}
