/**
 * What the samples said about one flagged sentence, read so that the card agrees with itself: per
 * sample a stance (differs, partly backs, says nothing, agrees) and the wording to mark; the
 * words of the reader's own sentence that the samples do not back; what they say instead; and the
 * card's label, derived from that same evidence. Pure, so it is tested without rendering.
 */
import type { SampleEvidence, SentenceFinding } from '../../core/types.ts';
import { stanceOf, type SentenceType, type Stance } from '../../shared/report-reading.ts';
import { markSpans, type DiffPart } from '../../shared/text-diff.ts';
import { TYPE_STYLES } from './type-styles.ts';

export { stanceOf, type Stance } from '../../shared/report-reading.ts';

export interface SampleLine {
  /** 0-based index into `report.samples`. */
  sample: number;
  stance: Stance;
  /** The counterpart's text with the words that differ from the answer marked `added`. */
  parts: DiffPart[];
}

/** How a sample's stance reads beside its wording (card and compare view). */
export const STANCE_LABEL: Record<Stance, string> = {
  differs: 'says otherwise',
  partly: 'partly backs it',
  silent: 'no mention',
  agrees: 'backs it',
};

const ORDER: Record<Stance, number> = { differs: 0, partly: 1, silent: 2, agrees: 3 };

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
    const stance = stanceOf(evidence, finding.segment.text);
    lines.push({
      sample,
      stance,
      parts: evidence && stance !== 'silent' ? counterpartParts(evidence) : [],
    });
  }
  return lines.sort((a, b) => ORDER[a.stance] - ORDER[b.stance] || a.sample - b.sample);
}

export interface CardReading {
  /** The card's heading, consistent with the lines below it. */
  label: string;
  /** One line on what the label means. */
  explanation: string;
  lines: SampleLine[];
  /** Count of samples per stance, as the dots show them. */
  stances: Record<Stance, number>;
  /** The reader's sentence with the words the samples do not back marked `added`. */
  sentenceParts: DiffPart[];
  /** What the differing samples say instead, most often said first: "McCain (2), Sinema (1)". */
  instead: { text: string; count: number }[];
}

/** Whether `phrase` stands in `text` as whole words. */
function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + phrase.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}

/** Words of the sentence that more than this share of all samples leave out are marked in it. */
const MARK_SHARE = 0.5;

/** `type` is the flag's shown type (report-reading's `shownType`), so card and underline agree. */
export function readCard(
  finding: SentenceFinding,
  type: SentenceType,
  sampleCount: number,
): CardReading {
  const lines = sampleLines(finding, sampleCount);
  const stances: Record<Stance, number> = { differs: 0, partly: 0, silent: 0, agrees: 0 };
  for (const line of lines) stances[line.stance]++;

  const against = finding.evidence.filter((e) => !e.supports && e.counterpart);
  // Words of the sentence that the non-backing samples leave out, by how many leave them out: a
  // sample that lacks "April 28, 1912" lacks "April 28" too.
  const lacking = against.map((e) => e.answerSpans.map((span) => span.toLowerCase()));
  const lackedBy = (span: string) =>
    lacking.filter((spans) => spans.some((s) => containsPhrase(s, span.toLowerCase()))).length;
  // Samples that say nothing about the sentence back none of its words either.
  const silent = stances.silent;
  const marked = [...new Set(against.flatMap((e) => e.answerSpans))].filter(
    (span) => (lackedBy(span) + silent) / sampleCount > MARK_SHARE,
  );
  const sentenceParts = markSpans(finding.segment.text, marked);

  // What stands in place of the marked words only: a sample that gives other dates of birth and
  // death, against a sentence whose death date alone is marked, says instead its death date.
  // Spans pair in order when both sides list as many; otherwise all of them count.
  const isMarked = (span: string) =>
    marked.some((m) => {
      const [x, y] = [m.toLowerCase(), span.toLowerCase()];
      return containsPhrase(x, y) || containsPhrase(y, x);
    });
  const insteadCounts = new Map<string, number>();
  for (const e of against) {
    const paired = marked.length > 0 && e.answerSpans.length === e.sampleSpans.length;
    const spans = paired
      ? e.sampleSpans.filter((_, k) => isMarked(e.answerSpans[k]!))
      : e.sampleSpans;
    for (const span of new Set(spans)) insteadCounts.set(span, (insteadCounts.get(span) ?? 0) + 1);
  }
  const instead = [...insteadCounts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));

  let label = TYPE_STYLES[type].label;
  let explanation = TYPE_STYLES[type].explanation;
  if (type === 'unsupported' && stances.partly + stances.agrees > 0) {
    label = 'Partly backed';
    explanation = 'Some samples say part of this, but fewer than half back all of it.';
  }
  return { label, explanation, lines, stances, sentenceParts, instead };
}
