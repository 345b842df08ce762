/**
 * Who said each sample ("other voices"), read for every surface: sample names with their source,
 * whether a disagreement is within one model or between models, and which sources are in the
 * consensus pick's group. Absent sources (results from before there were several voices) or a
 * single source say nothing. Pure, so it is tested without rendering.
 */
import type { AnalysisReport } from '../core/types.ts';
import { agreement, agreeingSamples } from './report-reading.ts';
import { MAIN_VOICE_ID, type SampleSource } from './sources.ts';
import { joinAnd } from './wording.ts';

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
