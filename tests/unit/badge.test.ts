/** The toolbar badge: setup needed, checking, and the number of flags a reader is shown. */
import { describe, expect, it } from 'vitest';
import { badgeFor, SETUP_BADGE } from '../../src/background/badge.ts';
import type { AnalysisReport } from '../../src/core/types.ts';
import fixture from '../fixtures/overlay/report.json';

const report = fixture as unknown as AnalysisReport;

describe('toolbar badge', () => {
  it('says "needs setup" for errors only the settings can fix', () => {
    const badge = badgeFor({
      phase: 'error',
      message: 'Choose a backend in Crosscheck’s options to get extra answers.',
    });
    expect(badge.text).toBe(SETUP_BADGE.text);
    expect(badge.colour).toBe(SETUP_BADGE.colour);
    expect(badge.title).toMatch(/needs setup/);
    expect(badgeFor({ phase: 'error', message: 'The server is busy (503).' }).title).not.toMatch(
      /setup/,
    );
  });

  it('shows progress while checking and the number of shown flags when done', () => {
    expect(badgeFor({ phase: 'sampling', done: 1, total: 4, failures: [] }).text).toBe('…');
    const done = badgeFor({ phase: 'done', report, fromCache: false, failures: [], usage: null });
    expect(done.text).toBe('4');
    expect(done.title).toBe('Crosscheck: 4 sentences to check');
    const clean = structuredClone(report);
    for (const s of clean.sentences) s.flagged = false;
    expect(
      badgeFor({ phase: 'done', report: clean, fromCache: false, failures: [], usage: null }).text,
    ).toBe('');
    expect(badgeFor({ phase: 'idle' }).text).toBe('');
  });
});
