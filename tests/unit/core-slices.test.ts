import { describe, expect, it } from 'vitest';
import { createAnalysis } from '../../src/core/analysis.ts';
import { runInSlices, runToEnd, type Sliced } from '../../src/core/slices.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';
import { cityFacts, shuffled } from './core-long-texts.ts';

/** Steps that each keep the thread busy for `ms`, logging what ran in which order. */
function* busySteps(count: number, ms: number, log: string[]): Sliced<number> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      // Busy, like a long comparison.
    }
    log.push(`step ${i}`);
    yield;
  }
  return count;
}

/** Resolves to true once a timer set now has fired. */
function timerFired(): () => boolean {
  let fired = false;
  setTimeout(() => {
    fired = true;
  }, 0);
  return () => fired;
}

describe('work in slices', () => {
  it('hands the event loop back between slices and returns what the work returns', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('timer'), 0);
    const result = await runInSlices(busySteps(10, 3, log), { budgetMs: 5 });
    expect(result).toBe(10);
    const timerAt = log.indexOf('timer');
    expect(timerAt).toBeGreaterThan(0);
    expect(timerAt).toBeLessThan(log.length - 1);
  });

  it('runs straight through when run to the end', () => {
    const log: string[] = [];
    setTimeout(() => log.push('timer'), 0);
    expect(runToEnd(busySteps(5, 1, log))).toBe(5);
    expect(log).not.toContain('timer');
  });

  it('stops at the next pause once the signal is aborted', async () => {
    const log: string[] = [];
    const signal = { aborted: false };
    setTimeout(() => (signal.aborted = true), 0);
    await expect(runInSlices(busySteps(50, 1, log), { budgetMs: 0, signal })).rejects.toThrow(
      'Analysis aborted',
    );
    expect(log.length).toBeLessThan(50);
  });
});

describe('analysis in slices', () => {
  const answer = cityFacts(0).join(' ');
  const samples = [1, 2, 3].map((k) => shuffled(cityFacts(k), k).join(' '));

  it('lets timers run while a long sample is compared and while the report is built', async () => {
    const analysis = await createAnalysis(answer, bagOfWordsEmbedder(), { sliceBudgetMs: 0 });
    for (const sample of samples) {
      const fired = timerFired();
      await analysis.addSample(sample);
      expect(fired()).toBe(true);
    }
    const fired = timerFired();
    const report = await analysis.reportInSlices();
    expect(fired()).toBe(true);
    expect(report.sentences).toHaveLength(120);
  });

  it('builds the same report in slices as in one go', async () => {
    const analysis = await createAnalysis(answer, bagOfWordsEmbedder());
    for (const sample of samples) await analysis.addSample(sample);
    expect(await analysis.reportInSlices({ budgetMs: 0 })).toEqual(analysis.report());
  });

  it('reports on the samples there were when it started, though another arrives meanwhile', async () => {
    const analysis = await createAnalysis(answer, bagOfWordsEmbedder());
    await analysis.addSample(samples[0]!);
    await analysis.addSample(samples[1]!);
    const before = analysis.report();
    const [report] = await Promise.all([
      analysis.reportInSlices({ budgetMs: 0 }),
      analysis.addSample(samples[2]!),
    ]);
    expect(analysis.sampleCount).toBe(3);
    expect(report).toEqual(before);
  });
});
