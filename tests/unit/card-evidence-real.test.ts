/**
 * On the demo's recorded real answers, analysed with the real bundled model: every card agrees
 * with its own evidence. Its label, its count of backing samples, its stances and its marked
 * words are read from one place, and this checks they cannot contradict each other; disclaimers
 * are never flagged, and no point is both a flag and an omission.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import { isBoilerplate } from '../../src/core/boilerplate.ts';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import { readCard } from '../../src/content/overlay/evidence.ts';
import { TYPE_STYLES } from '../../src/content/overlay/type-styles.ts';
import { agreement, shownFlags, shownOmissions } from '../../src/shared/report-reading.ts';

interface Recorded {
  id: string;
  prompt: string;
  answer: string;
  samples: string[];
}

const data = JSON.parse(
  readFileSync(new URL('../../demo/data/recorded-answers.json', import.meta.url), 'utf8'),
) as { questions: Recorded[] };

const embedder = createNodeEmbedder();
afterAll(() => embedder.dispose());

describe('cards on real answers (real model)', { timeout: 120_000 }, () => {
  for (const question of data.questions) {
    it(`${question.prompt}: label, counts and marked words agree`, async () => {
      const report = await analyze(question.answer, question.samples.slice(0, 4), embedder);
      const flags = shownFlags(report);
      for (const flag of flags) {
        const { finding, type } = flag;
        const card = readCard(finding, type, report.samples.length);
        const where = `"${finding.segment.text.slice(0, 60)}"`;
        expect(isBoilerplate(finding.segment.text), where).toBe(false);
        // The count in words is the number of samples shown as backing it.
        expect(card.stances.agrees, where).toBe(finding.support);
        expect(card.lines, where).toHaveLength(report.samples.length);
        // A flag means fewer than half back it; the card never shows a majority backing it.
        expect(card.stances.agrees * 2, where).toBeLessThan(report.samples.length);
        // The label follows the evidence.
        if (card.label === 'Partly backed') {
          expect(card.stances.partly + card.stances.agrees, where).toBeGreaterThan(0);
        } else if (card.label === TYPE_STYLES.unsupported.label) {
          expect(card.stances.partly + card.stances.agrees, where).toBe(0);
        } else if (type === 'number' || type === 'entity') {
          expect(card.label, where).toBe(TYPE_STYLES[type].label);
          // It names a difference, so it shows one: words the samples say instead, marked in
          // a sample's wording.
          expect(card.instead.length, where).toBeGreaterThan(0);
          const marked = card.lines.some((l) => l.parts.some((p) => p.op === 'added'));
          expect(marked, where).toBe(true);
        }
        // Marked words of the reader's sentence are words of that sentence.
        const sentence = card.sentenceParts.map((p) => p.text).join('');
        expect(sentence, where).toBe(finding.segment.text);
      }
      for (const omission of shownOmissions(report)) {
        expect(isBoilerplate(omission.text)).toBe(false);
      }
      const reading = agreement(report);
      if (reading) expect(reading.agreeing).toBeLessThanOrEqual(reading.total);
      // For a person reading the test output: what the cards say.
      console.log(
        `${question.prompt}\n  ${reading?.sentence ?? report.notice}: ${reading?.verdict ?? ''}\n` +
          flags
            .map((f) => {
              const c = readCard(f.finding, f.type, report.samples.length);
              return `  [${c.label}] ${f.finding.segment.text.slice(0, 70)} | ${JSON.stringify(c.stances)} instead=${c.instead.map((i) => `${i.text}(${i.count})`).join(',')}`;
            })
            .join('\n'),
      );
    });
  }
});
