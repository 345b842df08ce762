/** Runs the built CLI as a subprocess, as users and outside evaluators do, on the fixture files. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crosscheck } from './cli-run.ts';

const FIXTURES = 'tests/fixtures/answers';

const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('crosscheck analyze', () => {
  it('prints a readable report naming the flagged sentence, its type and the consensus', async () => {
    const run = await crosscheck('analyze', join(FIXTURES, 'eiffel.json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[number] It was completed in 1887');
    expect(run.stdout).toMatch(/1887 vs 1889/);
    expect(run.stdout).toMatch(/Consensus: (your answer|sample \d) \(group of \d of 4\)/);
    // Not a TTY: no colour codes.
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('reports what most samples add as an omission, with their wording', async () => {
    const run = await crosscheck('analyze', join(FIXTURES, 'curie.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No sentence disagrees with the samples.');
    expect(run.stdout).toMatch(/\[omission\] \d samples say: .*first woman to win a Nobel Prize/);
  });

  it('prints the full report with --json', async () => {
    const run = await crosscheck('analyze', join(FIXTURES, 'eiffel.json'), '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      version: number;
      samples: string[];
      sentences: { flagged: boolean; type: string | null; segment: { text: string } }[];
    };
    expect(report.version).toBe(1);
    expect(report.samples).toHaveLength(3);
    const flagged = report.sentences.filter((s) => s.flagged);
    expect(flagged.map((s) => [s.segment.text, s.type])).toEqual([
      ["It was completed in 1887 for the World's Fair.", 'number'],
    ]);
  });

  it('fails with a clear message on a missing file or bad arguments', async () => {
    const missing = await crosscheck('analyze', 'no/such/file.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read no\/such\/file\.json: ENOENT/);
    const folder = await crosscheck('analyze', FIXTURES);
    expect(folder.code).toBe(1);
    expect(folder.stderr.trim()).toBe(`crosscheck: ${FIXTURES} is a folder, not a file`);
    const usage = await crosscheck('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Unknown command "frobnicate"/);
  });
});

describe('crosscheck score', () => {
  it('scores good lines, replaces bad ones with errors in place, and exits non-zero', async () => {
    const run = await crosscheck('score', join(FIXTURES, 'batch.jsonl'));
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out.map((l) => l.id)).toEqual(['eiffel', null, 3, 'no-samples', 'math']);

    const eiffel = out[0] as {
      scores: number[];
      flagged: boolean[];
      types: (string | null)[];
      consensus: number;
    };
    expect(eiffel.scores).toHaveLength(2);
    expect(eiffel.flagged).toEqual([false, true]);
    expect(eiffel.types).toEqual([null, 'number']);
    expect(eiffel.scores[1]!).toBeGreaterThan(eiffel.scores[0]!);
    expect(eiffel.consensus).toBeGreaterThan(0);

    expect(out[1]!.error).toMatch(/invalid JSON/);
    expect(out[2]!.error).toMatch(/"answer" must be a string/);
    expect(out[3]!.error).toMatch(/"samples" is empty/);
    expect(run.stderr).toMatch(/batch\.jsonl:2: invalid JSON/);
    expect(run.stderr).toMatch(/batch\.jsonl:3: "answer" must be a string/);
    expect(run.stderr).toMatch(/batch\.jsonl:4: "samples" is empty/);

    // Consensus indexes [answer, ...samples]: the answer (0) agrees with samples 1 and 3.
    expect([0, 1, 3]).toContain(out[4]!.consensus);
  });

  it('uses only the first N samples and writes to --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-'));
    const outFile = join(dir, 'out.jsonl');
    const input = join(FIXTURES, 'batch.jsonl');
    const run = await crosscheck('score', input, '--samples', '1', '--out', outFile);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const out = lines(readFileSync(outFile, 'utf8'));
    expect(out).toHaveLength(5);
    // With one sample the math answer's consensus is 0 or 1 — never a sample beyond the first.
    expect(out[4]!.consensus).toBeLessThanOrEqual(1);
    const bad = await crosscheck('score', input, '--samples', 'zero');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--samples must be a positive whole number/);
  });
});
