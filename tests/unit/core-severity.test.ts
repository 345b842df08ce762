import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import {
  SENSITIVITY_THRESHOLDS,
  SEVERITY_FEATURES,
  SINGLE_SAMPLE_FEATURES,
  UNCERTAIN_FROM,
  countCalibration,
  sentenceLevel,
  severityFeatures,
  severityOf,
  singleSampleFeatures,
} from '../../src/core/severity.ts';
import { forestLogit } from '../../src/core/forest.ts';
import { SINGLE_SAMPLE_FOREST } from '../../src/core/severity-forest.ts';
import { SEVERITY_MODEL } from '../../src/core/severity-weights.ts';
import type { AnalysisReport } from '../../src/core/types.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const embedder = bagOfWordsEmbedder();

const sentence = (report: AnalysisReport, needle: string) => {
  const finding = report.sentences.find((s) => s.segment.text.includes(needle));
  if (!finding) throw new Error(`no sentence with "${needle}"`);
  return finding;
};

describe('severity model', () => {
  it('was trained on the features the core computes, in the same order', () => {
    expect(Object.keys(SEVERITY_MODEL.weights)).toEqual([...SEVERITY_FEATURES]);
    expect(Object.keys(SEVERITY_MODEL.data)).toHaveLength(3);
    expect(SINGLE_SAMPLE_FOREST.features).toEqual([...SINGLE_SAMPLE_FEATURES]);
    expect(SINGLE_SAMPLE_FOREST.data).toEqual(SEVERITY_MODEL.data);
  });

  it('asks for a higher severity the fewer flags are wanted', () => {
    const t = SENSITIVITY_THRESHOLDS;
    expect(t.fewer).toBeGreaterThanOrEqual(t.balanced);
    expect(t.balanced).toBeGreaterThanOrEqual(t.more);
    expect(UNCERTAIN_FROM).toBeLessThanOrEqual(t.balanced);
  });

  it('levels a severity by sensitivity, and a hand-made finding by its flag', () => {
    const t = SENSITIVITY_THRESHOLDS;
    expect(sentenceLevel({ severity: t.balanced, flagged: false })).toBe('likely');
    expect(sentenceLevel({ severity: t.fewer, flagged: false }, 'fewer')).toBe('likely');
    if (t.fewer > t.balanced) {
      expect(sentenceLevel({ severity: t.balanced, flagged: true }, 'fewer')).toBe('uncertain');
    }
    expect(sentenceLevel({ severity: 0, flagged: true }, 'more')).toBeNull();
    expect(sentenceLevel({ flagged: true })).toBe('likely');
    expect(sentenceLevel({ flagged: false })).toBeNull();
  });

  it('marks no sentence that half of the samples back, unless another states something else', () => {
    const said = (sample: number, supports: boolean, conflict: 'entity' | null = null) => ({
      sample,
      counterpart: 'It opened in 1883.',
      similarity: 0.9,
      supports,
      answerSpans: [],
      sampleSpans: [],
      conflict,
    });
    const severity = 0.99;
    for (const sensitivity of ['fewer', 'balanced', 'more'] as const) {
      // Backed by its only sample, or by two of four with the others silent: no mark.
      expect(
        sentenceLevel(
          { severity, flagged: true, support: 1, evidence: [said(0, true)] },
          sensitivity,
        ),
      ).toBeNull();
      const twoOfFour = [said(0, true), said(1, true), said(2, false), said(3, false)];
      expect(
        sentenceLevel({ severity, flagged: true, support: 2, evidence: twoOfFour }, sensitivity),
      ).toBeNull();
    }
    // Two of four backing while the others name something else: the split is the point.
    const split = [said(0, true), said(1, true), said(2, false, 'entity'), said(3, false)];
    expect(sentenceLevel({ severity, flagged: true, support: 2, evidence: split })).toBe('likely');
    // One of three backing: the severity decides.
    const one = [said(0, true), said(1, false), said(2, false)];
    expect(sentenceLevel({ severity, flagged: true, support: 1, evidence: one })).toBe('likely');
  });
});

describe('severity of analysed sentences', () => {
  const samples = [
    'Marie Curie studied radioactivity in Paris. She won the Nobel Prize in Physics in 1903 with Pierre Curie.',
    'Marie Curie worked on radioactivity in Paris. In 1903 she shared the Nobel Prize in Physics with Pierre Curie.',
    'In Paris Marie Curie studied radioactivity. She won the Nobel Prize in Physics in 1903 with Pierre Curie and Henri Becquerel.',
  ];

  it('keeps flagged exactly the likely level at the default sensitivity', async () => {
    const report = await analyze(
      'Marie Curie studied radioactivity in Paris. She won the Nobel Prize in Physics in 1911 with Pierre Curie.',
      samples,
      embedder,
    );
    for (const s of report.sentences) {
      expect(s.flagged).toBe(s.level === 'likely');
      expect(s.level ?? null).toBe(sentenceLevel(s));
      expect(s.type === null).toBe(s.level === null);
    }
  });

  it('rates a contradicted detail above a detail the samples merely leave out', async () => {
    const contradicted = await analyze(
      'Marie Curie studied radioactivity in Paris. She won the Nobel Prize in Physics in 1911 with Pierre Curie.',
      samples,
      embedder,
    );
    const absent = await analyze(
      'Marie Curie studied radioactivity in Paris. She won the Nobel Prize in Physics in 1903 with Pierre Curie and Gabriel Lippmann.',
      samples,
      embedder,
    );
    const wrong = sentence(contradicted, 'Nobel');
    const missing = sentence(absent, 'Nobel');
    expect(wrong.type).toBe('number');
    expect(wrong.severity!).toBeGreaterThan(missing.severity!);
    expect(sentence(contradicted, 'studied').severity!).toBeLessThan(wrong.severity!);
  });

  it('grades a sentence against one sample: a swapped ordinal above the same sentence', async () => {
    const answer = 'Revenue grew strongly in the third quarter of the year.';
    const swapped = await analyze(
      answer,
      ['Revenue grew strongly in the second quarter of the year.'],
      embedder,
    );
    const same = await analyze(answer, [answer], embedder);
    expect(swapped.sentences[0]!.level).toBe('likely');
    expect(swapped.sentences[0]!.type).toBe('number');
    expect(same.sentences[0]!.level).toBeNull();
    expect(same.sentences[0]!.severity!).toBeLessThan(UNCERTAIN_FROM);
  });

  it('calibrates the logit by sample count: tabulated, interpolated in 1/√n, flat beyond', () => {
    const table = { '2': [0.8, -0.5], '10': [1.4, 0.4] } as const;
    expect(countCalibration(table, 1)).toEqual([1, 0]);
    expect(countCalibration(table, 2)).toEqual([0.8, -0.5]);
    expect(countCalibration(table, 5)).toEqual([1, 0]); // thresholds are chosen at 5
    expect(countCalibration(table, 10)).toEqual([1.4, 0.4]);
    expect(countCalibration(table, 40)).toEqual([1.4, 0.4]);
    const at = (n: number) => 1 / Math.sqrt(n);
    const f = (at(3) - at(2)) / (at(5) - at(2));
    const [scale, shift] = countCalibration(table, 3);
    expect(scale).toBeCloseTo(0.8 + 0.2 * f, 12);
    expect(shift).toBeCloseTo(-0.5 + 0.5 * f, 12);
    const seven = countCalibration(table, 7);
    expect(seven[0]).toBeGreaterThan(1);
    expect(seven[0]).toBeLessThan(1.4);
  });

  it('grades several samples through their count’s calibration of the logistic margin', async () => {
    const answer = 'The bridge opened in 1932 and carries six lanes of traffic.';
    const samples = [
      'The bridge opened in 1935 and carries four lanes of traffic.',
      'The bridge opened in 1938 and carries eight lanes of traffic.',
    ];
    const finding = (await analyze(answer, samples, embedder)).sentences[0]!;
    const x = severityFeatures(finding, finding.score);
    const margin = SEVERITY_FEATURES.reduce(
      (z: number, name, i) => z + SEVERITY_MODEL.weights[name] * x[i]!,
      SEVERITY_MODEL.bias,
    );
    const logit = (p: number) => Math.log(p / (1 - p));
    const [scale, shift] = SEVERITY_MODEL.countCalibration['2'];
    expect([scale, shift]).not.toEqual([1, 0]);
    expect(logit(severityOf(finding, finding.score))).toBeCloseTo(scale * margin + shift, 6);
  });

  it('shifts a sentence that differs from its only sample in one place, and no other', async () => {
    const places = SINGLE_SAMPLE_FEATURES.indexOf('places');
    const gradedAs = async (answer: string, sample: string) => {
      const report = await analyze(answer, [sample], embedder);
      const finding = report.sentences[0]!;
      const answerScore = finding.score; // one sentence: the answer's mean is its score
      const x = singleSampleFeatures(finding, answerScore);
      const trees = 1 / (1 + Math.exp(-forestLogit(SINGLE_SAMPLE_FOREST, x)));
      return { places: x[places], severity: severityOf(finding, answerScore), trees };
    };
    const one = await gradedAs(
      'The company opened its first store in the spring.',
      'The company opened its first office in the spring.',
    );
    expect(one.places).toBe(1);
    expect(SINGLE_SAMPLE_FOREST.onePlaceShift).not.toBe(0);
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(logit(one.severity) - logit(one.trees)).toBeCloseTo(
      SINGLE_SAMPLE_FOREST.onePlaceShift,
      6,
    );
    const two = await gradedAs(
      'The company opened its first store in the spring.',
      'The firm opened its first store in the autumn.',
    );
    expect(two.places).toBe(2);
    expect(two.severity).toBeCloseTo(two.trees, 9);
  });
});
