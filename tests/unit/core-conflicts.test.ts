import { describe, expect, it } from 'vitest';
import { findConflict } from '../../src/core/conflicts.ts';
import { prepareSentences } from '../../src/core/prepare.ts';
import { segment } from '../../src/core/segment.ts';

/** The one judged sentence of `text`, prepared. */
const prepared = (text: string) => prepareSentences(segment(text))[0]!;

/** The conflict between two sentences, each the whole of its text, at the given cosine. */
function conflict(answer: string, sample: string, cosine: number) {
  const [a, b] = [prepared(answer), prepared(sample)];
  return findConflict(a, b, b.norms, a.norms, cosine);
}

describe('findConflict', () => {
  it('reads the words after another number as that number’s: a place is no rival of a distance', () => {
    const found = conflict(
      'Van Beilen is a two-time Canadian national champion in the 100-metre breaststroke.',
      'At the 2012 London Olympics, Van Beilen placed 17th in the 200-metre breaststroke.',
      0.6,
    );
    expect(found?.sampleSpans ?? []).not.toContain('17th');
    // Counts of one thing still compete: lengths in metres.
    const lengths = conflict(
      'She won the 100-metre breaststroke at the national championships.',
      'She won the 200-metre breaststroke at the national championships.',
      0.9,
    );
    expect(lengths).toMatchObject({ type: 'number', answerSpans: ['100'], sampleSpans: ['200'] });
  });

  it('reads different examples as no swap, but one name put in the place of another as one', () => {
    const cast = conflict(
      'The cast also includes veteran actors like Ananya Chatterjee, Kalyani Mondal and Indranil Chatterjee.',
      'The cast also includes veteran actors such as Sima Halder, Ambarish Bhattacharya and Reshmi Sen.',
      0.9,
    );
    expect(cast?.type).not.toBe('entity');
    expect(cast?.sampleSpans ?? []).toEqual([]);
    // Nor is one example against a name the answer gives on its own: the sample lists some of
    // her albums, the answer names her first.
    const debut = conflict(
      'In 1990 Arkenstone embarked on a solo career, releasing her debut album "The Healing Spirit".',
      'Arkenstone embarked on a solo career in 1990 and has released albums including "Echoes of Egypt" and "Jewel in the Sun".',
      0.8,
    );
    expect(debut?.type).not.toBe('entity');
    const replaced = conflict(
      'They discuss their favourite places, including Bristol, Whitsunday Island and Whitehaven Beach.',
      'They discuss their favourite places, including Portishead, Whitsunday Island and Whitehaven Beach.',
      0.95,
    );
    expect(replaced).toMatchObject({
      type: 'entity',
      answerSpans: ['Bristol'],
      sampleSpans: ['Portishead'],
    });
  });

  it('reads a bound or a round figure that the other count meets as the same count', () => {
    const met = (answer: string, sample: string) => conflict(answer, sample, 0.95)?.type;
    expect(
      met(
        'He made over 200 appearances for Cardiff City.',
        'He made 226 appearances for Cardiff City.',
      ),
    ).not.toBe('number');
    expect(
      met(
        'He made 226 appearances for Cardiff City.',
        'He made more than 200 appearances for Cardiff City.',
      ),
    ).not.toBe('number');
    expect(
      met(
        'The cluster is 240 million light-years away.',
        'The cluster is approximately 250 million light-years away.',
      ),
    ).not.toBe('number');
    // Not one it does not meet, nor two exact counts, nor two bounds.
    expect(
      met(
        'He made over 200 appearances for Cardiff City.',
        'He made 180 appearances for Cardiff City.',
      ),
    ).toBe('number');
    expect(
      met(
        'The cluster is 240 million light-years away.',
        'The cluster is approximately 300 million light-years away.',
      ),
    ).toBe('number');
    expect(
      met('He made 226 appearances for Cardiff City.', 'He made 230 appearances for Cardiff City.'),
    ).toBe('number');
    expect(
      met(
        'He made over 300 appearances for Cardiff City.',
        'He made over 200 appearances for Cardiff City.',
      ),
    ).toBe('number');
  });

  it('reads a name written more fully on one side as the same name', () => {
    const homer = conflict(
      'Homer was born in Springfield, USA and works at the power plant.',
      'Homer Simpson works as a safety inspector at the power plant in Springfield.',
      0.8,
    );
    expect(homer?.sampleSpans ?? []).not.toContain('Homer Simpson');
    // Not another name that shares a word with it, nor one the other side also extends.
    const senator = conflict(
      'The bill was written by John Kerry of Massachusetts.',
      'The bill was written by John McCain of Massachusetts.',
      0.95,
    );
    expect(senator).toMatchObject({
      type: 'entity',
      answerSpans: ['John Kerry'],
      sampleSpans: ['John McCain'],
    });
    const club = conflict(
      'He signed with the New York Yankees in 1990.',
      'He signed with the New York Mets in 1990, a team based in New York.',
      0.9,
    );
    expect(club).toMatchObject({ type: 'entity', sampleSpans: ['New York Mets'] });
  });
});
