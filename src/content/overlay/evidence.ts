/**
 * What each sample said about one flagged sentence, in the order the card lists it: samples that
 * differ first, then those that say nothing, then those that agree; each with the parts of its
 * wording to mark. Pure, so the ordering and marking are tested without rendering.
 */
import type { SampleEvidence, SentenceFinding } from '../../core/types.ts';
import { markSpans, type DiffPart } from '../../shared/text-diff.ts';

export type Stance = 'differs' | 'silent' | 'agrees';

export interface SampleLine {
  /** 0-based index into `report.samples`. */
  sample: number;
  stance: Stance;
  /** The counterpart's text with the words that differ from the answer marked `added`. */
  parts: DiffPart[];
}

const ORDER: Record<Stance, number> = { differs: 0, silent: 1, agrees: 2 };

/**
 * The core's spans when it found any (they know "1820" vs "1829" is the point). Without them the
 * wording is left unmarked: the sample's nearest sentence then says something else altogether,
 * and a word diff of two different sentences marks nearly every word, which reads as noise.
 * Agreeing samples are left unmarked too: their rewording is not a disagreement.
 */
export function counterpartParts(evidence: SampleEvidence): DiffPart[] {
  const text = evidence.counterpart ?? '';
  if (evidence.supports || evidence.sampleSpans.length === 0) return [{ op: 'same', text }];
  return markSpans(text, evidence.sampleSpans);
}

export function sampleLines(finding: SentenceFinding, sampleCount: number): SampleLine[] {
  const lines: SampleLine[] = [];
  for (let sample = 0; sample < sampleCount; sample++) {
    const evidence = finding.evidence.find((e) => e.sample === sample);
    if (!evidence || evidence.counterpart === null || evidence.counterpart.trim() === '') {
      lines.push({ sample, stance: 'silent', parts: [] });
      continue;
    }
    lines.push({
      sample,
      stance: evidence.supports ? 'agrees' : 'differs',
      parts: counterpartParts(evidence),
    });
  }
  return lines.sort((a, b) => ORDER[a.stance] - ORDER[b.stance] || a.sample - b.sample);
}
