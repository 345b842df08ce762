/**
 * Reading a report with its samples' sources ("other voices"): the labels, whether the
 * disagreement is within one model or between models, the sources of the winning group, and the
 * compare view's rows. The fixture's samples 1–3 do not agree with the answer, samples 4 and 5 do.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisReport } from '../../src/core/types.ts';
import { agreement, samplesAgreeing } from '../../src/shared/report-reading.ts';
import {
  compareRows,
  mostDisagreeingSample,
  sampleDisagreement,
} from '../../src/shared/comparison.ts';
import {
  sampleName,
  shownSources,
  sourceReading,
  winningGroupSources,
} from '../../src/shared/source-reading.ts';
import { MAIN_VOICE_ID, type SampleSource } from '../../src/shared/sources.ts';
import fixture from '../fixtures/overlay/report.json';

const fresh = (): AnalysisReport => structuredClone(fixture) as unknown as AnalysisReport;

const llama: SampleSource = { id: MAIN_VOICE_ID, label: 'llama3.2' };
const gpt: SampleSource = { id: 'v-gpt', label: 'gpt-4o-mini' };
const mistral: SampleSource = { id: 'v-mistral', label: 'mistral-small' };

/** Sources for the fixture's five samples from a pattern such as "LLLGG". */
function sourcesOf(pattern: string): SampleSource[] {
  const by: Record<string, SampleSource> = { L: llama, G: gpt, M: mistral };
  return [...pattern].map((c) => by[c]!);
}

describe('sources shown', () => {
  it('says nothing about sources without them, with a count that does not match, or from the main voice alone', () => {
    const report = fresh();
    expect(shownSources(report, undefined)).toBeNull();
    expect(shownSources(report, sourcesOf('LLLG'))).toBeNull();
    expect(shownSources(report, sourcesOf('LLLLL'))).toBeNull();
    expect(sourceReading(report, undefined)).toBeNull();
    expect(winningGroupSources(report, sourcesOf('LLLLL'))).toBeNull();
    expect(sampleName(1, shownSources(report, undefined))).toBe('Sample 2');
  });

  it('labels each sample with its model', () => {
    const shown = shownSources(fresh(), sourcesOf('LLLGG'));
    expect(sampleName(0, shown)).toBe('Sample 1 · llama3.2');
    expect(sampleName(4, shown)).toBe('Sample 5 · gpt-4o-mini');
  });
});

describe('within one model or between models', () => {
  it('the fixture: samples 1–3 disagree, 4 and 5 agree', () => {
    expect(samplesAgreeing(fresh())).toBe(2);
    expect(agreement(fresh())?.majority).toBe('against');
  });

  it('says the other model disagrees when all its samples do and the other model agrees', () => {
    expect(sourceReading(fresh(), sourcesOf('LLLGG'))).toEqual({
      split: 'between',
      sentence:
        'The other model disagrees: all 3 samples from llama3.2 disagree; gpt-4o-mini agrees.',
    });
    expect(sourceReading(fresh(), sourcesOf('GGGLL'))?.sentence).toBe(
      'The other model disagrees: all 3 samples from gpt-4o-mini disagree; llama3.2 agrees.',
    );
  });

  it('says the disagreement is within one model when only some of its samples disagree', () => {
    expect(sourceReading(fresh(), sourcesOf('LLLLG'))).toEqual({
      split: 'within',
      sentence: 'Within one model: 3 of 4 samples from llama3.2 disagree; gpt-4o-mini agrees.',
    });
    expect(sourceReading(fresh(), sourcesOf('LLLGL'))?.split).toBe('within');
  });

  it('names every model some of whose samples disagree', () => {
    expect(sourceReading(fresh(), sourcesOf('LLGLG'))).toEqual({
      split: 'both',
      sentence:
        'Within and between models: 2 of 3 samples from llama3.2 and 1 from gpt-4o-mini disagree.',
    });
    expect(sourceReading(fresh(), sourcesOf('GLLLL'))?.sentence).toBe(
      'Within and between models: the one sample from gpt-4o-mini and 2 from llama3.2 disagree.',
    );
    expect(sourceReading(fresh(), sourcesOf('LGMLL'))?.sentence).toBe(
      'Within and between models: 1 of 3 samples from llama3.2, 1 from gpt-4o-mini and 1 from mistral-small disagree.',
    );
  });

  it('says when no model disagrees', () => {
    const report = fresh();
    for (const finding of report.sentences)
      for (const e of finding.evidence) {
        e.supports = true;
        e.sampleSpans = [];
      }
    expect(sourceReading(report, sourcesOf('LLLGG'))).toEqual({
      split: 'none',
      sentence: 'No disagreement between models: both agree (llama3.2 and gpt-4o-mini).',
    });
  });

  it('says nothing when only one source answered', () => {
    expect(sourceReading(fresh(), sourcesOf('GGGGG'))).toBeNull();
  });
});

describe('the winning group', () => {
  it('names the sources in the consensus pick’s group', () => {
    // The fixture's pick is sample 2, in the group [2, 1, 3, 5] of [answer, ...samples].
    expect(winningGroupSources(fresh(), sourcesOf('LLLGG'))).toBe(
      '3 samples from llama3.2 and 1 from gpt-4o-mini',
    );
    expect(winningGroupSources(fresh(), sourcesOf('GLLLG'))).toBe(
      '2 samples from llama3.2 and 2 from gpt-4o-mini',
    );
  });

  it('includes the answer when it is in the group', () => {
    const report = fresh();
    report.consensus = {
      ...report.consensus,
      index: 0,
      groups: [
        [0, 4],
        [2, 1, 3, 5],
      ],
    };
    expect(winningGroupSources(report, sourcesOf('LLLGG'))).toBe(
      'your answer and 1 sample from gpt-4o-mini',
    );
  });
});

describe('the compare view', () => {
  it('opens with the sample that disagrees most', () => {
    const report = fresh();
    // Samples 1 and 3 say otherwise on three claims and leave one out: 7 each, sample 1 first.
    expect([0, 1, 2, 3, 4].map((s) => sampleDisagreement(report, s))).toEqual([7, 5, 7, 4, 6]);
    expect(mostDisagreeingSample(report)).toBe(0);
    report.sentences[0]!.evidence[0]!.supports = true;
    report.sentences[0]!.evidence[0]!.sampleSpans = [];
    expect(mostDisagreeingSample(report)).toBe(2);
    expect(mostDisagreeingSample({ ...report, samples: [] })).toBeNull();
  });

  it('aligns each answer sentence with the sample’s counterpart and marks its kind', () => {
    const { rows, onlyInSample } = compareRows(fresh(), 0);
    expect(rows.map((r) => [r.stance, r.kind])).toEqual([
      ['differs', 'number'],
      ['agrees', null],
      ['agrees', null],
      ['differs', 'entity'],
      ['differs', 'contradiction'],
      ['silent', null],
    ]);
    expect(rows[0]!.counterpart).toMatch(/^The Eiffel Tower was completed in 1889/);
    expect(rows[5]!.counterpart).toBeNull();
    expect(rows.map((r) => r.flag?.type ?? null)).toEqual([
      'number',
      null,
      null,
      'entity',
      'contradiction',
      'unsupported',
    ]);
    // What sample 1 says that no answer sentence matches.
    expect(onlyInSample).toEqual([
      'The tower is built from around 18,000 wrought-iron pieces held together by 2.5 million rivets.',
    ]);
  });

  it('shows a table row’s cells without the pipes', () => {
    const report = fresh();
    report.sentences[2]!.segment = {
      ...report.sentences[2]!.segment,
      kind: 'table-row',
      text: '| 1869 | Construction begins |',
    };
    expect(compareRows(report, 0).rows[2]!.answer).toBe('1869 · Construction begins');
  });

  it('marks a sample that backs the flagged sentence as agreeing', () => {
    const { rows } = compareRows(fresh(), 4);
    expect(rows[5]).toMatchObject({ stance: 'agrees', kind: null, flag: { type: 'unsupported' } });
  });
});
