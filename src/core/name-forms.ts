/**
 * One name in two forms: a place and its people or adjective ("Japan" / "Japanese",
 * "Indonesia" / "Indonesian", "Moluccas" / "Moluccan"). findConflict (conflicts.ts) reads a name
 * the answer has and the sample lacks, next to one the sample has and the answer lacks, as an
 * entity swap; two forms of one name are the same entity, not a swap.
 */
import { stem, type Token } from './lexical.ts';

/** Endings that make a people, an adjective or a doctrine of a name: Japan-ese, Indonesia-n,
 * Bengal-i, Alli-ed, Kantian-ism. */
const DERIVED_ENDING = /^(?:n|an|ian|ese|i|ish|ic|ed|ism)$/;

/** Whether two names are one name in two forms. */
export function sameNameRoot(a: string, b: string): boolean {
  const x = stem(a);
  const y = stem(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // "Korea" + "n", "Italy" → "Ital" + "ian": a final vowel gives way to the ending; "Ally" →
  // "Alli" + "ed".
  for (const root of new Set([short, short.replace(/[aeyo]$/, ''), short.replace(/y$/, 'i')])) {
    if (root.length >= 4 && long.startsWith(root) && DERIVED_ENDING.test(long.slice(root.length))) {
      return true;
    }
  }
  return false;
}

/** The name tokens of `tokens` that have another form among the names of `others`. */
export function withOtherForm(tokens: readonly Token[], others: readonly Token[]): Set<Token> {
  const names = others.filter((t) => t.kind === 'name');
  return new Set(tokens.filter((t) => names.some((o) => sameNameRoot(t.raw, o.raw))));
}

/**
 * Whether a text with content tokens `norms` names `token` in some form ("Sri Lankan" names
 * "Lanka"): a name it has in another form is not missing from it.
 */
export function namedIn(token: Token, norms: ReadonlySet<string>): boolean {
  if (norms.has(token.norm)) return true;
  if (token.kind !== 'name') return false;
  for (const norm of norms) if (sameNameRoot(token.norm, norm)) return true;
  return false;
}
