import { describe, expect, it } from 'vitest';
import { describeRun, needsSettings, progressText } from '../../src/shared/run-status.ts';

describe('run status wording', () => {
  it('says what the popup shows for each phase', () => {
    expect(describeRun({ phase: 'idle' })).toBe('Waiting for an answer');
    expect(describeRun({ phase: 'sampling', done: 2, total: 4, failures: [] })).toBe(
      'Received 2 of 4 samples…',
    );
    expect(describeRun({ phase: 'analyzing', total: 4, failures: [] })).toBe('Analysing');
    expect(describeRun({ phase: 'error', message: 'The API key was rejected (401).' })).toBe(
      'Error: The API key was rejected (401).',
    );
  });

  it('words progress the same way the page’s bar does', () => {
    expect(describeRun({ phase: 'sampling', done: 1, total: 4, failures: [] })).toBe(
      progressText(1, 4),
    );
  });

  it('knows which errors only the settings can fix', () => {
    expect(needsSettings('Choose a backend in Crosscheck’s options to get extra answers.')).toBe(
      true,
    );
    expect(
      needsSettings('The API key was rejected (401). Check the key in Crosscheck’s options.'),
    ).toBe(true);
    expect(
      needsSettings(
        'Crosscheck may not contact api.example.com yet: open Crosscheck’s options and press Save to allow it.',
      ),
    ).toBe(true);
    expect(needsSettings('The answer is empty: nothing to check.')).toBe(false);
    expect(needsSettings('The server is busy (503); try again in a minute.')).toBe(false);
    expect(needsSettings('The run was interrupted; press Re-run to try again.')).toBe(false);
  });
});
