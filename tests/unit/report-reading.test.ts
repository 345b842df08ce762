/**
 * One reading of a report for every surface: disclaimers are never flags, an omission never
 * repeats a flag, the agreement sentence and its verdict, and the note on short samples.
 */
import { describe, expect, it } from 'vitest';
import { isBoilerplate } from '../../src/core/boilerplate.ts';
import { SENSITIVITIES, SENSITIVITY_THRESHOLDS, uncertainFrom } from '../../src/core/severity.ts';
import type { AnalysisReport, Sensitivity } from '../../src/core/types.ts';
import { badgeFor } from '../../src/background/badge.ts';
import { inlineFlags } from '../../src/content/answer-session.ts';
import type { RunStatus } from '../../src/shared/run-status.ts';
import {
  agreement,
  coverageNote,
  headline,
  shownCounts,
  shownFlags,
  shownOmissions,
  strongestFirst,
} from '../../src/shared/report-reading.ts';
import fixture from '../fixtures/overlay/report.json';

const fresh = (): AnalysisReport => structuredClone(fixture) as unknown as AnalysisReport;

describe('boilerplate', () => {
  it('recognises disclaimers, advice to ask others, hedges and sign-offs', () => {
    for (const text of [
      'As an AI language model, it is important for me to provide accurate information based on reliable sources.',
      'As an AI language model, I do not have personal beliefs.',
      'Thus, you are encouraged to check your local legislation.',
      'It is always best to consult a lawyer or local authorities before buying one.',
      'Laws may vary by state and country.',
      'I hope this helps!',
      'This is not legal advice.',
      'However, state regulations might differ from this.',
    ])
      expect(isBoilerplate(text), text).toBe(true);
  });

  it('leaves claims alone, also claims that follow a disclaimer', () => {
    for (const text of [
      'In the United States, federal law mandates that individuals need to be 18 years or older to purchase a BB gun.',
      'As an AI language model, I do not have personal beliefs but the answer to your question is that the age varies by state.',
      'W. Edwards Deming developed total quality management.',
      'The local council passed the law in 1998.',
    ])
      expect(isBoilerplate(text), text).toBe(false);
  });
});

describe('shown flags', () => {
  it('leaves disclaimers unflagged', () => {
    const report = fresh();
    report.sentences[4]!.segment.text =
      'As an AI language model, it is important for me to provide accurate information.';
    expect(shownFlags(report).map((f) => f.index)).toEqual([0, 3, 5]);
  });

  it('never lists one point both as unsupported and as omitted', () => {
    const report = fresh();
    report.omissions[0]!.text =
      'Eiffel kept a private apartment at the top and hosted Edison there.';
    expect(shownFlags(report).map((f) => f.index)).toEqual([0, 3, 4]);
    expect(shownOmissions(report).map((o) => o.text)).toEqual([report.omissions[1]!.text]);
    expect(shownCounts(report)).toEqual({
      contradiction: 1,
      number: 1,
      entity: 1,
      unsupported: 0,
      omission: 1,
    });
  });

  it('shows a different number or name as unsupported when no sample shows the difference', () => {
    const report = fresh();
    for (const e of report.sentences[3]!.evidence) e.sampleSpans = [];
    expect(shownFlags(report).find((f) => f.index === 3)?.type).toBe('unsupported');
  });

  it('orders the strongest first on request', () => {
    const flags = shownFlags(fresh());
    const scores = strongestFirst(flags).map((f) => f.finding.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('agreement', () => {
  it('says how many samples agree, and what that means', () => {
    const report = fresh();
    expect(agreement(report)).toMatchObject({ agreeing: 2, total: 5, majority: 'against' });
    expect(headline(report)).toBe(
      '2 of 5 samples agree with your answer: most samples say something else',
    );
  });

  it('says the samples back only part of it when they leave details out but name nothing else', () => {
    const report = fresh();
    expect(agreement(report)?.verdict).toBe('most samples say something else');
    // The same samples, but none names a different number, name or fact: they say less.
    for (const s of report.sentences) {
      for (const e of s.evidence) {
        e.sampleSpans = [];
        e.conflict = null;
      }
    }
    expect(headline(report)).toBe(
      '2 of 5 samples agree with your answer: most samples back only part of it',
    );
  });

  it('says there is no clear majority on a tie, and when the answer is with the majority', () => {
    const report = fresh();
    report.samples = report.samples.slice(0, 4);
    for (const s of report.sentences) s.evidence = s.evidence.filter((e) => e.sample < 4);
    // Four samples, two of which back everything and two nothing.
    for (const s of report.sentences) for (const e of s.evidence) e.supports = e.sample < 2;
    expect(agreement(report)?.verdict).toBe('no clear majority');
    for (const s of report.sentences) for (const e of s.evidence) e.supports = true;
    expect(headline(report)).toBe(
      'All 4 samples agree with your answer: your answer is with the majority',
    );
  });

  it('gives the core’s notice instead of numbers when it judged less', () => {
    const notice = 'No samples came back, so nothing could be compared.';
    expect(agreement({ ...fresh(), notice })).toBeNull();
    expect(headline({ ...fresh(), notice })).toBe(notice);
  });
});

describe('coverage', () => {
  it('says when the samples are much shorter than a long answer', () => {
    const report = fresh();
    expect(coverageNote(report)).toBeNull();
    report.answer = 'x'.repeat(50_000);
    expect(coverageNote(report)).toMatch(/mostly cover its beginning/);
  });
});

describe('the reader’s sensitivity', () => {
  /** The fixture with severities spread so each sensitivity shows a different set. */
  const graded = (): AnalysisReport => {
    const report = fresh();
    const [fewer, balanced, more] = SENSITIVITIES.map(uncertainFrom) as [number, number, number];
    const severities: Record<number, number> = {
      0: 0.99, // likely at every sensitivity
      3: SENSITIVITY_THRESHOLDS.balanced, // likely at balanced, uncertain at fewer
      4: (fewer + balanced) / 2, // shown at balanced and more only
      5: (balanced + more) / 2, // shown at more only
    };
    report.sentences.forEach((s, i) => {
      s.severity = severities[i] ?? 0;
    });
    return report;
  };
  const shownAt = (report: AnalysisReport, s: Sensitivity): number[] =>
    shownFlags(report, s).map((f) => f.index);

  it('shows nested sets: fewer ⊆ balanced ⊆ more, each a different set', () => {
    const report = graded();
    expect(shownAt(report, 'fewer')).toEqual([0, 3]);
    expect(shownAt(report, 'balanced')).toEqual([0, 3, 4]);
    expect(shownAt(report, 'more')).toEqual([0, 3, 4, 5]);
    expect(shownFlags(report, 'fewer').map((f) => f.level)).toEqual(['likely', 'uncertain']);
    expect(shownFlags(report, 'more').map((f) => f.level)).toEqual([
      'likely',
      'likely',
      'uncertain',
      'uncertain',
    ]);
  });

  it('keeps every surface to one count: bar, chips, badge and underlines', () => {
    const report = graded();
    for (const s of SENSITIVITIES) {
      const shown = shownFlags(report, s);
      const counts = shownCounts(report, s);
      const chips = counts.contradiction + counts.number + counts.entity + counts.unsupported;
      const run: RunStatus = { phase: 'done', report, fromCache: false, failures: [], usage: null };
      const underlines = inlineFlags(report, s);
      expect(chips, s).toBe(shown.length);
      expect(badgeFor(run, s).text, s).toBe(String(shown.length));
      expect(
        underlines.map((u) => u.id),
        s,
      ).toEqual(shown.map((f) => String(f.index)));
      expect(
        underlines.map((u) => u.level),
        s,
      ).toEqual(shown.map((f) => f.level));
    }
  });
});
