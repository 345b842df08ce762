/**
 * The extension's end-to-end answer (the Brooklyn Bridge, as the page capture renders it: a
 * heading, a list, a table without separator row, a code block) and the demo's Darth Vader
 * question, analysed with the real bundled model: what a user sees must not be false flags.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import type { AnalysisReport, SentenceFinding } from '../../src/core/types.ts';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

const embedder = createNodeEmbedder();
afterAll(() => embedder.dispose());

/** The answer as `domText` captures it from tests/fixtures/sites/chatgpt/conversation.html. */
const BROOKLYN_ANSWER = [
  '## Brooklyn Bridge',
  '',
  'The Brooklyn Bridge opened on May 24, 1883. It was designed by John A. Roebling and finished by his son Washington Roebling.',
  '',
  '### Key facts',
  '',
  '1. Main span: 486 metres',
  '2. Construction began in 1869.',
  '',
  '| Year | Event |',
  '| 1869 | Construction begins |',
  '| 1883 | Bridge opens |',
  '',
  'Here is how to compute its age in Python:',
  '',
  '```python',
  'print(2026 - 1883)',
  '```',
  '',
  'It remains one of the most photographed bridges in New York.',
].join('\n');

function finding(report: AnalysisReport, text: string): SentenceFinding {
  const found = report.sentences.find((s) => s.segment.text === text);
  if (!found) throw new Error(`no segment "${text}"`);
  return found;
}

/** As the overlay's headline counts them: samples backing at least half the judged sentences. */
function samplesMostlyAgreeing(report: AnalysisReport): number {
  const judged = report.sentences.filter((s) => s.segment.judged);
  return report.samples.filter((_, sample) => {
    const backed = judged.filter((f) => f.evidence.some((e) => e.sample === sample && e.supports));
    return backed.length * 2 >= judged.length;
  }).length;
}

describe('the Brooklyn Bridge answer (real model)', { timeout: 60_000 }, () => {
  const reportPromise = analyze(BROOKLYN_ANSWER, BROOKLYN_PASSAGE.samples, embedder);

  it('does not judge the table header or the sentence introducing the code', async () => {
    const report = await reportPromise;
    // Only judged segments have findings.
    expect(report.sentences.map((s) => s.segment.text)).toEqual([
      'The Brooklyn Bridge opened on May 24, 1883.',
      'It was designed by John A. Roebling and finished by his son Washington Roebling.',
      'Main span: 486 metres',
      'Construction began in 1869.',
      '| 1869 | Construction begins |',
      '| 1883 | Bridge opens |',
      'It remains one of the most photographed bridges in New York.',
    ]);
  });

  it('backs the opening date, the designers and the span', async () => {
    const report = await reportPromise;
    for (const text of [
      'The Brooklyn Bridge opened on May 24, 1883.',
      'It was designed by John A. Roebling and finished by his son Washington Roebling.',
      'Main span: 486 metres',
      '| 1883 | Bridge opens |',
    ]) {
      const f = finding(report, text);
      expect(f.flagged, text).toBe(false);
      expect(f.support, text).toBe(4);
    }
  });

  it('shows the 1869 / 1870 split as 2 of 4, with the differing years', async () => {
    const report = await reportPromise;
    for (const text of ['Construction began in 1869.', '| 1869 | Construction begins |']) {
      const f = finding(report, text);
      expect(f.support, text).toBe(2);
      if (f.flagged) expect(f.type).toBe('number');
      expect(f.evidence.filter((e) => e.supports).map((e) => e.sample)).toEqual([0, 1]);
    }
    const item = finding(report, 'Construction began in 1869.');
    for (const e of item.evidence.slice(2)) {
      expect(e).toMatchObject({ supports: false, answerSpans: ['1869'], sampleSpans: ['1870'] });
    }
  });

  it('flags the claim no sample makes, and says most samples agree', async () => {
    const report = await reportPromise;
    const photographed = finding(
      report,
      'It remains one of the most photographed bridges in New York.',
    );
    // The only sentence with a level, and the one most likely wrong: no sample says it, but
    // nothing contradicts it either, so it need not be a likely error.
    expect(photographed).toMatchObject({ type: 'unsupported', support: 0 });
    expect(report.sentences.filter((s) => s.level)).toEqual([photographed]);
    const others = report.sentences.filter((s) => s !== photographed);
    expect(Math.max(...others.map((s) => s.severity!))).toBeLessThan(photographed.severity!);
    expect(samplesMostlyAgreeing(report)).toBe(4);
  });
});

describe('the demo question about Darth Vader (real model)', { timeout: 60_000 }, () => {
  const recorded = JSON.parse(
    readFileSync(new URL('../../demo/data/recorded-answers.json', import.meta.url), 'utf8'),
  ) as { questions: { id: string; answer: string; samples: string[] }[] };
  const question = recorded.questions.find((q) => q.id === 'darth-vader')!;

  it('marks the whole name no sample backs, and offers no name the sample gives another role', async () => {
    const report = await analyze(question.answer, question.samples.slice(0, 4), embedder);
    const first = report.sentences[0]!;
    expect(first.segment.text).toContain('Hayden Christensen');
    const second = first.evidence.find((e) => e.sample === 1)!;
    expect(second.supports).toBe(false);
    expect(second.answerSpans).toEqual(['Hayden Christensen']);
    // "Anakin Skywalker, a Jedi Knight": the sample's names are not said in the actor's place,
    // so nothing is offered as what it says instead.
    expect(second.conflict).toBe('unsupported');
    expect(second.sampleSpans).toEqual([]);
    for (const e of first.evidence) {
      for (const span of [...e.answerSpans, ...e.sampleSpans]) {
        expect(span).not.toMatch(/^(Hayden|Christensen|Anakin|Skywalker)$/);
      }
    }
  });
});
