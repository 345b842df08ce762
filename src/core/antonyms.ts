/**
 * Pairs of words with opposite meaning, for spotting contradictions that keep every other word
 * ("sales rose" vs "sales fell"). Compared by `lemma`, so inflections meet; irregular past forms
 * are listed as their own pairs because no light stemmer joins "won" to "win".
 */
import { lemma } from './lexical.ts';

const PAIRS: readonly (readonly [string, string])[] = (
  'increase/decrease increase/reduce increase/cut rise/fall rose/fell rise/decline grow/shrink ' +
  'gain/loss gain/lose win/lose won/lost winner/loser victory/defeat profit/loss ' +
  'before/after earlier/later earliest/latest early/late first/last begin/end start/end ' +
  'start/finish open/close open/shut more/less more/fewer most/least higher/lower ' +
  'highest/lowest high/low larger/smaller largest/smallest large/small big/small bigger/smaller ' +
  'long/short longer/shorter older/younger oldest/youngest old/young old/new major/minor ' +
  'maximum/minimum max/min majority/minority above/below over/under up/down inside/outside ' +
  'north/south east/west northern/southern eastern/western left/right male/female man/woman ' +
  'men/women boy/girl husband/wife father/mother son/daughter brother/sister king/queen ' +
  'positive/negative true/false correct/incorrect right/wrong yes/no always/never ' +
  'all/none everyone/nobody everything/nothing possible/impossible legal/illegal ' +
  'accept/reject approve/reject approve/deny allow/forbid allow/prohibit allow/ban ' +
  'permit/forbid include/exclude agree/disagree support/oppose like/dislike love/hate ' +
  'buy/sell bought/sold import/export arrive/depart enter/leave enter/exit pass/fail ' +
  'success/failure succeed/fail successful/unsuccessful guilty/innocent present/absent ' +
  'alive/dead live/die born/died rich/poor full/empty wet/dry fast/slow hot/cold warm/cool ' +
  'cheap/expensive easy/difficult easy/hard strong/weak good/bad better/worse best/worst ' +
  'happy/sad same/different similar/different public/private private/public ' +
  'remember/forget forward/backward attack/defend ally/enemy friend/enemy win/draw ' +
  'confirm/deny admit/deny acquitted/convicted acquit/convict hire/fire employ/dismiss ' +
  'join/leave joined/left resign/appoint elected/defeated married/divorced ' +
  'internal/external domestic/foreign urban/rural modern/ancient future/past ' +
  'retain/lose keep/lose keep/sell raise/lower lift/lower strengthen/weaken expand/contract ' +
  'optimistic/pessimistic praise/criticize praised/criticized upgrade/downgrade ' +
  'present/past increase/drop higher/fewer surplus/deficit'
)
  .split(' ')
  .map((p) => p.split('/') as [string, string]);

const OPPOSITES = new Map<string, Set<string>>();
for (const [a, b] of PAIRS) {
  for (const [x, y] of [
    [lemma(a), lemma(b)],
    [lemma(b), lemma(a)],
  ] as const) {
    let set = OPPOSITES.get(x);
    if (!set) OPPOSITES.set(x, (set = new Set()));
    set.add(y);
  }
}

/** Lemmas opposed to the word's lemma (empty when the word has no listed opposite). */
export function opposites(word: string): ReadonlySet<string> {
  return OPPOSITES.get(lemma(word)) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/** Prefixes that negate the word they are put on; "in-", "dis-" and the like are left out
 * because too many words merely start with them ("information", "display"). */
const NEGATING_PREFIX = /^(un|non-?)/;

/**
 * The first antonym pair between two word lists where each side lacks the other's word, e.g.
 * ["rose", "fell"]; null when there is none.
 */
export function antonymPair(
  answerWords: readonly string[],
  otherWords: readonly string[],
): [string, string] | null {
  const answerLemmas = new Set(answerWords.map(lemma));
  const otherLemmas = new Map(otherWords.map((w) => [lemma(w), w]));
  const answerByLemma = new Map(answerWords.map((w) => [lemma(w), w]));
  // A word negated by its prefix: "surprising" / "unsurprising", "profit" / "non-profit".
  for (const [l, w] of answerByLemma) {
    for (const [m, found] of otherLemmas) {
      const [long, short] = l.length > m.length ? [l, m] : [m, l];
      const prefix = NEGATING_PREFIX.exec(long);
      if (
        prefix &&
        short.length >= 4 &&
        long.slice(prefix[0].length) === short &&
        !answerLemmas.has(m) &&
        !otherLemmas.has(l)
      ) {
        return [w, found];
      }
    }
  }
  for (const w of answerWords) {
    for (const opposite of opposites(w)) {
      const found = otherLemmas.get(opposite);
      if (found !== undefined && !answerLemmas.has(opposite) && !otherLemmas.has(lemma(w))) {
        return [w, found];
      }
    }
  }
  return null;
}
