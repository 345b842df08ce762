/**
 * Lexical features of a sentence: its content words, numbers (with dates) and names, normalised
 * so that two wordings of the same fact compare equal ("1,000" = "1000", "three" = "3",
 * "Lawyers" = "lawyer"). Factual errors mostly live in these tokens, so they carry most of the
 * lexical evidence; function words are dropped.
 *
 * The word lists and rules are English; other languages get words from Intl.Segmenter (see
 * language.ts).
 */
import { segmenterWords, type Language } from './language.ts';

export type TokenKind = 'number' | 'name' | 'word';

export interface Token {
  /** Normalised form used for matching. */
  norm: string;
  kind: TokenKind;
  /** The token as written, and its [start, end) offsets in the tokenised text. */
  raw: string;
  start: number;
  end: number;
}

const STOPWORDS = new Set(
  (
    'a an the and or but if then else so as of at by for with about against between into ' +
    'through during before after above below to from up down in out on off over under again ' +
    'further once here there when where why how all any both each few more most other some ' +
    'such only own same than too very can will just should now i me my myself we our ours ' +
    'you your yours he him his himself she her hers herself it its itself they them their ' +
    'theirs what which who whom this that these those am is are was were be been being have ' +
    'has had having do does did doing would could may might must shall also which while ' +
    'although though because since until unless whether either neither nor yet still even ' +
    'ever much many well its s t d ll m re ve like including include includes known ' +
    'called named became become becomes later during within without upon onto toward towards ' +
    'per via among amongst around across along throughout often usually generally several ' +
    'various number numbers time times year years'
  ).split(/\s+/),
);

/** Whether a lower-cased word is a function word ("the", "from", "and"). */
export const isStopword = (word: string): boolean => STOPWORDS.has(word);

/** Words that flip the meaning of the clause they sit in. */
export const NEGATORS = new Set(
  // "false", "failed" and the like are left out: as adjectives ("false shutters") or antonyms
  // (see antonyms.ts) they would flip polarity where nothing is negated.
  "not no never none nobody nothing neither nor without cannot n't nowhere".split(' '),
);

// Only unambiguous number words: "half", "once", "single" or "double" are too often not numbers.
const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
  billion: '1000000000',
  dozen: '12',
  twice: '2',
};

const MONTHS = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);

// Words, numbers (with separators, decimals — ".535" too —, ordinals, percentages; a time, score or verse with
// its colons, "1:05:99", and a relay's "4×100", are one value each), contractions' "n't" and
// dotted abbreviations that start with a capital ("Ph.D.", "U.S.A.", "M.Sc.").
const TOKEN =
  /n't|(?<![\p{L}\p{N}.])\.\p{N}+|\p{N}(?:[\p{N},.]|[:×]\p{N})*\p{N}(?:st|nd|rd|th|s|%)?|\p{N}(?:st|nd|rd|th|s|%)?|\p{Lu}\p{L}?\.(?:\p{L}{1,2}\.)+|[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

/**
 * Normalises a word for matching: lower case, no accents ("Kévin" = "Kevin", "Québécois" =
 * "Quebecois": one name, spelt with or without them), no possessive, a light plural/verb stem.
 */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']s$/, '')
    .replace(/[’']/g, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) {
    w = w.slice(0, -1);
  }
  return w;
}

/** Stronger stem for antonym lookup only, where "increased" must meet "increase". */
export function lemma(word: string): string {
  let w = stem(word);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Common irregular past forms, so "began" meets "begins" and "won" meets "wins". */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    'began:begin begun:begin won:win wrote:write written:write made:make went:go gone:go ' +
    'took:take taken:take gave:give given:give held:hold led:lead built:build grew:grow ' +
    'grown:grow drew:draw drawn:draw ran:run sang:sing sung:sing spoke:speak spoken:speak ' +
    'taught:teach fought:fight brought:bring bought:buy thought:think sold:sell told:tell ' +
    'met:meet lost:lose chose:choose chosen:choose rose:rise risen:rise saw:see ' +
    'seen:see knew:know known:know got:get kept:keep sent:send spent:spend stood:stand ' +
    'wore:wear worn:wear fell:fall fallen:fall flew:fly flown:fly broke:break broken:break ' +
    'shot:shoot struck:strike sat:sit paid:pay laid:lay meant:mean heard:hear felt:feel ' +
    'dealt:deal drove:drive driven:drive rode:ride ridden:ride threw:throw ' +
    'thrown:throw forgot:forget forgotten:forget overtook:overtake undertook:undertake said:say'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** The base form of a common irregular past form ("won" → "win"), else the word itself. */
export function irregularBase(word: string): string {
  return IRREGULAR[word.toLowerCase()] ?? word;
}

/**
 * Matching form of an ordinary (non-name) word: the light stem, then inflections of verbs
 * folded too ("opened" = "opens" = "open", "began" = "begins"), so a reworded tense still counts
 * as the same word.
 */
export function wordNorm(word: string): string {
  const base = IRREGULAR[word.toLowerCase()];
  return lemma(base ?? word);
}

/**
 * The second year of a season or span written short ("2016–17", "1998-99"): 2017, 1999, so
 * that it meets the year written out; null for any other number.
 */
function seasonYear(text: string, start: number, raw: string): string | null {
  if (!/^\d{2}$/.test(raw)) return null;
  const before = /(\d{4})[-‐‑–/]$/.exec(text.slice(Math.max(0, start - 5), start));
  if (!before) return null;
  const first = Number(before[1]);
  let year = Math.floor(first / 100) * 100 + Number(raw);
  if (year <= first) year += 100;
  // Only the next few years: "1990-91", not a page range such as "1990-45".
  return year - first <= 9 ? String(year) : null;
}

function normaliseNumber(raw: string): string {
  const n = raw
    .replace(/^\./, '0.')
    .replace(/(st|nd|rd|th|s)$/i, '')
    .replace(/,(?=\d{3}\b)/g, '');
  // "1990s" and "1990" are kept equal on purpose: a decade and a year in it rarely conflict.
  return n.replace(/\.0+$/, '');
}

/** Two labels for one era: "476 AD" is "476 CE", "50 BC" is "50 BCE"; BC against AD still differs. */
const ERA_LABELS: Readonly<Record<string, string>> = { AD: 'ce', CE: 'ce', BC: 'bce', BCE: 'bce' };

/** Tokens of a text: every word with its kind; stopwords are included as kind 'word' only when
 * `keepStopwords` is set (for negation and order checks). */
export function tokenize(text: string, keepStopwords = false, language: Language = 'en'): Token[] {
  if (language !== 'en') return segmenterTokens(text);
  const tokens: Token[] = [];
  let first = true;
  // Content tokens read the parts of a hyphenated word on their own ("Bailey-Thompson" =
  // "Bailey–Thompson", "Revival-style" holds "Revival"); same length, so offsets stay exact.
  // Words for negation and antonym checks keep them whole ("never-before-seen").
  const source = keepStopwords
    ? text
    : text.replace(/(?<=[\p{L}\p{N}])[-‐‑–](?=[\p{L}\p{N}])/gu, ' ');
  for (const m of source.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    const lower = raw.toLowerCase();
    const atSentenceStart = first || /[.!?:]\s*$/.test(source.slice(Math.max(0, start - 3), start));
    first = false;
    if (/^\.?\p{N}/u.test(raw)) {
      tokens.push({
        norm: seasonYear(text, start, raw) ?? normaliseNumber(raw),
        kind: 'number',
        raw,
        start,
        end,
      });
      continue;
    }
    const numberWord = NUMBER_WORDS[lower];
    // "one of the most …" picks one out, it counts nothing.
    if (lower === 'one' && /^\s+of\b/i.test(source.slice(end, end + 4))) {
      if (keepStopwords) tokens.push({ norm: lower, kind: 'word', raw, start, end });
      continue;
    }
    if (numberWord !== undefined) {
      tokens.push({ norm: numberWord, kind: 'number', raw, start, end });
      continue;
    }
    if (MONTHS.has(lower) && (lower !== 'may' || /^\p{Lu}/u.test(raw))) {
      tokens.push({ norm: lower.slice(0, 3), kind: 'number', raw, start, end });
      continue;
    }
    // An abbreviation reads the same with its dots or without ("Ph.D." = "PhD").
    const word = raw.includes('.') ? raw.replaceAll('.', '') : raw;
    const era = ERA_LABELS[word];
    if (era) {
      tokens.push({ norm: era, kind: 'name', raw, start, end });
      continue;
    }
    const norm = stem(word);
    // "Will" before a name mid-sentence is a first name ("Will Oldham"), not the auxiliary.
    const givenName =
      lower === 'will' &&
      raw === 'Will' &&
      !atSentenceStart &&
      /^\s+\p{Lu}/u.test(source.slice(end, end + 3));
    // "I" right after a name is its regnal number ("Jacques I", "Louis I"), not the pronoun.
    const last = tokens[tokens.length - 1];
    const regnal =
      raw === 'I' && last?.kind === 'name' && last.end === start - 1 && source[start - 1] === ' ';
    if (
      !givenName &&
      !regnal &&
      (STOPWORDS.has(lower) || STOPWORDS.has(norm) || NEGATORS.has(lower))
    ) {
      if (keepStopwords) tokens.push({ norm, kind: 'word', raw, start, end });
      continue;
    }
    if (norm.length < 2 && !regnal) continue;
    // A capital mid-sentence marks a name; at the start of a sentence it only does when the
    // next word is capitalised too ("John Smith was ...").
    // An elided French article before a capital is part of the name: "Musée d'Art Moderne".
    const capital = /^(?:[dl]['’])?\p{Lu}/u.test(raw);
    // (Not the pronoun: "Then I left".)
    const nextCapital = /^\s+(?!I\b)\p{Lu}/u.test(source.slice(end, end + 4));
    const isName = capital && (!atSentenceStart || nextCapital || /^\p{Lu}{2,}$/u.test(word));
    // Names are folded like words (but never as irregular verbs: "Rose" stays a name), so the
    // "Bridge" of "Brooklyn Bridge" still meets a table cell's "Bridge opens".
    if (isName) tokens.push({ norm: lemma(word), kind: 'name', raw, start, end });
    else tokens.push({ norm: wordNorm(word), kind: 'word', raw, start, end });
  }
  return tokens;
}

/**
 * Tokens of a text in a language without word lists: numbers as written, and every other word
 * lower-cased (no stopwords, stems or names).
 */
function segmenterTokens(text: string): Token[] {
  return segmenterWords(text).map(({ raw, start, end }): Token => {
    // As written: "2.000" is two thousand in German, two in English.
    if (/^\p{N}/u.test(raw)) return { norm: raw, kind: 'number', raw, start, end };
    return { norm: raw.toLocaleLowerCase(), kind: 'word', raw, start, end };
  });
}

/** Words of a text with stopwords, lower-cased, for negation counting and antonym lookup. */
export function allWords(text: string): string[] {
  return tokenize(text, true)
    .filter((t) => t.kind !== 'number')
    .map((t) => t.raw.toLowerCase().replace(/’/g, "'"));
}

/**
 * The words of a text that negate, as written. Not a negator that opens a fixed phrase ("not
 * only"), nor a lower-case "no" between two capitalised words, which is a particle of a name
 * ("Kaze no Naka no Shōjo", "Hanazakari no Kimitachi e").
 */
export function negatingWords(text: string): string[] {
  const tokens = tokenize(text, true).filter((t) => t.kind !== 'number');
  const words = tokens.map((t) => t.raw.toLowerCase().replace(/’/g, "'"));
  return tokens.flatMap((t, i) => {
    const w = words[i]!;
    if (!(NEGATORS.has(w) || w.endsWith("n't")) || FIXED_PHRASE.has(`${w} ${words[i + 1]}`)) {
      return [];
    }
    const capital = (u: Token | undefined) => !!u && /^\p{Lu}/u.test(u.raw);
    if (t.raw === w && capital(tokens[i - 1]) && capital(tokens[i + 1])) return [];
    return [w];
  });
}

/** Number of negating words, so two sentences can be compared for parity. */
export function negationCount(text: string): number {
  return negatingWords(text).length;
}

/** Fixed phrases that start with a negator but negate nothing: "not only … but also" (and its
 * "not just", "not merely"), "no matter" (regardless), "no doubt" (surely). */
const FIXED_PHRASE = new Set(['not only', 'not just', 'not merely', 'no matter', 'no doubt']);
