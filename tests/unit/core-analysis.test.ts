import { describe, expect, it } from 'vitest';
import { analyze, createAnalysis } from '../../src/core/analysis.ts';
import type { Embedder } from '../../src/core/embedder.ts';
import { sentenceDisagreement } from '../../src/core/score.ts';
import type { SampleSupport } from '../../src/core/support.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

const embedder = bagOfWordsEmbedder();

/** The finding for the answer sentence containing `needle`. */
async function findingFor(answer: string, samples: string[], needle: string) {
  const report = await analyze(answer, samples, embedder);
  const finding = report.sentences.find((s) => s.segment.text.includes(needle));
  if (!finding) throw new Error(`no sentence with "${needle}"`);
  return { report, finding };
}

describe('inconsistency types', () => {
  it('does not back a detail the answer adds to a statement the sample makes without it', async () => {
    const { finding } = await findingFor(
      'The founder was arrested on charges of tax fraud in New York.',
      ['The founder was arrested on charges in New York.'],
      'founder',
    );
    // Only a missing detail, not a contradiction: never a likely error. (With one sample the
    // trained trees put it just under the faint "uncertain" band; the evidence still says it.)
    expect(finding.level).not.toBe('likely');
    expect(finding.evidence[0]).toMatchObject({
      supports: false,
      sampleSpans: [],
      conflict: 'unsupported',
    });
    expect(finding.evidence[0]!.answerSpans).toEqual(['tax', 'fraud']);
  });

  it('counts two negated clauses against none as a contradiction', async () => {
    const { finding } = await findingFor(
      'The podcast is aimed at not discussing problems and not exploring them.',
      ['The podcast is aimed at discussing problems and exploring them.'],
      'podcast',
    );
    expect(finding.type).toBe('contradiction');
  });

  it('lets only counts of the same thing compete: nominations are no rival of a chart place', async () => {
    const { finding } = await findingFor(
      'In 2015 the hit single Irawo from her debut album Seyi or Shay by the Nigerian singer earned her two nominations.',
      [
        'In 2015 the hit single Irawo from her debut album Seyi or Shay by the Nigerian singer peaked at number 7.',
      ],
      'Irawo',
    );
    expect(finding.evidence[0]!.conflict).not.toBe('number');
    expect(finding.evidence[0]!.sampleSpans).toEqual([]);
    // Counts of one thing still do: an age, a sum in billions.
    const age = await findingFor(
      'At the age of 11 she began playing the drums.',
      ['At the age of 8 she began playing the drums.'],
      'drums',
    );
    expect(age.finding.evidence[0]).toMatchObject({ conflict: 'number', sampleSpans: ['8'] });
    const trade = await findingFor(
      'Bilateral trade between Brazil and Angola reached $3 billion in 2019.',
      ['Bilateral trade between Brazil and Angola reached a total of $3.5 billion in 2019.'],
      'trade',
    );
    expect(trade.finding.evidence[0]).toMatchObject({
      conflict: 'number',
      sampleSpans: ['3.5 billion'],
    });
    // A number with its scale is one value as written.
    const sales = await findingFor(
      'The band have sold over 10 million albums worldwide.',
      ['The band have sold over 3 billion albums worldwide.'],
      'band',
    );
    expect(sales.finding.evidence[0]).toMatchObject({
      conflict: 'number',
      answerSpans: ['10 million'],
      sampleSpans: ['3 billion'],
    });
  });

  it('lets a number that qualifies a name compete only with one qualifying the same name', async () => {
    const { finding } = await findingFor(
      'In August he was named in the Sri Lankan squad for the 2018 Asia Cup.',
      ['In August he was named in the Sri Lankan squad for the 2019 Cricket World Cup.'],
      'squad',
    );
    // Another tournament, not another year of this one: the sample backs neither.
    expect(finding.evidence[0]).toMatchObject({ supports: false, sampleSpans: [] });
    expect(finding.evidence[0]!.conflict).not.toBe('number');
    const same = await findingFor(
      'In August he was named in the Sri Lankan squad for the 2018 Asia Cup.',
      ['In August he was named in the Sri Lankan squad for the 2016 Asia Cup.'],
      'squad',
    );
    expect(same.finding.evidence[0]).toMatchObject({ conflict: 'number', sampleSpans: ['2016'] });
    // A year competes with a year, not with a count written as a word.
    const hit = await findingFor(
      'The band released its debut album in 1995 and sold two million copies.',
      ['The band released its debut album in 1985, with the hit "Seventeen".'],
      'debut',
    );
    expect(hit.finding.evidence[0]).toMatchObject({ conflict: 'number', sampleSpans: ['1985'] });
  });

  it('shows a name whole, and does not call a name missing that the sample has in another form', async () => {
    const { finding } = await findingFor(
      'He made his first-class debut for Sri Lanka Army Sports Club in the Premier League.',
      [
        'He is a Sri Lankan cricketer. He made his first-class debut for Colts in the Premier League.',
      ],
      'debut',
    );
    const spans = finding.evidence[0]!.answerSpans;
    expect(spans).toContain('Sri Lanka Army Sports Club');
    expect(spans).not.toContain('Lanka Army Sports Club');
    // But a title before a name is not part of it.
    const senator = await findingFor(
      'The bill was written by Senator Jeff Flake of Arizona.',
      ['The bill was written by Senator John McCain of Arizona.'],
      'bill',
    );
    expect(senator.finding.evidence[0]).toMatchObject({
      conflict: 'entity',
      answerSpans: ['Jeff Flake'],
      sampleSpans: ['John McCain'],
    });
    // A title whole, with its capitalised small words and its "The".
    const film = await findingFor(
      'In 1962 he starred in The Man Who Shot Liberty Valance with James Stewart.',
      ['In 1962 he starred in Rio Bravo with James Stewart.'],
      'starred',
    );
    expect(film.finding.evidence[0]!.answerSpans).toContain('The Man Who Shot Liberty Valance');
    // Across "of" after a common noun, not after a person's name.
    const school = await findingFor(
      'He graduated from the University of Rhode Island in 1967.',
      ['He graduated from Brown in 1967.'],
      'graduated',
    );
    expect(school.finding.evidence[0]!.answerSpans).toContain('University of Rhode Island');
    const board = await findingFor(
      'She sits on the Board of Directors of the International Foundation for Electoral Systems.',
      ['She sits on the council of a charity.'],
      'sits',
    );
    expect(board.finding.evidence[0]!.answerSpans).toContain('Board of Directors');
    // An "of" before a name is not in it: "Declaration of Independence" is one name.
    const signer = await findingFor(
      'He was a signer of the Declaration of Independence.',
      ['He was a general in the state militia.'],
      'signer',
    );
    expect(signer.finding.evidence[0]!.answerSpans).toContain('Declaration of Independence');
    // After one "of", an "and" goes on with the name; after a person's name it does not.
    const minister = await findingFor(
      'He is the Deputy Minister of Youth and Sports, like Ludwig Paischer of Austria and Dimitri Dragin.',
      ['He is a lawyer in the capital.'],
      'Deputy',
    );
    expect(minister.finding.evidence[0]!.answerSpans).toEqual(
      expect.arrayContaining(['Deputy Minister of Youth and Sports', 'Austria', 'Dimitri Dragin']),
    );
    // Across a hyphen and a particle: one name each, not "Beaux" and "Arts".
    const academy = await findingFor(
      'Clésinger joined the Académie des Beaux-Arts with Jean-Baptiste Klagmann at Beit el-Wali.',
      ['Clésinger worked in a studio in Paris.'],
      'joined',
    );
    expect(academy.finding.evidence[0]!.answerSpans).toEqual(
      expect.arrayContaining(['Académie des Beaux-Arts', 'Jean-Baptiste Klagmann', 'Beit el-Wali']),
    );
    // A date whole, as it is written: not a day without its month.
    const dates = await findingFor(
      'William Quinn (April 28, 1912 – April 22, 1994) was an American actor.',
      ['William Quinn (July 15, 1912 – July 29, 1994) was an American actor.'],
      'Quinn',
    );
    expect(dates.finding.evidence[0]).toMatchObject({
      conflict: 'number',
      answerSpans: ['April 28, 1912', 'April 22, 1994'],
      sampleSpans: ['July 15, 1912', 'July 29, 1994'],
    });
    // A possessive ends a name, and a hyphenated given name is whole: two names each side, the
    // country and the man, and the sample's in the answer's order.
    const final = await findingFor(
      "He won gold, beating Japan's Tadahiro Nomura in the final.",
      ["He won gold, beating Korea's Kim Min-soo in the final."],
      'gold',
    );
    expect(final.finding.evidence[0]).toMatchObject({
      conflict: 'entity',
      answerSpans: ['Japan', 'Tadahiro Nomura'],
      sampleSpans: ['Korea', 'Kim Min-soo'],
    });
    // Unless a common noun after it ends the name.
    const office = await findingFor(
      "He served in the Prime Minister's Department.",
      ['He was a lawyer in the capital.'],
      'served',
    );
    expect(office.finding.evidence[0]!.answerSpans).toContain("Prime Minister's Department");
    // A title goes with the name after it, or is a name with its "of"; "&" joins a name; an
    // elided "d'" is part of one; "and" after "of" stops where a name of its own starts.
    const roles = await findingFor(
      "He played Dr. Ravi Kapoor in Dharma & Greg, son of Albert, Duke of Saxony, at the Musée d'Art Moderne, the University of Michigan and Arizona State University.",
      ['He was a lawyer in the capital.'],
      'played',
    );
    expect(roles.finding.evidence[0]!.answerSpans).toEqual(
      expect.arrayContaining([
        'Ravi Kapoor',
        'Dharma & Greg',
        'Duke of Saxony',
        "Musée d'Art Moderne",
        'University of Michigan',
        'Arizona State University',
      ]),
    );
    expect(roles.finding.evidence[0]!.answerSpans).not.toContain('Dr');
    // But a hyphen before an English word joins no name: "London-based".
    const based = await findingFor(
      'Choi Min-ho was a London-based painter.',
      ['Choi Min-ho was a Paris-based painter.'],
      'painter',
    );
    expect(based.finding.evidence[0]).toMatchObject({
      answerSpans: ['London'],
      sampleSpans: ['Paris'],
    });
  });

  it("shows the end of a sample's span that stands where the answer's one value does", async () => {
    // A birth date against a life span: the birth date, not the date of death.
    const born = await findingFor(
      'John Smith (born March 5, 1950) is an American painter.',
      ['John Smith (March 3, 1950 – June 2, 2010) was an American painter.'],
      'Smith',
    );
    expect(born.finding.evidence[0]).toMatchObject({
      conflict: 'number',
      answerSpans: ['March 5, 1950'],
      sampleSpans: ['March 3, 1950'],
    });
    // An end against a span: its end.
    const until = await findingFor(
      'He played for the club until 2008.',
      ['He played for the club from 1999 to 2006.'],
      'club',
    );
    expect(until.finding.evidence[0]).toMatchObject({
      answerSpans: ['2008'],
      sampleSpans: ['2006'],
    });
  });

  it('calls a different year in nearly the same sentence a number, wherever it stands', async () => {
    const { finding } = await findingFor(
      'In 1970 the old house was listed on the national register of historic places.',
      ['The old house was listed on the national register of historic places in 1982.'],
      'house',
    );
    expect(finding.type).toBe('number');
    expect(finding.evidence[0]).toMatchObject({ answerSpans: ['1970'], sampleSpans: ['1982'] });
  });

  it('reads a year inside a decade, or a season written short, as the same value', async () => {
    const decade = async (answer: string) =>
      (
        await findingFor(
          answer,
          ['The band rose to fame in the late 1990s with its debut album.'],
          'band',
        )
      ).finding.evidence[0]!;
    expect((await decade('The band rose to fame in 1993 with its debut album.')).conflict).not.toBe(
      'number',
    );
    expect(await decade('The band rose to fame in 1987 with its debut album.')).toMatchObject({
      conflict: 'number',
      answerSpans: ['1987'],
      sampleSpans: ['1990s'],
    });
    const season = await findingFor(
      'He was named the Rookie of the Year in 2017.',
      ['He was named the 2016–17 Rookie of the Year.'],
      'Rookie',
    );
    expect(season.finding.evidence[0]!.conflict).not.toBe('number');
    // A season that differs is shown whole on both sides, not as "14" against "2012".
    const other = await findingFor(
      'He made his first-class debut for the club in the 2013–14 season.',
      ['He made his first-class debut for the club in the 2012–13 season.'],
      'debut',
    );
    expect(other.finding.evidence[0]).toMatchObject({
      conflict: 'number',
      answerSpans: ['2013–14'],
      sampleSpans: ['2012–13'],
    });
    // But a year and a day after a dash are a span's two ends, not a season.
    const span = await findingFor(
      'Matthew Aylmer (1708–1794) was an Irish soldier.',
      ['Matthew Aylmer (c. 1650–22 April 1720) was an Irish soldier.'],
      'Aylmer',
    );
    expect(span.finding.evidence[0]!.sampleSpans).toEqual(['1650', '22 April 1720']);
  });

  it('flags a different number, with the differing spans per sample', async () => {
    const { finding } = await findingFor(
      'Paris is the capital of France. The Eiffel Tower was built in 1889 for the fair.',
      [
        'Paris is the capital of France. The Eiffel Tower was built in 1887 for the fair.',
        'Paris is the capital of France. The Eiffel Tower was built in 1887 for the world fair.',
      ],
      'Eiffel',
    );
    expect(finding.flagged).toBe(true);
    expect(finding.type).toBe('number');
    expect(finding.support).toBe(0);
    expect(finding.evidence[0]).toMatchObject({ answerSpans: ['1889'], sampleSpans: ['1887'] });
  });

  it('flags a different name as an entity disagreement', async () => {
    const { finding } = await findingFor(
      'Albert Einstein was a physicist. Einstein was born in the city of Munich in Germany.',
      [
        'Albert Einstein was a physicist. Einstein was born in the city of Ulm in Germany.',
        'Einstein was born in the city of Ulm in Germany. Albert Einstein was a physicist.',
      ],
      'born',
    );
    expect(finding.type).toBe('entity');
    expect(finding.evidence[0]!.answerSpans).toEqual(['Munich']);
    expect(finding.evidence[0]!.sampleSpans).toEqual(['Ulm']);
  });

  it('does not call names that merely co-occur an entity swap', async () => {
    const { finding } = await findingFor(
      'In the final Hiroshi Izumi of Japan defeated Ludwig Paischer of Austria.',
      [
        'In the final Hiroshi Izumi won gold at the World Judo Championships.',
        'Hiroshi Izumi won the final at the World Judo Championships.',
      ],
      'Izumi',
    );
    expect(finding.level).not.toBeNull();
    expect(finding.type).toBe('unsupported');
    expect(finding.evidence[0]!.answerSpans).toContain('Japan');
    // Nor offer the sample's names as what it says instead of the answer's.
    expect(finding.evidence[0]!.sampleSpans).toEqual([]);
  });

  it('does not offer the name a sample opens with as a rival of a sentence that says "he"', async () => {
    const { finding } = await findingFor(
      'He was born in New York City and attended Yale University, where he studied English.',
      ['John Holt attended Yale University, where he studied English.'],
      'Yale',
    );
    expect(finding.evidence[0]!.sampleSpans).not.toContain('John Holt');
    expect(finding.evidence[0]!.conflict).not.toBe('entity');
  });

  it('shows a quoted title whole, not the one capitalised word of it that differs', async () => {
    const { finding } = await findingFor(
      'She has since released several singles, including "Yolo Yolo", “Right Now”, and "Gimme Love".',
      ['She is known for singles such as "Ragga Ragga", "Gimme Love", "Bia", and "Yolo Yolo".'],
      'singles',
    );
    const spans = [...finding.evidence[0]!.answerSpans, ...finding.evidence[0]!.sampleSpans];
    expect(spans).toContain('Right Now');
    expect(spans).not.toContain('Right');
    // Outside quotes a name stays itself, and a closed title does not swallow what follows.
    const plain = await findingFor(
      'The song "Gimme Love" was produced by Mike Dean in Lagos.',
      ['The song "Gimme Love" was produced by Don Jazzy in Lagos.'],
      'produced',
    );
    expect(plain.finding.evidence[0]!.answerSpans).toEqual(['Mike Dean']);
  });

  it('reads two forms of one name as the same entity, not a swap', async () => {
    const answer = 'The Thirty-First Army of Japan fought on the island of Luzon in World War II.';
    // "Japanese" stands for "Japan"; only the island is swapped.
    const { finding } = await findingFor(
      answer,
      ['The Thirty-First Army of Japanese fought on the island of Okinawa in World War II.'],
      'Luzon',
    );
    expect(finding.evidence[0]).toMatchObject({ conflict: 'entity' });
    expect(finding.evidence[0]!.answerSpans).toEqual(['Luzon']);
    expect(finding.evidence[0]!.sampleSpans).toEqual(['Okinawa']);
    // With the island the same, the other form alone is no disagreement at all.
    const same = await findingFor(
      answer,
      ['The Thirty-First Army of Japanese fought on the island of Luzon in World War II.'],
      'Luzon',
    );
    expect(same.finding.evidence[0]!.conflict).toBeNull();
  });

  it('reads a flipped polarity or an antonym as a contradiction only between nearly the same statements', async () => {
    // An encoder that puts every sentence at cosine 1, as the bundled one puts two facts about
    // one person at 0.8–0.9: the words must still say the same thing.
    const topical: Embedder = {
      id: 'test-one-topic',
      dimensions: 2,
      embed: (texts) => Promise.resolve(texts.map(() => Float32Array.of(1, 0))),
    };
    const other = await analyze(
      'He was named in the Test squad against England, but he did not play.',
      ['He made his ODI debut against Pakistan in October, taking four wickets.'],
      topical,
    );
    expect(other.sentences[0]!.evidence[0]!.conflict).not.toBe('contradiction');
    const song = await analyze(
      'She has since released the singles "Right Now" and "Gimme Love".',
      ['She left the group to pursue a solo career and released a debut single.'],
      topical,
    );
    expect(song.sentences[0]!.evidence[0]!.conflict).not.toBe('contradiction');

    const same = await analyze(
      'He did not play in the Test against England.',
      ['He played in the Test against England in October.'],
      topical,
    );
    expect(same.sentences[0]!.evidence[0]!.conflict).toBe('contradiction');
    // Opposites count where they stand: "before" with its two events the other way round says
    // "after", and "under" in one phrase opposes no "over" in another.
    const converse = await analyze(
      'Molla worked as a social worker and community organizer before entering politics.',
      ['Shlomo Molla entered politics after working as a social worker and community activist.'],
      topical,
    );
    expect(converse.sentences[0]!.evidence[0]!.conflict).not.toBe('contradiction');
    const apart = await analyze(
      'The two countries share a language, as Angola was a colony under the Portuguese Empire.',
      ['The two countries share a language, which has eased their interactions over the years.'],
      topical,
    );
    expect(apart.sentences[0]!.evidence[0]!.conflict).not.toBe('contradiction');
    const inPlace = await analyze(
      'Molla entered politics after working as a social worker.',
      ['Molla entered politics before working as a social worker.'],
      topical,
    );
    expect(inPlace.sentences[0]!.evidence[0]).toMatchObject({
      conflict: 'contradiction',
      answerSpans: ['after'],
      sampleSpans: ['before'],
    });
  });

  it('flags negation and antonyms as contradictions', async () => {
    const negated = await findingFor(
      'The old bridge is not open to traffic today.',
      ['The old bridge is open to traffic today.', 'Today the old bridge is open to traffic.'],
      'bridge',
    );
    expect(negated.finding.type).toBe('contradiction');
    expect(negated.finding.evidence[0]!.answerSpans).toEqual(['not']);

    const antonym = await findingFor(
      'Company sales rose sharply in the third quarter.',
      [
        'Company sales fell sharply in the third quarter.',
        'Company sales fell in the third quarter.',
      ],
      'sales',
    );
    expect(antonym.finding.type).toBe('contradiction');
    expect(antonym.finding.evidence[0]).toMatchObject({
      answerSpans: ['rose'],
      sampleSpans: ['fell'],
    });
  });

  it('reads an opposite where it stands, even when the other side also uses it elsewhere', async () => {
    const { finding } = await findingFor(
      'The podcast ranks the top venues, with the Machine Shop in Flint among the bottom two.',
      ['The podcast ranks the top venues, with the Machine Shop in Flint among the top two.'],
      'podcast',
    );
    expect(finding.evidence[0]).toMatchObject({
      conflict: 'contradiction',
      answerSpans: ['bottom'],
      sampleSpans: ['top'],
    });
  });

  it('flags a reversed relation as a contradiction, but not a passive paraphrase', async () => {
    const reversed = await findingFor(
      'In the final, Spain defeated Italy after extra time.',
      [
        'In the final, Italy defeated Spain after extra time.',
        'In the final Italy defeated Spain after extra time.',
      ],
      'final',
    );
    expect(reversed.finding.type).toBe('contradiction');
    expect(reversed.finding.evidence[0]).toMatchObject({
      answerSpans: ['Spain', 'Italy'],
      sampleSpans: ['Italy', 'Spain'],
    });
    const passive = await findingFor(
      'In the final, Spain defeated Italy after extra time.',
      ['In the final, Italy was defeated by Spain after extra time.'],
      'final',
    );
    expect(passive.finding.flagged).toBe(false);
    // A name that only moved is no exchange of names.
    const moved = await findingFor(
      'Ke Apon Ke Por is a popular Bengali television drama series that airs on Star Jalsha.',
      ['A popular Bengali television drama series, Ke Apon Ke Por, airs on Star Jalsha.'],
      'Jalsha',
    );
    expect(moved.finding.evidence[0]!.conflict).not.toBe('contradiction');
    // Nor is a name one side has twice ("… Star" in "Demon Star" and "star" before it).
    const extra = await findingFor(
      'The most notable star in Perseus is Algol, which is also known as Beta Persei.',
      ['The most notable star in Perseus is Algol, also known as the "Demon Star".'],
      'Algol',
    );
    expect(extra.finding.evidence[0]!.conflict).not.toBe('contradiction');
    // Whole names are what trade places, not their words: two lists that share one prize put no
    // "Prize" before "Wynne", and two clubs of one city do change places.
    const prizes = await findingFor(
      'He has been a finalist in the Wynne Prize, the Blake Prize, and the Archibald Prize.',
      ['He has been a finalist for the Sulman Prize and the Wynne Prize.'],
      'finalist',
    );
    expect(prizes.finding.evidence[0]!.conflict).not.toBe('contradiction');
    // A name that keeps its slot was not exchanged: this is another painter, not a reversal.
    const painter = await findingFor(
      "It discusses a news story about Bob Hope's paintings in a museum, as well as a Twitter question about first memories of Bob Ross.",
      [
        "It discusses a news story about Bob Ross's paintings in a museum, as well as a Twitter question about first memories of Bob Ross.",
      ],
      'paintings',
    );
    // (The answer names Bob Ross itself, so he is not offered in Bob Hope's place.)
    expect(painter.finding.evidence[0]).toMatchObject({
      conflict: 'unsupported',
      answerSpans: ['Bob Hope'],
    });
    const derby = await findingFor(
      'Real Madrid beat Atletico Madrid in the final.',
      ['Atletico Madrid beat Real Madrid in the final.'],
      'final',
    );
    expect(derby.finding.evidence[0]).toMatchObject({
      conflict: 'contradiction',
      answerSpans: ['Real Madrid', 'Atletico Madrid'],
      sampleSpans: ['Atletico Madrid', 'Real Madrid'],
    });
  });

  it('flags two exchanged words as a contradiction, but not a list in another order', async () => {
    const exchanged = await findingFor(
      'Abby said she liked rainy weather more than cloudy weather.',
      ['Abby said she liked cloudy weather more than rainy weather.'],
      'Abby',
    );
    expect(exchanged.finding.evidence[0]).toMatchObject({
      conflict: 'contradiction',
      answerSpans: ['rainy', 'cloudy'],
      sampleSpans: ['cloudy', 'rainy'],
    });
    const list = await findingFor(
      'The band toured Germany, Belgium and France that summer.',
      ['The band toured France, Belgium and Germany that summer.'],
      'band',
    );
    expect(list.finding.evidence[0]!.conflict).toBeNull();
  });

  it('flags a statement no sample makes as unsupported, and leaves backed ones alone', async () => {
    const { report, finding } = await findingFor(
      'Marie Curie studied radioactivity in Paris. She also owned a purple submarine called Nautilus.',
      [
        'Marie Curie studied radioactivity in Paris. She won two Nobel prizes.',
        'In Paris, Marie Curie studied radioactivity with her husband.',
      ],
      'submarine',
    );
    expect(finding).toMatchObject({ flagged: true, type: 'unsupported', support: 0 });
    expect(finding.evidence[0]!.answerSpans).toContain('Nautilus');
    const backed = report.sentences[0]!;
    expect(backed.flagged).toBe(false);
    expect(backed.support).toBe(2);
    expect(backed.score).toBeLessThan(finding.score);
  });

  it('reports what most samples say and the answer leaves out as an omission', async () => {
    const report = await analyze(
      'Paris is the capital of France. It is known for its museums.',
      [
        'Paris is the capital of France. The river Seine flows through the city centre.',
        'The river Seine flows through the city centre of Paris. Paris is the capital of France.',
        'Paris is the capital of France. It is known for its museums.',
      ],
      embedder,
    );
    expect(report.omissions).toHaveLength(1);
    expect(report.omissions[0]!.samples).toEqual([0, 1]);
    expect(report.omissions[0]!.wording.every((w) => w.includes('Seine'))).toBe(true);
    expect(report.counts.omission).toBe(1);
  });

  it("shows an omission in the words its samples share, not one sample's extra detail", async () => {
    // The Illinois sentence echoes both others (so it anchors the pool), but only it names a
    // state and an age: "3 samples say" it would claim what two of them never said.
    const opening = 'You must be 18 to buy a BB gun.';
    const report = await analyze(
      opening,
      [
        `${opening} Some states set a higher age for buyers of air guns.`,
        `${opening} Some states set a higher age for buyers, such as Illinois at 21.`,
        `${opening} Some states set a higher age, as for buyers such as minors.`,
      ],
      embedder,
    );
    expect(report.omissions).toHaveLength(1);
    expect(report.omissions[0]!.samples).toEqual([0, 1, 2]);
    expect(report.omissions[0]!.wording.some((w) => w.includes('Illinois'))).toBe(true);
    expect(report.omissions[0]!.text).not.toMatch(/Illinois|21/);
  });

  it('does not pool different facts about one person as one omission', async () => {
    const opening = 'Emily Gielnik is an Australian footballer.';
    const report = await analyze(
      opening,
      [
        `${opening} Gielnik played for the Matildas at the 2019 World Cup in France.`,
        `${opening} Gielnik played for the Matildas against Japan in the 2013 Asian Cup.`,
        `${opening} Gielnik played for the Matildas in the Olympic Games in Rio.`,
      ],
      embedder,
    );
    expect(report.omissions).toEqual([]);
  });
});

describe('consensus', () => {
  it('says so when no two answers say much the same', async () => {
    const report = await analyze(
      'The bridge was painted red in 1950.',
      ['Whales are mammals that breathe air.', 'Copper conducts electricity well.'],
      embedder,
    );
    expect(report.consensus.groupSize).toBe(1);
    expect(report.consensus.reason).toMatch(/^No two of the 3 answers say much the same; /);
  });

  it('groups by explicit final answer and picks the most central of the largest group', async () => {
    const report = await analyze(
      'Adding the numbers gives 41. The answer is 41.',
      [
        'We add them: 20 + 22 = 42. The answer is 42.',
        'Summing gives 42, so the answer is 42.',
        'Adding 20 and 22 gives 42. The answer is 42.',
        'Final answer: \\boxed{41}',
      ],
      embedder,
    );
    expect(report.consensus.groups.map((g) => g.length)).toEqual([3, 2]);
    expect(report.consensus.groupSize).toBe(3);
    expect([1, 2, 3]).toContain(report.consensus.index);
    expect(report.consensus.finalAnswer).toBe('42');
    expect(report.consensus.reason).toMatch(/3 of 5 answers give the final answer "42"/);
  });

  it('groups by meaning when no final answers are stated', async () => {
    const report = await analyze(
      'The meeting is on Monday at the main office.',
      [
        'The meeting is on Monday at the main office.',
        'Bananas are rich in potassium and grow in warm climates.',
      ],
      embedder,
    );
    expect(report.consensus.groups[0]).toEqual([0, 1]);
    expect(report.consensus.finalAnswer).toBeNull();
  });
});

describe('incremental analysis', () => {
  const answer = 'Rome was founded in 753 BC. It was ruled by kings. Julius Caesar was a general.';
  const samples = [
    'Rome was founded in 753 BC by Romulus. Julius Caesar was a Roman general.',
    'Rome was founded in 509 BC. Kings ruled it first.',
    '',
    'Julius Caesar was a general and statesman. Rome was founded in 753 BC.',
  ];

  it('gives the same report as batch analysis, embedding each text once', async () => {
    const counting = bagOfWordsEmbedder();
    const analysis = await createAnalysis(answer, counting);
    const partial: number[] = [];
    for (const s of samples) {
      await analysis.addSample(s);
      partial.push(analysis.report().sentences[0]!.evidence.length);
    }
    expect(partial).toEqual([1, 2, 2, 3]);
    expect(analysis.sampleCount).toBe(4);
    const batch = await analyze(answer, samples, bagOfWordsEmbedder());
    expect(analysis.report()).toEqual(batch);
    // The answer once, then each non-empty sample once.
    expect(counting.calls).toHaveLength(4);
    expect(counting.calls[0]).toHaveLength(3);
  });

  it('keeps sample order when addSample calls are not awaited one by one', async () => {
    const analysis = await createAnalysis(answer, embedder);
    await Promise.all(samples.map((s) => analysis.addSample(s)));
    expect(analysis.report()).toEqual(await analyze(answer, samples, embedder));
  });

  it('starts embedding every sample as it is added, not after the samples before it', async () => {
    // An embedder whose sample calls are held until released: had addSample waited for the
    // previous sample's comparison, only the first sample's call would have been made.
    const inner = bagOfWordsEmbedder();
    const held: (() => void)[] = [];
    const holding: Embedder = {
      id: inner.id,
      dimensions: inner.dimensions,
      async embed(texts) {
        if (inner.calls.length > 0) await new Promise<void>((resolve) => held.push(resolve));
        return inner.embed(texts);
      },
    };
    const analysis = await createAnalysis(answer, holding);
    const added = samples.map((s) => analysis.addSample(s));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The answer, then the three non-empty samples, all asked for before any returned.
    expect(held).toHaveLength(3);
    held.forEach((release) => release());
    await Promise.all(added);
    expect(analysis.report()).toEqual(await analyze(answer, samples, embedder));
  });
});

describe('bad and huge input', () => {
  it('reports an empty answer with nothing flagged and a reason', async () => {
    const report = await analyze('', ['Some sample text.'], embedder);
    expect(report.sentences).toEqual([]);
    expect(report.notice).toMatch(/no sentences/);
    expect(Object.values(report.counts).every((c) => c === 0)).toBe(true);
  });

  it('flags nothing without samples or with only empty samples, and says why', async () => {
    for (const samples of [[], ['', '   ']]) {
      const report = await analyze('The sky is green. Water is dry.', samples, embedder);
      expect(report.sentences).toHaveLength(2);
      expect(report.sentences.every((s) => !s.flagged && s.score === 0)).toBe(true);
      expect(report.notice).toMatch(/nothing to compare/);
    }
  });

  it('rejects input that is not text with a clear error', async () => {
    await expect(analyze(42 as unknown as string, [], embedder)).rejects.toThrow(
      /answer must be a string/,
    );
    const analysis = await createAnalysis('Hello there.', embedder);
    await expect(analysis.addSample(null as unknown as string)).rejects.toThrow(
      /Sample 1 must be a string/,
    );
  });

  it('analyses a 50,000-character answer against five samples without pathological slowness', async () => {
    const sentence = (i: number) =>
      `Item ${i} was shipped from warehouse ${i % 17} on day ${i % 31}. `;
    let answer = '';
    for (let i = 0; answer.length < 50_000; i++) answer += sentence(i);
    const samples = Array.from({ length: 5 }, (_, k) =>
      Array.from({ length: 60 }, (_, i) => sentence(i * 7 + k)).join(''),
    );
    const t0 = performance.now();
    const report = await analyze(answer, samples, embedder);
    const seconds = (performance.now() - t0) / 1000;
    expect(report.sentences.length).toBeGreaterThan(700);
    // A generous guard against quadratic blow-ups, not a speed target (see bench:speed).
    expect(seconds).toBeLessThan(30);
  });
});

describe('combining the samples', () => {
  const support = (s: number): SampleSupport => ({
    support: s,
    conflict: null,
    evidence: {
      sample: 0,
      counterpart: null,
      similarity: 0,
      supports: false,
      answerSpans: [],
      sampleSpans: [],
    },
  });

  it('uses one sample as it is, whatever the exponent of the power mean', () => {
    expect(sentenceDisagreement([support(0.4)], 2)).toBeCloseTo(0.6, 10);
    expect(sentenceDisagreement([support(0.4)], 1)).toBeCloseTo(0.6, 10);
    expect(sentenceDisagreement([], 2)).toBe(0);
  });

  it('counts one full supporter for more than two half ones (quadratic mean)', () => {
    const full = sentenceDisagreement([support(1), support(0), support(0)], 2);
    const halves = sentenceDisagreement([support(0.5), support(0.5), support(0)], 2);
    expect(full).toBeCloseTo(1 - Math.sqrt(1 / 3), 10);
    expect(full).toBeLessThan(halves);
    // The arithmetic mean cannot tell them apart.
    expect(sentenceDisagreement([support(1), support(0), support(0)], 1)).toBeCloseTo(
      sentenceDisagreement([support(0.5), support(0.5), support(0)], 1),
      10,
    );
  });
});
