import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analysis.ts';
import { wordRelation } from '../../src/core/wordnet.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

describe('WordNet relations', () => {
  it('finds opposites, also through an inflection or an adjective head', () => {
    expect(wordRelation('explicit', 'implicit')).toBe('antonym');
    expect(wordRelation('increased', 'decreased')).toBe('antonym');
    expect(wordRelation('huge', 'tiny')).toBe('antonym');
    expect(wordRelation('rose', 'fell')).toBe('antonym');
  });

  it('tells sibling terms (a change of fact) from synonyms (a paraphrase)', () => {
    expect(wordRelation('second', 'third')).toBe('sibling');
    expect(wordRelation('morning', 'evening')).toBe('sibling');
    expect(wordRelation('big', 'large')).toBe('synonym');
  });

  it('has no relation for unrelated, unknown or equal words', () => {
    expect(wordRelation('doctor', 'banana')).toBeNull();
    expect(wordRelation('zxqv', 'third')).toBeNull();
    expect(wordRelation('third', 'Third')).toBeNull();
  });
});

describe('one changed word between nearly identical sentences', () => {
  const embedder = bagOfWordsEmbedder();
  const first = async (answer: string, sample: string) =>
    (await analyze(answer, [sample], embedder)).sentences[0]!;

  it('types an ordinal swap as a number and an opposite as a contradiction', async () => {
    const quarter = await first(
      'The company reported record growth in the third quarter.',
      'The company reported record growth in the second quarter.',
    );
    expect(quarter.evidence[0]).toMatchObject({
      change: 'sibling',
      conflict: 'number',
      answerSpans: ['third'],
      sampleSpans: ['second'],
    });
    const explicit = await first(
      'He signed an Explicit agreement with the union.',
      'He signed an implicit agreement with the union.',
    );
    expect(explicit.evidence[0]).toMatchObject({
      change: 'antonym',
      conflict: 'contradiction',
      answerSpans: ['Explicit'],
    });
  });

  it('sees a synonym as no conflict', async () => {
    const big = await first(
      'They built a big house near the river.',
      'They built a large house near the river.',
    );
    expect(big.evidence[0]).toMatchObject({ change: 'synonym', conflict: null });
  });

  it('sees a word swapped for one WordNet does not relate as a swap the sample does not back', async () => {
    const swapped = await first(
      'The hosts recommend a personalized plan for every listener.',
      'The hosts recommend a generic plan for every listener.',
    );
    expect(swapped.evidence[0]).toMatchObject({
      change: 'swap',
      conflict: null,
      supports: false,
      answerSpans: ['personalized'],
      sampleSpans: ['generic'],
    });
    // Changes in two places are a rewording, not one swapped fact.
    const reworded = await first(
      'The hosts recommend a personalized plan for every reader.',
      'The hosts recommend a generic plan for every listener.',
    );
    expect(reworded.evidence[0]!.change).not.toBe('swap');
  });

  it('reads a changed word where it stands, even when the sentence repeats it elsewhere', async () => {
    const weather = await first(
      'Abby liked sunny weather more than rainy weather, and it was sunny in Los Angeles.',
      'Abby liked cloudy weather more than rainy weather, and it was sunny in Los Angeles.',
    );
    expect(weather.evidence[0]).toMatchObject({
      change: 'swap',
      supports: false,
      answerSpans: ['sunny'],
      sampleSpans: ['cloudy'],
    });
    // A word that only moved is no change: "at Kings for a drink" / "for a drink at Kings".
    const moved = await first(
      'Steve and Carly plan to meet at Kings for a drink over the weekend.',
      'Steve and Carly plan to meet for a drink at Kings over the weekend.',
    );
    expect(moved.evidence[0]!.change).toBeNull();
  });

  it('shows the words that differ where they stand, without function words at the ends', async () => {
    const arrest = await first(
      'He was sentenced to house arrest for a year.',
      'He was sentenced to detention for a year.',
    );
    expect(arrest.evidence[0]).toMatchObject({
      change: 'swap',
      answerSpans: ['house arrest'],
      sampleSpans: ['detention'],
    });
  });

  it('shows a name swapped in for a word whole', async () => {
    const judoka = await first(
      'The category was won by a judoka from Japan.',
      'The category was won by Hiroshi Izumi from Japan.',
    );
    expect(judoka.evidence[0]).toMatchObject({
      change: 'swap',
      answerSpans: ['judoka'],
      sampleSpans: ['Hiroshi Izumi'],
    });
  });
});
