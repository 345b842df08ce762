/**
 * The contradiction probe (src/core/contradiction-probe.ts) with the real bundled encoder: it is
 * only read from the vectors it was fitted on, it reaches the one-sample severity, and it reads
 * the same sentence frame with other facts as leaning further to contradiction than a rewording.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import { contradictionMargin, probeFits } from '../../src/core/contradiction-probe.ts';
import { SINGLE_SAMPLE_FEATURES, singleSampleFeatures } from '../../src/core/severity.ts';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const embedder = createNodeEmbedder();
afterAll(() => embedder.dispose());

describe('contradiction probe', () => {
  it('fits the bundled encoder only', () => {
    expect(probeFits(embedder.id, embedder.dimensions)).toBe(true);
    expect(probeFits('Xenova/all-MiniLM-L6-v2@main', 384)).toBe(false);
    expect(probeFits(embedder.id, 384)).toBe(false);
  });

  it('reads the same frame with other facts above a rewording of the same facts', async () => {
    const cases = [
      [
        'He was born in a small village in Norway.',
        'He was born in the capital city of Sweden.',
        'His birthplace was a little Norwegian village.',
      ],
      [
        'The company was founded by two brothers.',
        'The company was founded by a single woman.',
        'Two brothers started the company.',
      ],
    ] as const;
    for (const [answer, other, rewording] of cases) {
      const [a, o, r] = await embedder.embed([answer, other, rewording]);
      expect(contradictionMargin(a!, o!)).toBeGreaterThan(contradictionMargin(a!, r!));
      // The read-out is symmetric: which side is the answer does not matter.
      expect(contradictionMargin(o!, a!)).toBeCloseTo(contradictionMargin(a!, o!), 6);
    }
  });

  it('puts the margin in the evidence and the one-sample features', async () => {
    const report = await analyze(
      'The company was founded by two brothers.',
      ['The company was founded by a single woman.'],
      embedder,
    );
    const finding = report.sentences[0]!;
    const margin = finding.evidence[0]!.probe;
    expect(margin).toBeTypeOf('number');
    const features = singleSampleFeatures(finding, finding.score);
    expect(features[SINGLE_SAMPLE_FEATURES.indexOf('probeMean')]).toBe(margin);
  });

  it('leaves it out for vectors of another encoder', async () => {
    const report = await analyze(
      'The company was founded by two brothers.',
      ['The company was founded by a single woman.'],
      bagOfWordsEmbedder(),
    );
    const finding = report.sentences[0]!;
    expect(finding.evidence[0]!.counterpart).not.toBeNull();
    expect(finding.evidence[0]!.probe).toBeUndefined();
    expect(singleSampleFeatures(finding, finding.score).at(-1)).toBe(0);
  });
});
