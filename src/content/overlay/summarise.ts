/**
 * The words of the overlay: counts, plurals and the readings of a report that the summary and
 * the card show. Pure functions, so the phrasing is tested without rendering.
 */
import type { AnalysisReport, SentenceFinding } from '../../core/types.ts';
import { ofSamples, stanceOf } from '../../shared/report-reading.ts';

export {
  agreement,
  coverageNote,
  headline,
  ofSamples,
  samplesAgreeing,
  shownCounts,
  shownFlags as flags,
  shownOmissions,
  strongestFirst,
  type Flag,
} from '../../shared/report-reading.ts';
export { progressText } from '../../shared/run-status.ts';

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
 * "2 of 5 samples back this sentence", and how many of the others back part of it: beside a
 * "Partly backed" label, a bare "None of the 4 samples back this sentence" reads as a contradiction
 * of the sample lines below it that say "partly backs it".
 */
export function supportText(finding: SentenceFinding, sampleCount: number): string {
  const partly = finding.evidence.filter(
    (e) => stanceOf(e, finding.segment.text) === 'partly',
  ).length;
  if (partly === 0)
    return `${ofSamples(finding.support, sampleCount, 'back', 'backs')} this sentence`;
  const part = `${partly} ${partly === 1 ? 'backs' : 'back'} part of it`;
  if (finding.support === 0)
    return `${ofSamples(0, sampleCount, 'back', 'backs')} all of this sentence; ${part}`;
  return `${ofSamples(finding.support, sampleCount, 'back', 'backs')} this sentence; ${partly} more ${partly === 1 ? 'backs' : 'back'} part of it`;
}
