import { describe, expect, it } from 'vitest';
import { antonymPair } from '../../src/core/antonyms.ts';
import { extractFinalAnswer, normaliseFinalAnswer } from '../../src/core/final-answer.ts';
import { negationCount, tokenize } from '../../src/core/lexical.ts';
import { locateSentences } from '../../src/core/locate.ts';

/** Each token of `text` as written, with its kind: "Will/name". */
const raws = (text: string) => tokenize(text).map((t) => `${t.raw}/${t.kind}`);

describe('lexical tokens', () => {
  it('reads a dotted abbreviation as the same word without its dots', () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm);
    expect(norms('She earned a Ph.D. in biochemistry.')).toEqual(
      norms('She earned a PhD in biochemistry.'),
    );
    expect(tokenize('He holds an M.Sc. degree.')[1]).toMatchObject({ raw: 'M.Sc.', norm: 'msc' });
  });

  it('reads a time, a verse and a relay as one value each, not their pieces', () => {
    const numbers = (text: string) =>
      tokenize(text)
        .filter((t) => t.kind === 'number')
        .map((t) => t.raw);
    expect(numbers('She swam 1:05:99 in the 4×100-metre relay (Hebrews 9:12) at 10:30.')).toEqual([
      '1:05:99',
      '4×100',
      '9:12',
      '10:30',
    ]);
    // A decimal written without its zero is that decimal, not a whole number.
    expect(tokenize('a winning percentage of .535')[2]).toMatchObject({
      raw: '.535',
      norm: '0.535',
    });
    // A colon after a number ends it: "in 2011: gold".
    expect(numbers('In 2011: gold, then 3.')).toEqual(['2011', '3']);
  });

  it('reads AD as CE and BC as BCE, but not AD as BC', () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm);
    expect(norms('He died in 476 AD in Milan.')).toEqual(norms('He died in 476 CE in Milan.'));
    expect(norms('He died in 476 A.D. in Milan.')).toEqual(norms('He died in 476 CE in Milan.'));
    expect(norms('born in 50 BC')).toEqual(norms('born in 50 BCE'));
    expect(norms('born in 50 BC')).not.toEqual(norms('born in 50 AD'));
  });

  it('reads the second year of a season written short as the full year', () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm);
    expect(norms('the 2016–17 season')).toEqual(['2016', '2017', 'season']);
    expect(norms('from 1998-99 to 1999-2000')).toEqual(['1998', '1999', '1999', '2000']);
    expect(norms('pages 1990-45').slice(1)).toEqual(['1990', '45']);
  });

  it('matches a name spelt with or without its accents, and keeps the raw text', () => {
    const accented = tokenize('Kévin Gameiro joined the Parti Québécois in Montréal.');
    const plain = tokenize('Kevin Gameiro joined the Parti Quebecois in Montreal.');
    expect(accented.map((t) => t.norm)).toEqual(plain.map((t) => t.norm));
    expect(accented[0]).toMatchObject({ raw: 'Kévin', kind: 'name' });
  });

  it('reads "Will" before a name mid-sentence as a first name, and "will" as no word', () => {
    expect(raws('She toured with Will Oldham.')).toEqual([
      'toured/word',
      'Will/name',
      'Oldham/name',
    ]);
    expect(raws('She will tour in May.')).toEqual(['tour/word', 'May/number']);
  });

  it('reads "I" right after a name as its regnal number, and the pronoun as no word', () => {
    expect(raws('He was the son of Jacques I. Then I left.')).toEqual([
      'son/word',
      'Jacques/name',
      'I/name',
      'left/word',
    ]);
  });

  it('normalises numbers, number words, months, plurals and verb forms, and marks names', () => {
    const tokens = tokenize(
      'In March 1820 the Smiths paid 1,000 pounds for three Houses in London.',
    );
    expect(tokens.map((t) => [t.norm, t.kind])).toEqual([
      ['mar', 'number'],
      ['1820', 'number'],
      ['smith', 'name'],
      ['pay', 'word'],
      ['1000', 'number'],
      ['pound', 'word'],
      ['3', 'number'],
      ['hous', 'name'],
      ['london', 'name'],
    ]);
    for (const t of tokens)
      expect(
        'In March 1820 the Smiths paid 1,000 pounds for three Houses in London.'.slice(
          t.start,
          t.end,
        ),
      ).toBe(t.raw);
  });

  it('counts negations, including contractions', () => {
    expect(negationCount("He didn't go and never called.")).toBe(2);
    expect(negationCount('He went and called.')).toBe(0);
    // Fixed phrases that negate nothing.
    expect(negationCount('Plans are offered no matter their cover, not only to new clients.')).toBe(
      0,
    );
    expect(negationCount('It is no longer sold, not even online.')).toBe(2);
    expect(negationCount('It should be open to everyone, not just experts or merely fans.')).toBe(
      0,
    );
    // A particle of a name negates nothing; a capitalised "No" still does.
    expect(negationCount('She starred in Kaze no Naka no Shōjo (1991).')).toBe(0);
    expect(negationCount('No, Paris no longer hosts it.')).toBe(2);
  });

  it('finds antonym pairs across inflections only when each side lacks the other word', () => {
    expect(antonymPair(['sales', 'increased'], ['sales', 'decreased'])).toEqual([
      'increased',
      'decreased',
    ]);
    expect(antonymPair(['he', 'won'], ['he', 'lost'])).toEqual(['won', 'lost']);
    expect(antonymPair(['rose', 'and', 'fell'], ['fell'])).toBeNull();
    // A negating prefix makes an opposite too.
    expect(antonymPair(['the', 'unsurprising', 'result'], ['the', 'surprising', 'result'])).toEqual(
      ['unsurprising', 'surprising'],
    );
    expect(antonymPair(['a', 'union'], ['an', 'ion'])).toBeNull();
  });

  it('folds verb forms, hyphenated parts and "one of" for matching', () => {
    const norms = (text: string) => tokenize(text).map((t) => t.norm);
    expect(norms('Construction began; it opened')).toEqual(norms('construction begins; it opens'));
    expect(norms('The Bailey-Thompson House')).toEqual(norms('The Bailey–Thompson House'));
    expect(norms('a Greek Revival-style house')).toContain('revival');
    expect(norms('one of the most photographed bridges')).not.toContain('1');
    expect(norms('one bridge')).toContain('1');
    // Words for negation checks keep hyphenated words whole.
    expect(negationCount('never-before-seen details')).toBe(0);
  });
});

describe('final answers', () => {
  it('extracts the stated final answer in its common forms', () => {
    expect(extractFinalAnswer('Step one. The answer is yajo. Hope it helps.')).toBe('yajo');
    expect(extractFinalAnswer('So $x = 3.5$.\n\nFinal answer: 3.5')).toBe('3.5');
    expect(extractFinalAnswer('Thus \\boxed{\\frac{1}{2}} holds')).toBe('\\frac{1}{2}');
    expect(extractFinalAnswer('**Answer:** Paris')).toBe('Paris');
    expect(extractFinalAnswer('Adding them up:\n\n**42**')).toBe('42');
    expect(extractFinalAnswer('The **key** point is speed.\nThanks')).toBeNull();
    expect(extractFinalAnswer('No explicit result here.')).toBeNull();
  });

  it('normalises answers so equal results compare equal', () => {
    expect(normaliseFinalAnswer('"Yajo".')).toBe(normaliseFinalAnswer('yajo'));
    expect(normaliseFinalAnswer('$1,000')).toBe('1000');
  });
});

describe('locateSentences', () => {
  it('finds given sentences in order, tolerating different whitespace', () => {
    const answer = 'Intro.  He was born in 1820.\nHe  died in 1876. He was born in 1820.';
    const segments = locateSentences(answer, [
      'He was born in 1820.',
      'He died in 1876.',
      'He was born in 1820.',
    ]);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [8, 28],
      [29, 46],
      [47, 67],
    ]);
    for (const s of segments) expect(answer.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a sentence it cannot find, as an empty range where it was expected', () => {
    const segments = locateSentences('First one. Second one.', ['First one.', 'Not in the text.']);
    expect(segments[1]).toMatchObject({
      text: 'Not in the text.',
      start: 10,
      end: 10,
      judged: true,
    });
  });
});
