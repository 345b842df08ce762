/**
 * One reading of a report for every surface (summary bar, card, consensus, popup, badge): which
 * sentences are shown as flags at the reader's sensitivity, how many samples agree with the answer, and the one sentence that
 * says so. Reading it once here is what keeps the numbers on different surfaces the same.
 * Pure, so it is tested without rendering.
 */
import { isBoilerplate } from '../core/boilerplate.ts';
import { DEFAULT_SENSITIVITY, sentenceLevel } from '../core/severity.ts';
import { segment } from '../core/segment.ts';
import type {
  AnalysisReport,
  InconsistencyType,
  Omission,
  SampleEvidence,
  SentenceFinding,
  Sensitivity,
  SeverityLevel,
} from '../core/types.ts';
import { MAIN_VOICE_ID, type SampleSource } from './sources.ts';

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
function judgedClaims(report: AnalysisReport): SentenceFinding[] {
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
function agreeingSamples(report: AnalysisReport): boolean[] {
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
function saysOtherwise(e: SampleEvidence): boolean {
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

// ---- Sources: who said each sample ("other voices") ----

/**
 * Who said each sample, when that is worth saying: null for results without sources (stored
 * before there were several voices), with sources that do not match the samples, or with every
 * sample from the main voice — then nothing is said about sources at all.
 */
export function shownSources(
  report: AnalysisReport,
  sources: readonly SampleSource[] | undefined,
): readonly SampleSource[] | null {
  if (!sources || sources.length !== report.samples.length || sources.length === 0) return null;
  return sources.every((s) => s.id === MAIN_VOICE_ID) ? null : sources;
}

/** "Sample 2", or "Sample 2 · gpt-4o-mini" when sources are shown. */
export function sampleName(sample: number, sources: readonly SampleSource[] | null): string {
  const label = sources?.[sample]?.label;
  return label ? `Sample ${sample + 1} · ${label}` : `Sample ${sample + 1}`;
}

interface SourceGroup {
  source: SampleSource;
  /** Samples from it, and how many of those do not agree with the answer. */
  samples: number;
  disagreeing: number;
}

/** Samples grouped by source, in the order the sources first appear. */
function bySource(
  sources: readonly SampleSource[],
  counted: (sample: number) => boolean,
): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  sources.forEach((source, sample) => {
    const group = groups.get(source.id) ?? { source, samples: 0, disagreeing: 0 };
    group.samples++;
    if (counted(sample)) group.disagreeing++;
    groups.set(source.id, group);
  });
  return [...groups.values()];
}

/** "both samples from X", "the one sample from X", "all 3 samples from X", "2 of 3 samples from X". */
function samplesFrom(k: number, n: number, label: string): string {
  if (k === n) {
    if (n === 1) return `the one sample from ${label}`;
    return n === 2 ? `both samples from ${label}` : `all ${n} samples from ${label}`;
  }
  return `${k} of ${n} samples from ${label}`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Where the disagreement lies: 'none' (every source's samples agree with the answer), 'within'
 * (only some samples of one model disagree), 'between' (one model's samples all disagree while
 * the others agree) or 'both' (samples of several models disagree).
 */
export type DisagreementSplit = 'none' | 'within' | 'between' | 'both';

export interface SourceReading {
  split: DisagreementSplit;
  /** One sentence for the summary, e.g. "Between models: both samples from gpt-4o-mini disagree; llama3.2 agrees." */
  sentence: string;
}

/**
 * Whether a disagreement is within one model or between models, read from the same per-sample
 * agreement the headline counts. Null when sources are not shown or only one source answered.
 */
export function sourceReading(
  report: AnalysisReport,
  sources: readonly SampleSource[] | undefined,
): SourceReading | null {
  const shown = shownSources(report, sources);
  if (!shown || !agreement(report)) return null;
  const agrees = agreeingSamples(report);
  const groups = bySource(shown, (sample) => !agrees[sample]);
  if (groups.length < 2) return null;
  const against = groups.filter((g) => g.disagreeing > 0);
  const agreeing = groups.filter((g) => g.disagreeing === 0).map((g) => g.source.label);
  const agreeClause =
    agreeing.length === 0
      ? ''
      : `; ${joinAnd(agreeing)} ${agreeing.length === 1 ? 'agrees' : 'agree'}`;
  if (against.length === 0) {
    const all = groups.length === 2 ? 'both' : `all ${groups.length}`;
    return {
      split: 'none',
      sentence: `No disagreement between models: ${all} agree (${joinAnd(groups.map((g) => g.source.label))}).`,
    };
  }
  if (against.length === 1) {
    const g = against[0]!;
    const whole = g.disagreeing === g.samples;
    const verb = g.disagreeing === 1 ? 'disagrees' : 'disagree';
    const what = `${samplesFrom(g.disagreeing, g.samples, g.source.label)} ${verb}`;
    return whole
      ? {
          split: 'between',
          sentence: `${groups.length === 2 ? 'The other model disagrees' : 'Between models'}: ${what}${agreeClause}.`,
        }
      : { split: 'within', sentence: `Within one model: ${what}${agreeClause}.` };
  }
  const [first, ...rest] = against;
  const parts = [
    samplesFrom(first!.disagreeing, first!.samples, first!.source.label),
    ...rest.map((g) => `${g.disagreeing} from ${g.source.label}`),
  ];
  return {
    split: 'both',
    sentence: `Within and between models: ${joinAnd(parts)} disagree${agreeClause}.`,
  };
}

/**
 * The sources in the consensus pick's group, e.g. "your answer, 2 samples from llama3.2 and 1
 * from gpt-4o-mini"; null when sources are not shown.
 */
export function winningGroupSources(
  report: AnalysisReport,
  sources: readonly SampleSource[] | undefined,
): string | null {
  const shown = shownSources(report, sources);
  const { consensus } = report;
  const group = consensus.groups.find((g) => g.includes(consensus.index));
  if (!shown || !group) return null;
  const members = group.filter((i) => i > 0 && i <= shown.length).map((i) => i - 1);
  const counts = bySource(
    members.map((sample) => shown[sample]!),
    () => false,
  );
  const parts = counts.map((g, i) =>
    i === 0
      ? `${g.samples} ${g.samples === 1 ? 'sample' : 'samples'} from ${g.source.label}`
      : `${g.samples} from ${g.source.label}`,
  );
  if (group.includes(0)) parts.unshift('your answer');
  return parts.length === 0 ? null : joinAnd(parts);
}

// ---- The compare view: the answer beside one sample ----

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
