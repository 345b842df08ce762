import { describe, expect, it } from 'vitest';
import { describeRun } from '../../src/shared/run-status.ts';

describe('run status wording', () => {
  it('says what the popup shows for each phase', () => {
    expect(describeRun({ phase: 'idle' })).toBe('Waiting for an answer');
    expect(describeRun({ phase: 'sampling', done: 2, total: 4, failures: [] })).toBe(
      'Sampling 2 of 4',
    );
    expect(describeRun({ phase: 'analysing', total: 4, failures: [] })).toBe('Analysing');
    expect(describeRun({ phase: 'error', message: 'The API key was rejected (401).' })).toBe(
      'Error: The API key was rejected (401).',
    );
  });
});
