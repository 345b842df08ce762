/**
 * The compare view's reading of a report: the answer beside one sample, sentence by sentence,
 * each row with that sample's counterpart, stance and the kind to mark it with, and which sample
 * to open with (the one that disagrees most). Pure, so it is tested without rendering.
 */
import { isBoilerplate } from '../core/boilerplate.ts';
import { DEFAULT_SENSITIVITY } from '../core/severity.ts';
import { segment } from '../core/segment.ts';
import type {
  AnalysisReport,
  SampleEvidence,
  SentenceFinding,
  Sensitivity,
} from '../core/types.ts';
import {
  judgedClaims,
  saysOtherwise,
  shownFlags,
  shownType,
  stanceOf,
  type Flag,
  type SentenceType,
  type Stance,
} from './report-reading.ts';

/**
 * How much a sample disagrees with the answer: over the judged claims, 2 for each it says
 * otherwise, 1 for each it does not back.
 */
export function sampleDisagreement(report: AnalysisReport, sample: number): number {
  let total = 0;
  for (const finding of judgedClaims(report)) {
    const e = finding.evidence.find((x) => x.sample === sample);
    if (!e) total += 1;
    else if (saysOtherwise(e)) total += 2;
    else if (!e.supports) total += 1;
  }
  return total;
}

/** The sample the compare view opens with: the one that disagrees most (the first on a tie). */
export function mostDisagreeingSample(report: AnalysisReport): number | null {
  let best: number | null = null;
  let bestScore = -1;
  for (let sample = 0; sample < report.samples.length; sample++) {
    const score = sampleDisagreement(report, sample);
    if (score > bestScore) {
      best = sample;
      bestScore = score;
    }
  }
  return best;
}

export interface CompareRow {
  /** Index into `report.sentences`. */
  index: number;
  /** The answer's sentence as a reader sees it (a table row's cells without the pipes). */
  answer: string;
  /** Whether the sentence is judged (code, headings and lead-ins are shown but not compared). */
  judged: boolean;
  /** The sample's counterpart sentence, or null when it has none. */
  counterpart: string | null;
  evidence: SampleEvidence | null;
  stance: Stance | null;
  /**
   * The kind of disagreement to mark the row with, the inline highlights' kinds: what this
   * sample's counterpart shows (its conflict, else the flag's shown kind when it says otherwise),
   * 'unsupported' when it backs only part of it; null when it backs it, says nothing about it, or
   * is not compared.
   */
  kind: SentenceType | null;
  /** The sentence's flag at the reader's sensitivity (its underline on the page), if any. */
  flag: Flag | null;
}

export interface Comparison {
  sample: number;
  rows: CompareRow[];
  /** Sentences of the sample that are no answer sentence's counterpart: what only it says. */
  onlyInSample: string[];
}

function rowKind(
  evidence: SampleEvidence | null,
  stance: Stance | null,
  finding: SentenceFinding,
  sensitivity: Sensitivity,
): SentenceType | null {
  // A sample that backs the sentence, or says nothing about it, marks nothing.
  if (!stance || stance === 'agrees' || stance === 'silent') return null;
  if (evidence?.conflict) return evidence.conflict;
  if (stance === 'differs') {
    const shown = shownType(finding, sensitivity);
    if (shown) return shown;
    return finding.type && finding.type !== 'omission' ? finding.type : 'unsupported';
  }
  return 'unsupported';
}

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** "| 1869 | Construction begins |" → "1869 · Construction begins". */
function tableRowText(text: string): string {
  const cells = text
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
  return cells.length > 0 ? cells.join(' · ') : text;
}

/**
 * The answer beside one sample, sentence by sentence: each answer sentence with that sample's
 * counterpart from the report's per-sentence evidence, its stance and the kind to mark it with;
 * then what the sample says that matches no answer sentence.
 */
export function compareRows(
  report: AnalysisReport,
  sample: number,
  sensitivity: Sensitivity = DEFAULT_SENSITIVITY,
): Comparison {
  const flags = new Map(shownFlags(report, sensitivity).map((f) => [f.index, f]));
  const used = new Set<string>();
  const rows = report.sentences.map((finding, index): CompareRow => {
    const evidence = finding.evidence.find((e) => e.sample === sample) ?? null;
    const judged = finding.segment.judged && !isBoilerplate(finding.segment.text);
    const counterpart = evidence?.counterpart?.trim() ? evidence.counterpart : null;
    if (counterpart) used.add(normalise(counterpart));
    const stance = judged ? stanceOf(evidence ?? undefined, finding.segment.text) : null;
    return {
      index,
      answer:
        finding.segment.kind === 'table-row'
          ? tableRowText(finding.segment.text)
          : finding.segment.text,
      judged,
      counterpart,
      evidence,
      stance,
      kind: judged ? rowKind(evidence, stance, finding, sensitivity) : null,
      flag: flags.get(index) ?? null,
    };
  });
  const text = report.samples[sample] ?? '';
  const onlyInSample = segment(text)
    .map((s) => s.text)
    .filter((t) => t.trim() !== '' && !used.has(normalise(t)));
  return { sample, rows, onlyInSample };
}
