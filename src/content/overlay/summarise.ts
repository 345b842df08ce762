/**
 * The words of the overlay: counts, plurals and the readings of a report that the summary and
 * the card show. Pure functions, so the phrasing is tested without rendering.
 */
import type { AnalysisReport, InconsistencyType, SentenceFinding } from '../../core/types.ts';

/** "1 sample", "3 samples". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * "k of N samples <verb>" with the verb agreeing with k: "1 of 5 samples agrees",
 * "2 of 5 samples agree", "All 3 samples agree", "None of the 4 samples agree".
 */
export function ofSamples(k: number, total: number, verb: string, verbSingular: string): string {
  if (total === 1)
    return k === 1 ? `The one sample ${verbSingular}` : `The one sample does not ${verb}`;
  if (k === 0) return `None of the ${total} samples ${verb}`;
  if (k === total) return `All ${total} samples ${verb}`;
  return `${k} of ${total} samples ${k === 1 ? verbSingular : verb}`;
}

/** Label of an entry of [answer, ...samples]: 0 is the user's answer, n is sample n. */
export function answerLabel(index: number): string {
  return index === 0 ? 'your answer' : `sample ${index}`;
}

/** Same, capitalised for the start of a line. */
export function answerTitle(index: number): string {
  return index === 0 ? 'Your answer' : `Sample ${index}`;
}

/** The text of an entry of [answer, ...samples]. */
export function answerText(report: AnalysisReport, index: number): string {
  return index === 0 ? report.answer : (report.samples[index - 1] ?? '');
}

/**
 * How many samples mostly agree with the answer: those that back at least half of the judged
 * sentences they were compared on. Read from the per-sentence evidence, so it matches the
 * highlights the user sees.
 */
export function samplesMostlyAgreeing(report: AnalysisReport): number {
  const judged = report.sentences.filter((s) => s.segment.judged);
  if (judged.length === 0) return report.samples.length;
  let agreeing = 0;
  for (let sample = 0; sample < report.samples.length; sample++) {
    let backed = 0;
    for (const finding of judged) {
      if (finding.evidence.some((e) => e.sample === sample && e.supports)) backed++;
    }
    if (backed * 2 >= judged.length) agreeing++;
  }
  return agreeing;
}

/**
 * The summary's headline, e.g. "4 of 5 samples mostly agree". The core's notice replaces it when
 * the report judged less than usual (no usable samples, no sentences), because the numbers would
 * then mislead. Reports stored before `notice` existed lack it.
 */
export function headline(report: AnalysisReport): string {
  if (report.notice) return report.notice;
  const total = report.samples.length;
  if (total === 0) return 'No samples to compare with';
  return `${ofSamples(samplesMostlyAgreeing(report), total, 'mostly agree', 'mostly agrees')} with this answer`;
}

export interface Flag {
  /** Index into `report.sentences`. */
  index: number;
  finding: SentenceFinding;
  type: Exclude<InconsistencyType, 'omission'>;
}

/** The flagged sentences in reading order, with their type. */
export function flags(report: AnalysisReport): Flag[] {
  const out: Flag[] = [];
  report.sentences.forEach((finding, index) => {
    if (finding.flagged && finding.type && finding.type !== 'omission') {
      out.push({ index, finding, type: finding.type });
    }
  });
  return out;
}

/** "2 of 5 samples agree" for a sentence. */
export function supportText(finding: SentenceFinding, sampleCount: number): string {
  return ofSamples(finding.support, sampleCount, 'agree', 'agrees');
}

/** "Sampling 2 of 4…": how many answers are back, counting the one being waited for. */
export function samplingText(done: number, total: number): string {
  const current = Math.min(done + 1, total);
  return done >= total ? `Sampled ${total} of ${total}` : `Sampling ${current} of ${total}…`;
}
