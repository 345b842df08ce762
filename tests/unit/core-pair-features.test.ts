import { describe, expect, it } from 'vitest';
import { forestLogit, type ForestTable } from '../../src/core/forest.ts';
import { PAIR_FEATURES, pairFeatures } from '../../src/core/pair-features.ts';
import { wordLink } from '../../src/core/wordnet.ts';

const named = (a: string, b: string | null) => {
  const f = pairFeatures(a, b);
  return Object.fromEntries(PAIR_FEATURES.map((n, i) => [n, f[i]]));
};

describe('pair features', () => {
  it('sees one changed place with one word on each side, linked as sibling terms', () => {
    expect(
      named('Revenue rose in the third quarter.', 'Revenue rose in the second quarter.'),
    ).toMatchObject({ places: 1, answerOnly: 1, sampleOnly: 1, wordLink: 3, functionOnly: 0 });
  });

  it('tells a swapped number and name from an added one', () => {
    expect(named('He was born in 1950 in Paris.', 'He was born in 1952 in Lyon.')).toMatchObject({
      places: 2,
      numberSwap: 1,
      numberAdded: 0,
      nameSwap: 1,
      nameAdded: 0,
    });
    expect(named('He was born in 1950 in Paris.', 'He was born in Paris.')).toMatchObject({
      numberSwap: 0,
      numberAdded: 1,
      sampleOnly: 0,
    });
  });

  it('counts a dropped negation and reads a missing counterpart as everything changed', () => {
    expect(named('He did not win the award.', 'He won the award.')).toMatchObject({
      negationDelta: 1,
      answerOnly: 0,
      functionOnly: 1,
    });
    expect(named('A sentence about cats.', null)).toMatchObject({ places: 5, answerOnlyShare: 1 });
    expect(named('Same words here.', 'Same words here.')).toMatchObject({ places: 0, changeAt: 1 });
  });

  it('ranks WordNet links: opposites, siblings, synonyms, unknown words', () => {
    expect(wordLink('explicit', 'implicit')).toBe(4);
    expect(wordLink('second', 'third')).toBe(3);
    expect(wordLink('big', 'large')).toBe(1);
    expect(wordLink('explicit', 'qwertyuiop')).toBe(-1);
  });
});

describe('forest table', () => {
  it('walks each tree by its thresholds and adds the leaves to the base', () => {
    // Depth 1: one split on feature 0 at 0.5, then one on feature 1 at 2 (second tree).
    const table: ForestTable = {
      depth: 1,
      base: 0.25,
      features: ['a', 'b'],
      trees: '0|0.5|-1,1;1|2|0.5,-0.5;-1|0|0.125,9',
    };
    expect(forestLogit(table, [0.4, 3])).toBeCloseTo(0.25 - 1 - 0.5 + 0.125);
    expect(forestLogit(table, [0.6, 2])).toBeCloseTo(0.25 + 1 + 0.5 + 0.125);
  });
});
