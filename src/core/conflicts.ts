/**
 * Decides whether a sample's counterpart sentence states the same thing as an answer sentence
 * differently — a conflict — and of which type, with the differing spans on both sides. Only
 * called for counterparts that are about the same thing; a counterpart about something else is
 * absence of support, not a conflict.
 */
import { antonymPair } from './antonyms.ts';
import { isStopword, negatingWords, wordNorm, type Token } from './lexical.ts';
import { namedIn, withOtherForm } from './name-forms.ts';
import type { PreparedSentence } from './prepare.ts';
import type { InconsistencyType } from './types.ts';
import { jaccard } from './vectors.ts';
import { asWritten, replacedOpposite } from './word-change.ts';
import { inWordNet } from './wordnet.ts';

export interface Conflict {
  /** "unsupported" for names that differ around a different statement (see sharesFrame) and for
   * a detail the answer adds to a statement the sample makes without it (see addedDetail); such
   * a conflict offers no `sampleSpans`, as nothing in the sample stands in the answer's place. */
  type: Exclude<InconsistencyType, 'omission'>;
  answerSpans: string[];
  sampleSpans: string[];
}

/** Cosine from which two sentences are close enough for a polarity flip to be a contradiction. */
const NEARLY_SAME_COSINE = 0.8;
/** Share of their content words (Jaccard) that makes two sentences nearly the same outright… */
const NEARLY_SAME_WORDS = 0.5;
/** …and the share that two sentences close in meaning must still have in common. */
const CLOSE_SAME_WORDS = 0.3;

/**
 * Nearly the same statement, so that a flipped polarity or an antonym contradicts it: most
 * content words shared, or close in meaning and a fair part of the words shared. Cosine alone
 * is not enough: the encoder puts two different facts about one person at 0.8–0.9 ("he was named
 * in the Test squad but did not play" / "he made his ODI debut against Pakistan").
 */
function nearlySameStatement(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  cosine: number,
): boolean {
  const shared = jaccard(sentence.norms, counterpart.norms);
  return (
    shared >= NEARLY_SAME_WORDS || (cosine >= NEARLY_SAME_COSINE && shared >= CLOSE_SAME_WORDS)
  );
}

/**
 * "Spain beat Italy" against "Italy beat Spain": the same sentence with its names exchanged —
 * the same words in the same order, each name standing where the other's stood. Passive wording
 * ("was beaten by") legitimately swaps the order, so it is left alone; so is a name that only
 * moved ("Ke Apon Ke Por is a popular Bengali series" / "A popular Bengali series, Ke Apon Ke
 * Por, …"), since the names then stand between other words.
 */
function reversedRelation(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
): { answerSpans: string[]; sampleSpans: string[] } | null {
  if (sentence.words.includes('by') || counterpart.words.includes('by')) return null;
  // The words read the same, in the same order, with the names (each run of them one slot) in
  // the same places.
  const slots = (s: PreparedSentence) =>
    s.tokens
      .map((t, i) => (t.kind !== 'name' ? t.norm : s.tokens[i - 1]?.kind === 'name' ? '' : '#'))
      .filter(Boolean)
      .join(' ');
  if (slots(sentence) !== slots(counterpart)) return null;
  // Whole names, not their words: "the Wynne Prize, the Blake Prize" against "the Sulman Prize and
  // the Wynne Prize" names the Wynne Prize on both sides, it puts no "Prize" before "Wynne".
  const [mine, theirs] = [nameRuns(sentence), nameRuns(counterpart)];
  // Two names both sides have, each in the slot the other holds on the other side: a name that
  // stays in its slot ("Twitter" in "Bob Hope's paintings … a Twitter question" / "Bob Ross's
  // paintings … a Twitter question") was not exchanged.
  const [slotOfMine, slotOfTheirs] = [slotsOf(sentence, mine), slotsOf(counterpart, theirs)];
  const shared = [...mine.keys()].filter((k) => theirs.has(k));
  const exchanged = new Set<string>();
  for (const x of shared) {
    for (const y of shared) {
      const [mx, my] = [slotOfMine.get(x)!, slotOfMine.get(y)!];
      if (mx < my && slotOfTheirs.get(x) === my && slotOfTheirs.get(y) === mx) {
        exchanged.add(x).add(y);
      }
    }
  }
  const a = shared.filter((k) => exchanged.has(k));
  const b = [...theirs.keys()].filter((k) => exchanged.has(k));
  if (a.length < 2) return null;
  if (listed(sentence, mine, a) || listed(counterpart, theirs, b)) return null;
  return {
    answerSpans: a.map((k) => phraseText(sentence, mine.get(k)!)),
    sampleSpans: b.map((k) => phraseText(counterpart, theirs.get(k)!)),
  };
}

/** The slot of each name of `runs`: how many runs of names stand before it (see slots). */
function slotsOf(
  s: PreparedSentence,
  runs: ReadonlyMap<string, [number, number]>,
): Map<string, number> {
  const startsBefore = (at: number) =>
    s.tokens.filter((t, i) => i <= at && t.kind === 'name' && s.tokens[i - 1]?.kind !== 'name')
      .length;
  return new Map([...runs].map(([key, [first]]) => [key, startsBefore(first) - 1]));
}

/**
 * Whether name `token` of `s` belongs to a name that holds the whole of a name `other` writes
 * ("Simpson" of "Homer Simpson", where the other side says "Homer"). "John McCain" holds no whole
 * name of "John Kerry".
 */
function fullerName(s: PreparedSentence, token: Token, other: PreparedSentence): boolean {
  const at = s.tokens.indexOf(token);
  let [a, b] = [at, at];
  while (a > 0 && namesJoin(s, a - 1)) a--;
  while (namesJoin(s, b)) b++;
  const mine = new Set(s.tokens.slice(a, b + 1).map((t) => t.norm));
  const theirs = [...nameRuns(other).keys()].map((key) => key.split(' '));
  // A one-word name opening a sentence reads as a word ("Homer was born …").
  const first = other.tokens[0];
  if (first?.kind === 'word' && /^\p{Lu}/u.test(first.raw)) theirs.push([first.norm]);
  // Unless the other side also writes that name out another way: "New York" beside "New York
  // Mets" does not make "New York Yankees" the same club.
  return theirs.some(
    (part) =>
      part.every((n) => mine.has(n)) &&
      !theirs.some((run) => part.every((n) => run.includes(n)) && run.some((n) => !mine.has(n))),
  );
}

/** The names of a sentence, whole, by their words' norms, in order of first use. */
function nameRuns(s: PreparedSentence): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const run of phrases(
    s,
    s.tokens.filter((t) => t.kind === 'name'),
  )) {
    const key = s.tokens
      .slice(run[0], run[1] + 1)
      .map((t) => t.norm)
      .join(' ');
    if (!out.has(key)) out.set(key, run);
  }
  return out;
}

/** What may stand between the items of a list: commas, articles and a joining word. */
const LIST_GLUE = /^(?:[\s,;&]|\b(?:and|or|nor|the|a|an)\b)*$/i;

/**
 * Whether the names `keys` of `runs` stand in one list ("Germany, Belgium and France", "the
 * Wynne Prize, the Blake Prize"), whose order says nothing: between the first and the last, only
 * other names and list glue.
 */
function listed(
  s: PreparedSentence,
  runs: ReadonlyMap<string, [number, number]>,
  keys: readonly string[],
): boolean {
  const spans = keys.map((k) => runs.get(k)!);
  const first = Math.min(...spans.map(([x]) => x));
  const last = Math.max(...spans.map(([, y]) => y));
  for (let i = first; i < last; i++) {
    const next = s.tokens[i + 1]!;
    if (next.kind !== 'name') return false;
    if (!LIST_GLUE.test(s.plain.slice(s.tokens[i]!.end, next.start))) return false;
  }
  return true;
}

/** Words that join the items of a list, whose order says nothing ("&" is no word). */
const LIST_JOINS = new Set(['and', 'or', 'nor']);

/**
 * "liked rainy weather more than cloudy weather" against "liked cloudy weather more than rainy
 * weather": the same words with two of them exchanged, which turns the relation around. Passive
 * wording and lists ("Spain and Italy" / "Italy and Spain", "A, B and C" / "A, C and B") say
 * the same in another order, so they are left alone.
 */
function exchangedWords(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
): { answerSpans: string[]; sampleSpans: string[] } | null {
  const a = sentence.words;
  const b = counterpart.words;
  if (a.length !== b.length || a.includes('by') || b.includes('by')) return null;
  const at = a.flatMap((w, i) => (w === b[i] ? [] : [i]));
  if (at.length !== 2) return null;
  const [i, j] = at as [number, number];
  if (a[i] !== b[j] || a[j] !== b[i] || j === i + 1 || LIST_JOINS.has(a[j - 1]!)) return null;
  return {
    answerSpans: [asWritten(sentence, a[i]!), asWritten(sentence, a[j]!)],
    sampleSpans: [asWritten(counterpart, b[i]!), asWritten(counterpart, b[j]!)],
  };
}

/**
 * Names differ between any two sentences about different things; they only conflict when the
 * rest of the statement is shared: once the differing names are set aside, four fifths of the
 * content words of the shorter sentence appear in the other ("born in Munich" / "born in Ulm").
 * Half was too loose (ChatProtect precision 49% → 56%, recall 55% → 51%): sentences sharing
 * a subject and a verb but otherwise saying different things differ in names without one
 * name having been swapped for another.
 */
function sharesFrame(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  missing: readonly Token[],
  offered: readonly Token[],
): boolean {
  const rest = (norms: ReadonlySet<string>, drop: readonly Token[]) => {
    const out = new Set(norms);
    for (const t of drop) out.delete(t.norm);
    return out;
  };
  const a = rest(sentence.norms, missing);
  const b = rest(counterpart.norms, offered);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size) >= FRAME_SHARE;
}

const FRAME_SHARE = 0.8;

/**
 * Whether some differing value of the answer and some of the counterpart stand in the same
 * place: next to the same word on either side ("born in Munich, Germany" / "born in Ulm,
 * Germany"). Values that merely co-occur ("of Japan" / "at the World Championships") do not.
 */
function sameSlot(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  missing: readonly Token[],
  offered: readonly Token[],
): boolean {
  const differing = new Set([...missing, ...offered].map((t) => t.norm));
  const neighbours = (tokens: readonly Token[], values: readonly Token[]) => {
    const out = new Set<string>();
    for (const v of values) {
      const at = tokens.indexOf(v);
      for (let i = at - 1; i >= 0; i--) {
        if (!differing.has(tokens[i]!.norm)) {
          out.add(`<${tokens[i]!.norm}`);
          break;
        }
      }
      for (let i = at + 1; i < tokens.length; i++) {
        if (!differing.has(tokens[i]!.norm)) {
          out.add(`>${tokens[i]!.norm}`);
          break;
        }
      }
    }
    return out;
  };
  const a = neighbours(sentence.tokens, missing);
  for (const n of neighbours(counterpart.tokens, offered)) if (a.has(n)) return true;
  return false;
}

type NumberClass = 'year' | 'month' | 'day' | 'other';

const isMonth = (t: Token | undefined) => t?.kind === 'number' && /^\p{L}/u.test(t.norm);

/** Words before a number that make it a bound or a round figure, and which. */
const AT_LEAST = /\b(?:over|more than|above|at least|exceeding|in excess of|upwards of)\s+\$?$/i;
const AT_MOST = /\b(?:under|less than|below|fewer than|at most|up to)\s+\$?$/i;
const ROUGHLY =
  /\b(?:about|around|approximately|roughly|nearly|almost|some|estimated|circa)\s+\$?$/i;

/** How far a round figure may be from the value it stands for. */
const ROUGHLY_WITHIN = 0.1;

/** The value of number token `t` of `s`, with its scale ("3.5 billion"), or NaN. */
function valueOf(s: PreparedSentence, t: Token): number {
  const value = Number(t.norm);
  const next = s.tokens[s.tokens.indexOf(t) + 1];
  if (next && SCALE.test(next.raw) && /^\s+$/.test(s.plain.slice(t.end, next.start))) {
    return value * Number(next.norm);
  }
  return value;
}

/**
 * Whether one side's count is a bound or a round figure that the other side's exact count meets:
 * "over 200" / 226, "under 50" / 42, "approximately 250 million" / "240 million". Two bounds, or
 * two exact counts, must be equal; dates are never bounds here.
 */
function boundsMeet(
  a: PreparedSentence,
  aToken: Token,
  b: PreparedSentence,
  bToken: Token,
): boolean {
  if (numberClass(a.tokens, a.tokens.indexOf(aToken)) !== 'other') return false;
  const kind = (s: PreparedSentence, t: Token) => {
    const before = s.plain.slice(Math.max(0, t.start - 24), t.start);
    return AT_LEAST.test(before)
      ? 'min'
      : AT_MOST.test(before)
        ? 'max'
        : ROUGHLY.test(before)
          ? 'about'
          : null;
  };
  const [ka, kb] = [kind(a, aToken), kind(b, bToken)];
  if ((ka === null) === (kb === null)) return false;
  const [bound, exact] = ka
    ? [valueOf(a, aToken), valueOf(b, bToken)]
    : [valueOf(b, bToken), valueOf(a, aToken)];
  if (!Number.isFinite(bound) || !Number.isFinite(exact)) return false;
  const k = ka ?? kb;
  if (k === 'min') return exact >= bound;
  if (k === 'max') return exact <= bound;
  return Math.abs(exact - bound) <= ROUGHLY_WITHIN * bound;
}

/** The sort of a number token at `at` in `tokens`: a year, a month, a day of a month, or other. */
function numberClass(tokens: readonly Token[], at: number): NumberClass {
  const t = tokens[at]!;
  if (isMonth(t)) return 'month';
  // A year is written without a comma: "1,500 people" is a count.
  if (/^(1[0-9]{3}|20[0-9]{2})$/.test(t.norm) && !t.raw.includes(',')) return 'year';
  // "May 24" / "24 May": a day, not a count.
  if (/^\d{1,2}$/.test(t.norm) && (isMonth(tokens[at - 1]) || isMonth(tokens[at + 1]))) {
    return 'day';
  }
  return 'other';
}

/**
 * The names a number qualifies, when a name follows it directly ("the 2018 Asia Cup" → asia,
 * cup), else null.
 */
function qualifiedName(s: PreparedSentence, at: number): Set<string> | null {
  const names = new Set<string>();
  let end = s.tokens[at]!.end;
  for (let i = at + 1; i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (t.kind !== 'name' || !/^\s+$/.test(s.plain.slice(end, t.start))) break;
    names.add(t.norm);
    end = t.end;
  }
  return names.size > 0 ? names : null;
}

/**
 * Whether two numbers of one class are of the same sort. Numbers that qualify names qualify the
 * same one: neither name's first word is missing from the other ("the 2018 Asia Cup" is no rival
 * of "the 2019 Cricket World Cup", "the 2014 World Cup" is of "the 2018 FIFA World Cup"). For
 * plain counts, words in common around them — the word before, or one of the two after ("two
 * nominations" is no rival of "number 7 on the chart"; "at the age of 11" is of "at the age of 8").
 */
function sameSort(a: PreparedSentence, aToken: Token, b: PreparedSentence, bToken: Token): boolean {
  const aTokens = a.tokens;
  const bTokens = b.tokens;
  const at = aTokens.indexOf(aToken);
  const bt = bTokens.indexOf(bToken);
  const aName = qualifiedName(a, at);
  const bName = qualifiedName(b, bt);
  if (aName && bName) {
    const [aFirst] = aName;
    const [bFirst] = bName;
    if (!bName.has(aFirst!) && !aName.has(bFirst!)) return false;
  }
  // A year competes with a year, not with a count ("in 1995" / the hit "Seventeen").
  const sort = numberClass(aTokens, at);
  if (sort !== numberClass(bTokens, bt)) return false;
  if (sort !== 'other') return true;
  // Words, and scale words such as "billion"; other numbers say nothing of the sort, and the
  // words after another number are its own ("placed 17th in the 200-metre" is no count of
  // metres).
  const isWord = (t: Token | undefined): t is Token => !!t && /\p{L}/u.test(t.raw);
  const around = (tokens: readonly Token[], i: number) => {
    const [before, next, then] = [tokens[i - 1], tokens[i + 1], tokens[i + 2]];
    const after = isWord(next) ? (isWord(then) ? [next, then] : [next]) : [];
    return [...(isWord(before) ? [before] : []), ...after].map((t) => t.norm);
  };
  const mine = around(aTokens, at);
  const theirs = new Set(around(bTokens, bt));
  return mine.length === 0 || theirs.size === 0 || mine.some((n) => theirs.has(n));
}

/** A pronoun for a person or thing the answer names elsewhere. */
const PRONOUN = /\b(?:he|she|they|it|his|her|their|its)\b/i;

/** The run of names a sentence opens with ("Lütfi Elvan received …"), as tokens. */
function openingName(s: PreparedSentence): Set<Token> {
  const out = new Set<Token>();
  const first = s.tokens[0];
  if (first?.kind !== 'name' || !/^\W*$/.test(s.plain.slice(0, first.start))) return out;
  out.add(first);
  for (let i = 0; namesJoin(s, i); i++) out.add(s.tokens[i + 1]!);
  return out;
}

/** Whether `year` is a year of the decade `decade` ("1993" of "1990s"). */
function withinDecade(year: Token, decade: Token): boolean {
  if (!/^\d{3}0s$/.test(decade.raw) || !/^\d{4}$/.test(year.raw)) return false;
  const start = Number(decade.raw.slice(0, 4));
  const y = Number(year.raw);
  return y >= start && y < start + 10;
}

/** Where a token starts as a reader sees it: a season's short second year with its first
 * ("2013–14", not "14"). */
function readStart(s: PreparedSentence, t: Token): number {
  if (t.kind !== 'number' || !/^\d{2}$/.test(t.raw) || t.norm.length !== 4) return t.start;
  const lead = /\d{4}[-‐‑–/]$/.exec(s.plain.slice(Math.max(0, t.start - 5), t.start));
  return lead ? t.start - lead[0].length : t.start;
}

/** Where a token ends as a reader sees it: a season's first year with its short second; a name
 * without its possessive ("Japan", not "Japan's"). */
function readEnd(s: PreparedSentence, t: Token): number {
  if (t.kind === 'name' && /['’]s$/.test(t.raw)) return t.end - 2;
  if (t.kind !== 'number' || !/^\d{4}$/.test(t.raw)) return t.end;
  // Only a season's second year, which the tokens read as a year ("2016–17"); "1650–22 April
  // 1720" is a span to a day.
  const u = s.tokens[s.tokens.indexOf(t) + 1];
  const short = u?.kind === 'number' && /^\d{2}$/.test(u.raw) && u.norm.length === 4;
  return short && /^[-‐‑–/]$/.test(s.plain.slice(t.end, u.start)) ? u.end : t.end;
}

/**
 * The conflict between `sentence` and its `counterpart` in a sample whose content tokens are
 * `sampleNorms` (`answerNorms`: those of the whole answer), or null. A differing number or name counts only when the sample lacks the
 * answer's value anywhere and the counterpart offers a value of its own in its place.
 */
export function findConflict(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  sampleNorms: ReadonlySet<string>,
  answerNorms: ReadonlySet<string>,
  cosine: number,
): Conflict | null {
  // A flipped polarity only means something between nearly the same sentences: "he did not
  // play" against "he was named in the squad" is a different statement, not a contradiction.
  const nearlySame = nearlySameStatement(sentence, counterpart, cosine);
  // Counts rather than parity: "aimed at not discussing … and not exploring" negates two
  // clauses of "aimed at discussing … and exploring", it does not cancel out.
  if (nearlySame && sentence.negations !== counterpart.negations) {
    const negated = (s: PreparedSentence) => negatingWords(s.plain);
    return {
      type: 'contradiction',
      answerSpans: negated(sentence),
      sampleSpans: negated(counterpart),
    };
  }
  const unaligned = nearlySame ? antonymPair(sentence.words, counterpart.words) : null;
  const antonyms = nearlySame
    ? ((unaligned && inPlace(sentence, counterpart, unaligned) ? unaligned : null) ??
      replacedOpposite(sentence, counterpart))
    : null;
  if (antonyms) {
    return { type: 'contradiction', answerSpans: [antonyms[0]], sampleSpans: [antonyms[1]] };
  }
  const reversed = reversedRelation(sentence, counterpart) ?? exchangedWords(sentence, counterpart);
  if (reversed) return { type: 'contradiction', ...reversed };

  for (const kind of ['number', 'name'] as const) {
    let otherThings = false;
    let referent = new Set<Token>();
    let missing = sentence.tokens.filter((t) => t.kind === kind && !namedIn(t, sampleNorms));
    // A value the answer states elsewhere is not offered in place of this one.
    let offered = counterpart.tokens.filter((t) => t.kind === kind && !answerNorms.has(t.norm));
    if (kind === 'number') {
      // "the 1990s" holds 1993: a year inside a decade the other side names is no other value.
      const inDecadeOf = (others: readonly Token[]) => (t: Token) =>
        others.some((o) => withinDecade(t, o) || withinDecade(o, t));
      missing = missing.filter((t) => !inDecadeOf(counterpart.tokens)(t));
      offered = offered.filter((t) => !inDecadeOf(sentence.tokens)(t));
      // Only values of the same class compete: a year with a year, an age with a count.
      const ofSentence = (t: Token) => numberClass(sentence.tokens, sentence.tokens.indexOf(t));
      const ofCounterpart = (t: Token) =>
        numberClass(counterpart.tokens, counterpart.tokens.indexOf(t));
      const classes = new Set(missing.map(ofSentence));
      offered = offered.filter((t) => classes.has(ofCounterpart(t)));
      const offeredClasses = new Set(offered.map(ofCounterpart));
      missing = missing.filter((t) => offeredClasses.has(ofSentence(t)));
      // And counts only of the same thing. Counts of different things still differ (the sample
      // backs neither), but neither stands in the other's place.
      const competes = (m: Token, o: Token) => sameSort(sentence, m, counterpart, o);
      const rivals = offered.filter((o) => missing.some((m) => competes(m, o)));
      if (rivals.length > 0) {
        offered = rivals;
        missing = missing.filter((m) => rivals.some((o) => competes(m, o)));
        // "over 200 appearances" holds 226 of them: a bound or a round figure the other side's
        // value meets is the same value.
        missing = missing.filter(
          (m) => !rivals.some((o) => boundsMeet(sentence, m, counterpart, o)),
        );
      } else otherThings = true;
    }
    if (kind === 'name') {
      // "Japan" / "Japanese": another form of the same name stands in for it, not a rival.
      const forms = withOtherForm(missing, counterpart.tokens);
      const renamed = withOtherForm(offered, sentence.tokens);
      missing = missing.filter((t) => !forms.has(t));
      offered = offered.filter((t) => !renamed.has(t));
      // "Homer" / "Homer Simpson", "Elvan" / "Lütfi Elvan": one name, written more fully on one
      // side, is no rival of itself.
      missing = missing.filter((t) => !fullerName(sentence, t, counterpart));
      offered = offered.filter((t) => !fullerName(counterpart, t, sentence));
      // "John Holt attended Yale" / "He was born in New York City and attended Yale": the
      // sample names whom the answer calls "he", not someone in place of New York City.
      if (PRONOUN.test(sentence.plain)) referent = openingName(counterpart);
      offered = offered.filter((t) => !referent.has(t));
    }
    if (missing.length > 0 && offered.length > 0) {
      // Different names around a different statement still cost the sample's support, but
      // they are no evidence of an entity swap: the sentence is merely unsupported there.
      // Between nearly the same sentences a different number of the same sort is a number
      // disagreement wherever it stands ("In 1970, it was listed" / "It was listed in 1982").
      // Examples exclude nothing: "cast members including Ananya Chatterjee" is not contradicted
      // by "cast members such as Sima Halder", nor by "the cast includes Sima Halder". But one
      // name put in the place of one other within the same list is a swap ("including
      // Portishead, Whitsunday Island" / "including Bristol, Whitsunday Island").
      const mineListed = kind === 'name' && missing.every((t) => amongExamples(sentence, t));
      const theirsListed = kind === 'name' && offered.every((t) => amongExamples(counterpart, t));
      const oneForOne =
        phrases(sentence, missing).length === 1 && phrases(counterpart, offered).length === 1;
      const examples = (mineListed || theirsListed) && !(oneForOne && mineListed && theirsListed);
      const swapped =
        !otherThings &&
        !examples &&
        ((kind === 'number' && cosine >= NEARLY_SAME_COSINE) ||
          ((kind === 'number' ||
            // The referent is the answer's "he": part of neither statement's frame.
            sharesFrame(sentence, counterpart, missing, [...offered, ...referent])) &&
            sameSlot(sentence, counterpart, missing, offered)));
      // Unswapped, the sample's values stand for something else ("Hayden Christensen" against
      // "Anakin Skywalker, a Jedi Knight"): showing them as what it says instead would tell the
      // reader of a swap the analysis did not find.
      if (!swapped) {
        return {
          type: 'unsupported',
          answerSpans: phraseTexts(sentence, missing),
          sampleSpans: [],
        };
      }
      if (kind === 'number')
        return {
          type: 'number',
          answerSpans: phraseTexts(sentence, missing),
          sampleSpans: phraseTexts(
            counterpart,
            spanEndInPlace(sentence, missing, counterpart, offered),
          ),
        };
      return { type: 'entity', ...nameSpans(sentence, counterpart, missing, offered) };
    }
  }
  return addedDetail(sentence, counterpart, sampleNorms, cosine);
}

/**
 * A detail the answer adds to a statement the sample makes without it: nearly the same sentence,
 * every content word of the counterpart is in the answer's, and the answer has words, numbers or
 * names the sample never mentions ("… arrested on charges of fraud" / "… arrested on charges").
 * Nothing stands in their place, so it is no swap — the added detail is simply not backed, and
 * the sample's own wording shows it was not needed to say the rest.
 */
function addedDetail(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  sampleNorms: ReadonlySet<string>,
  cosine: number,
): Conflict | null {
  if (cosine < NEARLY_SAME_COSINE) return null;
  const missing = sentence.tokens.filter((t) => !sampleNorms.has(t.norm));
  if (missing.length === 0 || counterpart.tokens.some((t) => !sentence.norms.has(t.norm))) {
    return null;
  }
  return { type: 'unsupported', answerSpans: phraseTexts(sentence, missing), sampleSpans: [] };
}

/**
 * Of a span the sample gives ("1948 – 2010", "March 3, 1950 – June 2, 2010") where the answer
 * states one value, the end that stands in its place: the last after words of an end ("died in
 * 2011", "until 2008"), else the first. A reader told "born 1950" that the samples say "1948,
 * 2010" instead is shown a death date as a rival birth date.
 */
function spanEndInPlace(
  sentence: PreparedSentence,
  missing: readonly Token[],
  counterpart: PreparedSentence,
  offered: readonly Token[],
): readonly Token[] {
  if (offered.length !== 2 || phrases(sentence, missing).length !== 1) return offered;
  const [first, last] = offered as [Token, Token];
  const between = counterpart.plain.slice(first.end, last.start);
  if (between.length > 30 || !SPAN_MARK.test(between)) return offered;
  const lead = sentence.plain.slice(Math.max(0, missing[0]!.start - 40), missing[0]!.start);
  return [END_WORDS.test(lead) ? last : first];
}

/** What joins the two ends of a span: a dash, "to", "until". */
const SPAN_MARK = /[-‐‑–—]|\b(?:to|until|till)\b/;

/** Words before a value that make it the end of a span. */
const END_WORDS = /\b(?:died|dies|death|dead|until|till|ended|ends|retired|closed)\b/i;

/** Words that open a list of examples, which names some of many. */
const EXAMPLES =
  /\b(?:including|include[sd]?|such as|like|among them|among others|e\.g\.|for example|for instance)\b/gi;

/** What may stand between the names of a list of examples: commas, quotes, joining words, the
 * roles of a cast ("Biswajit Ghosh as Tandra") and the small words of titles ("Echoes of Egypt",
 * "Jewel in the Sun"). */
const EXAMPLE_GLUE =
  /^(?:[\s,;&"“”'‘’()]|\b(?:and|or|the|a|an|as|other|others|of|in|on|for|to|at|from)\b)*$/i;

/** Whether `token`, a name of `s`, stands in a list of examples: after "including", "such as"
 * and the like, with only names and list glue between. */
function amongExamples(s: PreparedSentence, token: Token): boolean {
  let markerEnd = -1;
  for (const m of s.plain.slice(0, token.start).matchAll(EXAMPLES))
    markerEnd = m.index + m[0].length;
  if (markerEnd < 0) return false;
  let from = markerEnd;
  for (const t of s.tokens) {
    if (t.start < markerEnd) continue;
    if (!EXAMPLE_GLUE.test(s.plain.slice(from, t.start))) return false;
    if (t === token) return true;
    if (t.kind !== 'name') return false;
    from = t.end;
  }
  return false;
}

/**
 * Whether two opposite words stand in one place: the content word before them, or the one after,
 * is the same. "colony under the Portuguese Empire" / "interactions over the years" oppose
 * nothing, and "worked … before entering politics" / "entered politics after working" says the
 * same with its two events the other way round.
 */
function inPlace(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  [x, y]: readonly [string, string],
): boolean {
  const around = (s: PreparedSentence, word: string) => {
    const at = s.words.findIndex((w) => w === word.toLowerCase());
    if (at < 0) return null;
    const content = (w: string | undefined) => w !== undefined && !isStopword(w);
    let [before, after] = [at - 1, at + 1];
    while (before >= 0 && !content(s.words[before])) before--;
    while (after < s.words.length && !content(s.words[after])) after++;
    return [s.words[before], s.words[after]].map((w) => (w === undefined ? null : wordNorm(w)));
  };
  const [a, b] = [around(sentence, x), around(counterpart, y)];
  if (!a || !b) return true;
  return (a[0] !== null && a[0] === b[0]) || (a[1] !== null && a[1] === b[1]);
}

/** Runs of adjacent names of `subset` ("Hayden" + "Christensen"), or parts of one value ("April"
 * + "28"), as token index ranges; any other token is a run of its own. */
export function phrases(s: PreparedSentence, subset: readonly Token[]): [number, number][] {
  const inSubset = new Set(subset);
  const out: [number, number][] = [];
  s.tokens.forEach((t, i) => {
    // "Dr" of "Dr. Ravi Kapoor" goes with the name it stands before, when that name is listed.
    if (!inSubset.has(t) || (titleOfName(s, i) && inSubset.has(s.tokens[i + 1]!))) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && (namesJoin(s, i - 1) || valueJoins(s, i - 1))) {
      last[1] = i;
    } else out.push([i, i]);
  });
  return out;
}

/** A title in quotes is one name: "Right" of "Right Now" is shown as the whole title. */
const QUOTED_TITLE = /^[\p{L}\p{N}][^"“”«».!?;:]{0,58}$/u;

/** Titles written before a name, which are not part of it. */
const TITLES = new Set(
  (
    'mr mrs ms miss dr sir dame lord lady king queen prince princess emperor empress pope ' +
    'president senator sen governor gov mayor minister chancellor judge justice professor prof ' +
    'general gen colonel col captain capt lieutenant lt sergeant sgt admiral bishop archbishop ' +
    'cardinal reverend rev coach representative rep congressman congresswoman duke duchess ' +
    'archduke earl count countess baron baroness margrave marquess marquis viscount tsar sultan emir'
  ).split(' '),
);

const isTitle = (t: Token): boolean => TITLES.has(t.raw.toLowerCase().replace(/\.$/, ''));

/** Whether token i of `s` is a title before a person's name ("Dr. Ravi Kapoor"), which is not a
 * name of its own; "Duke of Saxony" is. */
function titleOfName(s: PreparedSentence, i: number): boolean {
  const [t, u] = [s.tokens[i]!, s.tokens[i + 1]];
  return isTitle(t) && u?.kind === 'name' && /^\.?\s+$/.test(s.plain.slice(t.end, u.start));
}

/** Whether tokens i and i + 1 of `s` are words of one name (see NAME_GAP and OF_GAP). */
const namesJoin = (s: PreparedSentence, i: number): boolean => {
  const [t, u] = [s.tokens[i], s.tokens[i + 1]];
  if (!t || !u || !namePart(s, i) || !namePart(s, i + 1)) return false;
  // A possessive ends a name ("Japan's Tadahiro Nomura" is two), unless a common noun after it
  // ends the name ("Prime Minister's Department", "St John's College").
  if (/['’]s$/.test(t.raw) && !(inWordNet(u.raw) && !namesJoin(s, i + 1))) return false;
  const gap = s.plain.slice(t.end, u.start);
  if (NAME_GAP.test(gap)) return true;
  // One "of" to a name: "Board of Directors of the International Foundation" is two. An "of"
  // before the name is not in it ("a signer of the Declaration of Independence"), nor one that
  // does not join ("Ludwig Paischer of Austria").
  const before = s.tokens[i - 1];
  const afterOf =
    before?.kind === 'name' &&
    OF_GAP.test(s.plain.slice(before.end, t.start)) &&
    inWordNet(before.raw);
  // After one "of", an "and" goes on with the same name ("Minister of Youth and Sports",
  // "College of William and Mary"), unless a name of its own starts there ("Minister of
  // Development and Minister of Transport").
  if (afterOf) {
    const next = s.tokens[i + 2];
    if (!AND_GAP.test(gap) || (next && OF_GAP.test(s.plain.slice(u.end, next.start)))) return false;
    // Nor one that names its own head: "University of Michigan and Arizona State University".
    for (let j = i + 1; j < s.tokens.length; j++) {
      if (s.tokens[j]!.norm === before.norm) return false;
      const after = s.tokens[j + 1];
      if (!after || !NAME_GAP.test(s.plain.slice(s.tokens[j]!.end, after.start))) break;
    }
    return true;
  }
  return OF_GAP.test(gap) && (inWordNet(t.raw) || isTitle(t));
};

const AND_GAP = /^\s+and\s+$/;

/**
 * "of" joins two names when the first ends in a common noun written as a name ("Board of
 * Directors", "University of Rhode Island", "Mayor of Cranston"); after a person's name it
 * starts another ("Hiroshi Izumi of Japan").
 */
const OF_GAP = /^\s+of(?:\s+the)?\s+$/;

/**
 * What stands between two words of one name: a space, or capitalised small words, which are no
 * tokens ("The Man Who Shot Liberty Valance"), or a hyphen ("Saxe-Altenburg", "Gomez-Preston"),
 * or an ampersand ("Law & Order", "Dharma & Greg"). Not "of": "Hiroshi Izumi of Japan" is two
 * names.
 */
const NAME_GAP = /^(?:\s+(?:\p{Lu}\p{Ll}{0,3}\s+)*|[-‐]|\s+&\s+)$/u;

/** Lower-case words inside names ("Université de Montréal", "Ludwig van Beethoven", "Beit
 * el-Wali"). */
const PARTICLES = new Set(
  'de des du da di del della der den van von ter dos bin ibn el al'.split(' '),
);

/**
 * Whether token i of `s` is part of a name: a name, a particle between two names, or the
 * lower-case half of a hyphenated given name ("Kim Min-soo"), which is no English word
 * ("London-based" is a name and a word).
 */
function namePart(s: PreparedSentence, i: number): boolean {
  const t = s.tokens[i];
  if (t?.kind === 'name') return true;
  if (!t) return false;
  const [before, after] = [s.tokens[i - 1], s.tokens[i + 1]];
  if (
    before?.kind === 'name' &&
    /^[-‐]$/.test(s.plain.slice(before.end, t.start)) &&
    /^\p{Ll}+$/u.test(t.raw) &&
    !inWordNet(t.raw)
  ) {
    return true;
  }
  if (!PARTICLES.has(t.raw)) return false;
  // "Ludwig van Beethoven", "Beit el-Wali".
  const spaced = (x: Token, y: Token) => /^(?:\s+|[-‐])$/.test(s.plain.slice(x.end, y.start));
  return before?.kind === 'name' && after?.kind === 'name' && spaced(before, t) && spaced(t, after);
}

/**
 * Whether tokens i and i + 1 of `s` are parts of one value: a date's month and its day, in either
 * order, or a month or day and the year after it ("April 28, 1912"); a number and its scale
 * ("10 million").
 */
function valueJoins(s: PreparedSentence, i: number): boolean {
  const [t, u] = [s.tokens[i], s.tokens[i + 1]];
  if (!t || !u) return false;
  const gap = s.plain.slice(t.end, u.start);
  if (t.kind === 'number' && SCALE.test(u.raw) && /^\s+$/.test(gap)) return true;
  if (!/^,?\s+$/.test(gap)) return false;
  const [first, second] = [numberClass(s.tokens, i), numberClass(s.tokens, i + 1)];
  if (second === 'year') return first === 'month' || first === 'day';
  return (first === 'month' && second === 'day') || (first === 'day' && second === 'month');
}

/** Words that scale the number before them. */
const SCALE = /^(?:hundred|thousand|million|billion|trillion)s?$/i;

/** "The" written with a capital inside a sentence starts the title after it ("The Sting"). */
const TITLE_THE = /(?<=[^\s.!?:;]\s+)The\s+$/u;

/**
 * The text of a run of tokens as a reader reads it: a name whole ("Sri Lanka Army Sports Club",
 * not the "Lanka Army Sports Club" a sample lacks), or the quoted title a run of names stands in.
 */
export function phraseText(s: PreparedSentence, [a, b]: [number, number]): string {
  // Across other names of the same name, but not onto a title before it ("Senator").
  while (namesJoin(s, a - 1) && !isTitle(s.tokens[a - 1]!)) a--;
  while (namesJoin(s, b)) b++;
  // A date whole ("April 28, 1912", not "28"), a number with its scale ("10 million").
  while (valueJoins(s, a - 1)) a--;
  while (valueJoins(s, b)) b++;
  let start = readStart(s, s.tokens[a]!);
  if (s.tokens[a]!.kind === 'name') {
    const the = TITLE_THE.exec(s.plain.slice(0, start));
    if (the) start = the.index;
  }
  const end = readEnd(s, s.tokens[b]!);
  if (s.tokens[a]!.kind === 'name') {
    const before = s.plain.slice(0, start);
    const open = Math.max(
      before.lastIndexOf('"'),
      before.lastIndexOf('“'),
      before.lastIndexOf('«'),
    );
    const opensTitle = open >= 0 && (s.plain[open] !== '"' || countOf(before, '"') % 2 === 1);
    const close = s.plain.slice(end).search(/["”»]/);
    if (opensTitle && close >= 0) {
      const title = s.plain.slice(open + 1, end + close);
      if (QUOTED_TITLE.test(title)) return title;
    }
  }
  return s.plain.slice(start, end);
}

const countOf = (text: string, char: string) => text.split(char).length - 1;

/** The distinct phrases (adjacent names joined, seasons and quoted titles whole) that `tokens`
 * of `s` make, as a reader sees them. */
const phraseTexts = (s: PreparedSentence, tokens: readonly Token[]) => [
  ...new Set(phrases(s, tokens).map((p) => phraseText(s, p))),
];

/**
 * The differing names as whole phrases ("Hayden Christensen"), and on the sample's side only the
 * names that stand where the answer's do: for each missing phrase, the first offered phrase after
 * the nearest word both sentences share before it ("Anakin Skywalker, who was played by Hayden
 * Christensen" / "Anakin Skywalker, a Jedi Knight …" → "Jedi Knight", not also "Sith Lord").
 */
function nameSpans(
  sentence: PreparedSentence,
  counterpart: PreparedSentence,
  missing: readonly Token[],
  offered: readonly Token[],
): { answerSpans: string[]; sampleSpans: string[] } {
  const mine = phrases(sentence, missing);
  const theirs = phrases(counterpart, offered);
  const picked = new Set<number>();
  for (const [a] of mine) {
    let anchor = -1;
    for (let i = a - 1; i >= 0 && anchor === -1; i--) {
      const norm = sentence.tokens[i]!.norm;
      if (counterpart.norms.has(norm)) {
        anchor = counterpart.tokens.findIndex((t) => t.norm === norm);
      }
    }
    // Two names after one shared word stand for the two after it ("Japan's Tadahiro Nomura" /
    // "Korea's Kim Min-soo").
    let choice = theirs.findIndex(([b], k) => b > anchor && !picked.has(k));
    if (choice === -1) choice = theirs.findIndex(([b]) => b > anchor);
    if (choice === -1) choice = theirs.length - 1;
    picked.add(choice);
  }
  return {
    answerSpans: phraseTexts(sentence, missing),
    sampleSpans: [
      ...new Set([...picked].sort((x, y) => x - y).map((i) => phraseText(counterpart, theirs[i]!))),
    ],
  };
}
