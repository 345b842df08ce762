import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import { asksForName } from '../../src/core/direct-answer.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const embedder = bagOfWordsEmbedder();

const PROMPT = 'Was there ever a US senator from Arizona whose alma mater was MIT?';
const ANSWER =
  'Yes, there was a US senator from Arizona whose alma mater was MIT. ' +
  'His name was Jeff Flake and he graduated from MIT in 1986.';
const OTHER = 'Yes, US Senator Kyrsten Sinema represented Arizona and her alma mater is MIT.';
const SAME = 'Yes, Jeff Flake was a US senator from Arizona who went to MIT.';

async function naming(samples: string[], prompt?: string) {
  const report = await analyze(ANSWER, samples, embedder, prompt ? { prompt } : {});
  return report.sentences.find((s) => s.segment.text.includes('Jeff Flake'))!;
}

describe('a sample naming something else for what was asked', () => {
  it('conflicts with the answer sentence that names it, though the sentences split otherwise', async () => {
    const finding = await naming([OTHER, SAME], PROMPT);
    expect(finding.evidence[0]).toMatchObject({
      conflict: 'entity',
      supports: false,
      counterpart: OTHER,
      answerSpans: ['Jeff Flake'],
      sampleSpans: ['Kyrsten Sinema'],
    });
    // The sample that names the same senator is no conflict.
    expect(finding.evidence[1]!.conflict ?? null).not.toBe('entity');
    // The whole finding: conflicted by one sample of two, typed as an entity when shown.
    const without = await naming([OTHER, SAME]);
    expect(finding.severity!).toBeGreaterThan(without.severity!);
  });

  it('needs a question asking for a name: otherwise the sentence is only unbacked', async () => {
    for (const prompt of [
      undefined,
      'Write a short note about senators from Arizona.',
      'Is MIT a good school for future senators?',
    ]) {
      const finding = await naming([OTHER], prompt);
      expect(finding.evidence[0]!.conflict ?? null).not.toBe('entity');
      expect(finding.evidence[0]!.counterpart).not.toBe(OTHER);
    }
  });

  it("is no conflict when either side mentions the other's name anywhere", async () => {
    const mentions = `${OTHER} Some say Jeff Flake, but he studied elsewhere.`;
    expect((await naming([mentions], PROMPT)).evidence[0]!.conflict ?? null).not.toBe('entity');
    const report = await analyze(`${ANSWER} Kyrsten Sinema studied elsewhere.`, [OTHER], embedder, {
      prompt: PROMPT,
    });
    const finding = report.sentences.find((s) => s.segment.text.includes('Jeff Flake'))!;
    expect(finding.evidence[0]!.conflict ?? null).not.toBe('entity');
  });
});

describe('asksForName', () => {
  it('reads the last line of the prompt for a question whose answer is a name', () => {
    for (const prompt of [
      'who is under the mask of darth vader',
      'Some context first.\n\nWhich bridge opened in 1883?',
      'Whose portrait is on the $20 bill?',
      'What was the name of the first dog in space?',
      'Was there ever a US senator from Arizona whose alma mater was MIT?',
      'Has there been a woman on the Moon?',
      'Name a painter of the Dutch Golden Age.',
    ]) {
      expect(asksForName(prompt), prompt).toBe(true);
    }
    for (const prompt of [
      'Is coffee bad for you?',
      'What are the health benefits of green tea?',
      'When did the Brooklyn Bridge open?',
      'This is a Wikipedia passage about John Smith:',
      'Who painted it?\n\nSummarise the answer above.',
    ]) {
      expect(asksForName(prompt), prompt).toBe(false);
    }
  });
});
