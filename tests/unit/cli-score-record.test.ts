import { describe, expect, it } from 'vitest';
import { analyzeRecord, toScoreOutput, validateRecord } from '../../src/cli/score-record.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

describe('validateRecord', () => {
  it('accepts the batch contract shape and keeps only its fields', () => {
    expect(validateRecord({ id: 7, answer: 'A.', samples: ['B.'], extra: 1 })).toEqual({
      id: 7,
      answer: 'A.',
      samples: ['B.'],
    });
  });

  it.each([
    [[1, 2], /JSON object/],
    [{ samples: ['x'] }, /"answer" must be a string/],
    [{ answer: 'x', samples: 'y' }, /"samples" must be an array of strings/],
    [{ answer: 'x', samples: [] }, /"samples" is empty/],
    [{ answer: 'x', samples: ['y'], sentences: [1] }, /"sentences" must be an array of strings/],
    [{ answer: 'x', samples: ['y'], prompt: 3 }, /"prompt" must be a string/],
  ])('rejects %j', (value, message) => {
    expect(() => validateRecord(value)).toThrow(message);
  });
});

describe('analyzeRecord + toScoreOutput', () => {
  it('scores exactly the given sentences, in order, with the first N samples', async () => {
    const record = validateRecord({
      id: 'x',
      answer: 'Rome is in Italy. Rome was founded in 753 BC.',
      sentences: [
        'Rome was founded in 753 BC.',
        'Rome is in Italy.',
        'A sentence not in the answer.',
      ],
      samples: ['Rome is in Italy. Rome was founded in 753 BC.', 'Rome was founded in 500 BC.'],
    });
    const one = toScoreOutput('x', await analyzeRecord(record, bagOfWordsEmbedder(), 1));
    expect(one.scores).toHaveLength(3);
    // Flags are what the page underlines by default; severities are probabilities.
    expect(one.flagged).toEqual(one.levels.map((l) => l === 'likely'));
    expect(one.severity.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(one.types.slice(0, 2)).toEqual([null, null]);
    expect(one.scores[2]!).toBeGreaterThan(Math.max(one.scores[0]!, one.scores[1]!));
    const both = await analyzeRecord(record, bagOfWordsEmbedder());
    expect(both.samples).toHaveLength(2);
    expect(both.sentences[0]!.evidence[1]).toMatchObject({
      answerSpans: ['753'],
      sampleSpans: ['500'],
    });
  });

  it("reads a record's question: a sample naming someone else for it disagrees", async () => {
    const record = {
      id: 'q',
      answer: 'Yes, a senator from Arizona studied at MIT. His name was Jeff Flake.',
      samples: ['Yes, Senator Kyrsten Sinema of Arizona studied at MIT.'],
    };
    const entity = async (prompt?: string) => {
      const report = await analyzeRecord(
        validateRecord(prompt ? { ...record, prompt } : record),
        bagOfWordsEmbedder(),
      );
      return report.sentences[1]!.evidence[0]!.conflict === 'entity';
    };
    expect(await entity('Was there ever a senator from Arizona who studied at MIT?')).toBe(true);
    expect(await entity()).toBe(false);
  });
});
