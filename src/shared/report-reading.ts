/**
 * One reading of a report for every surface (summary bar, card, consensus, popup, badge): which
 * sentences are shown as flags at the reader's sensitivity, how many samples agree with the answer, and the one sentence that
 * says so. Reading it once here is what keeps the numbers on different surfaces the same.
 * Pure, so it is tested without rendering.
 */
import { isBoilerplate } from '../core/boilerplate.ts';
import { DEFAULT_SENSITIVITY, sentenceLevel } from '../core/severity.ts';
import type {
  AnalysisReport,
  InconsistencyType,
  Omission,
  SampleEvidence,
  SentenceFinding,
  Sensitivity,
  SeverityLevel,
} from '../core/types.ts';

export type SentenceType = Exclude<InconsistencyType, 'omission'>;

export interface Flag {
  /** Index into `report.sentences`. */
  index: number;
  finding: SentenceFinding;
  type: SentenceType;
  /** "likely" (clear underline) or "uncertain" (faint) at the reader's sensitivity. */
  level: SeverityLevel;
}

const STOP = new Set(
  'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its may might more most much must no not of on or our she should so such than that the their them then there these they this those to too very was we were what when where which who whom why will with would you your'.split(
    ' ',
  ),
);

/** Lower-cased content words of a text (numbers kept, stop words dropped). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).filter(
    (w) => !STOP.has(w) && (w.length > 2 || /\d/.test(w)),
  );
}

/** Share of `a`'s content words that `b` also has (0 when `a` has none). */
function overlap(a: string, b: string): number {
  const words = new Set(contentWords(a));
  if (words.size === 0) return 0;
  const other = new Set(contentWords(b));
  let shared = 0;
  for (const w of words) if (other.has(w)) shared++;
  return shared / words.size;
}

/** An omission saying what a flagged sentence of the answer already says: the same point. */
const SAME_POINT = 0.5;

function omissionRepeats(omission: Omission, finding: SentenceFinding): boolean {
  return (
    overlap(omission.text, finding.segment.text) >= SAME_POINT ||
    overlap(finding.segment.text, omission.text) >= SAME_POINT
  );
}

/**
 * The type a flag is shown as: a different number or name only when some sample shows the
 * differing words (else the card could not show the difference it names), otherwise unsupported.
 */
export function shownType(
  finding: SentenceFinding,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): SentenceType | null {
  const type = finding.type;
  // Likely and uncertain sentences are both shown (the latter with a faint underline).
  if (!sentenceLevel(finding, sensitivity) || !type || type === 'omission') return null;
  if (type === 'number' || type === 'entity') {
    const shown = finding.evidence.some((e) => !e.supports && e.sampleSpans.length > 0);
    return shown ? type : 'unsupported';
  }
  return type;
}

/**
 * The flags a reader is shown, in reading order: flagged sentences, less disclaimers and hedges
 * (nothing to back or contradict), less unsupported sentences that an omission repeats (the
 * samples do make that point, in other words, so listing it twice would contradict itself).
 */
export function shownFlags(
  report: AnalysisReport,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): Flag[] {
  const out: Flag[] = [];
  report.sentences.forEach((finding, index) => {
    const type = shownType(finding, sensitivity);
    const level = sentenceLevel(finding, sensitivity);
    if (!type || !level) return;
    if (isBoilerplate(finding.segment.text)) return;
    if (type === 'unsupported' && report.omissions.some((o) => omissionRepeats(o, finding))) return;
    out.push({ index, finding, type, level });
  });
  return out;
}

/**
 * Omissions a reader is shown: no disclaimers, and none that repeats an unsupported sentence of
 * the answer (the same point in other words: neither missing nor unbacked).
 */
export function shownOmissions(report: AnalysisReport): Omission[] {
  const unsupported = report.sentences.filter((s) => s.flagged && s.type === 'unsupported');
  return report.omissions.filter(
    (o) => !isBoilerplate(o.text) && !unsupported.some((s) => omissionRepeats(o, s)),
  );
}

/** Shown flags counted per type (omissions: shown omissions). */
export function shownCounts(
  report: AnalysisReport,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): Record<InconsistencyType, number> {
  const counts: Record<InconsistencyType, number> = {
    contradiction: 0,
    number: 0,
    entity: 0,
    unsupported: 0,
    omission: shownOmissions(report).length,
  };
  for (const flag of shownFlags(report, sensitivity)) counts[flag.type]++;
  return counts;
}

/** Shown flags, strongest (highest score) first: the order to read them in when there are many. */
export function strongestFirst(flags: readonly Flag[]): Flag[] {
  return [...flags].sort((a, b) => b.finding.score - a.finding.score || a.index - b.index);
}

/** The judged sentences that make a claim (disclaimers and hedges left out). */
export function judgedClaims(report: AnalysisReport): SentenceFinding[] {
  return report.sentences.filter((s) => s.segment.judged && !isBoilerplate(s.segment.text));
}

/**
 * How many samples agree with the answer: those that back at least half of the judged sentences
 * (disclaimers left out) they were compared on. Read from the per-sentence evidence, so it
 * matches the highlights.
 */
export function samplesAgreeing(report: AnalysisReport): number {
  return agreeingSamples(report).filter(Boolean).length;
}

/** Per sample, whether it agrees with the answer (as `samplesAgreeing` counts it). */
export function agreeingSamples(report: AnalysisReport): boolean[] {
  const judged = judgedClaims(report);
  return report.samples.map((_, sample) => {
    if (judged.length === 0) return true;
    let backed = 0;
    for (const finding of judged) {
      if (finding.evidence.some((e) => e.sample === sample && e.supports)) backed++;
    }
    return backed * 2 >= judged.length;
  });
}

/** A sample's evidence that states something different: differing words found, or a conflict named. */
export function saysOtherwise(e: SampleEvidence): boolean {
  const named = e.conflict && e.conflict !== 'unsupported';
  return !e.supports && (!!named || e.sampleSpans.length > 0);
}

/** How many samples contradict at least one judged sentence (a different fact, not a gap). */
function samplesContradicting(report: AnalysisReport): number {
  const judged = judgedClaims(report);
  const against = new Set<number>();
  for (const finding of judged) {
    // As the card's "says otherwise".
    for (const e of finding.evidence) if (saysOtherwise(e)) against.add(e.sample);
  }
  return against.size;
}

export type Majority = 'with' | 'tie' | 'against';

export interface Agreement {
  agreeing: number;
  total: number;
  majority: Majority;
  /** The one sentence every surface shows, e.g. "3 of 4 samples agree with your answer". */
  sentence: string;
  /** What that means, e.g. "your answer is with the majority", "no clear majority". */
  verdict: string;
}

/** "3 of 4 samples agree", "1 of 4 samples agrees", "All 4…", "None of the 4…", "The one sample…". */
export function ofSamples(k: number, total: number, verb: string, verbSingular: string): string {
  if (total === 1)
    return k === 1 ? `The one sample ${verbSingular}` : `The one sample does not ${verb}`;
  if (k === 0) return `None of the ${total} samples ${verb}`;
  if (k === total) return `All ${total} samples ${verb}`;
  return `${k} of ${total} samples ${k === 1 ? verbSingular : verb}`;
}

/** The agreement of the samples with the answer, or null when there is nothing to compare. */
export function agreement(report: AnalysisReport): Agreement | null {
  const total = report.samples.length;
  if (total === 0 || report.notice) return null;
  const agreeing = samplesAgreeing(report);
  const majority: Majority =
    agreeing * 2 > total ? 'with' : agreeing * 2 === total ? 'tie' : 'against';
  const verdict =
    majority === 'with'
      ? 'your answer is with the majority'
      : majority === 'tie'
        ? 'no clear majority'
        : samplesContradicting(report) * 2 > total
          ? 'most samples say something else'
          : // Short samples that state only the main point back few sentences without
            // contradicting any: they say less, not something else.
            'most samples back only part of it';
  return {
    agreeing,
    total,
    majority,
    sentence: `${ofSamples(agreeing, total, 'agree', 'agrees')} with your answer`,
    verdict,
  };
}

/** The headline: the agreement sentence and verdict, or the core's notice when it judged less. */
export function headline(report: AnalysisReport): string {
  if (report.notice) return report.notice;
  const reading = agreement(report);
  if (!reading) return 'No samples to compare with';
  return `${reading.sentence}: ${reading.verdict}`;
}

/**
 * Samples are asked for answers of limited length, so on a long answer they cover only its start:
 * a note when the samples together are much shorter than the answer. Null when they are not.
 */
export function coverageNote(report: AnalysisReport): string | null {
  if (report.samples.length === 0) return null;
  const longest = Math.max(...report.samples.map((s) => s.length));
  if (report.answer.length < 4000 || longest * 2 > report.answer.length) return null;
  const share = Math.max(1, Math.round((longest / report.answer.length) * 100));
  return `The samples are shorter than this answer (the longest is ${share}% of its length), so they mostly cover its beginning; later sentences have less to compare with.`;
}

/** What one sample says about one answer sentence, as the card and the compare view show it. */
export type Stance = 'differs' | 'partly' | 'silent' | 'agrees';

/**
 * "Says otherwise" needs something said otherwise: differing words the core found, or a conflict
 * it named. A sample that does not back the sentence but repeats a good part of its content
 * words, naming nothing different, backs it in part; one whose nearest sentence shares little
 * with it is about something else, so it makes no mention of the point.
 */
export function stanceOf(evidence: SampleEvidence | undefined, sentence: string): Stance {
  if (!evidence || evidence.counterpart === null || evidence.counterpart.trim() === '')
    return 'silent';
  if (evidence.supports) return 'agrees';
  if (saysOtherwise(evidence)) return 'differs';
  const words = new Set(contentWords(sentence));
  if (words.size === 0) return 'silent';
  const said = new Set(contentWords(evidence.counterpart));
  let shared = 0;
  for (const w of words) if (said.has(w)) shared++;
  return shared * 4 >= words.size ? 'partly' : 'silent';
}
