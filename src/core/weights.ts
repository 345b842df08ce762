/**
 * How much each content token of an answer sentence counts as evidence. Numbers, dates and names
 * carry most factual errors, so they weigh more; tokens that few of the texts contain weigh more
 * too (an inverse document frequency over the answer and its samples), because a rare detail
 * that the samples do not repeat is what an invented fact looks like.
 */
import type { Token } from './lexical.ts';
import type { ScoringParams } from './params.ts';
import type { PreparedText } from './prepare.ts';

export type TokenWeight = (token: Token) => number;

/** Weights over the answer and the samples analysed so far. */
export function tokenWeights(
  answer: PreparedText,
  samples: readonly PreparedText[],
  params: ScoringParams,
): TokenWeight {
  const texts = samples.length + 1;
  // Memoised: alignment asks for the same token's weight once per sample sentence.
  const rarities = new Map<string, number>();
  const rarityOf = (norm: string) => {
    let rarity = rarities.get(norm);
    if (rarity === undefined) {
      let df = answer.norms.has(norm) ? 1 : 0;
      for (const s of samples) if (s.norms.has(norm)) df++;
      rarity = 1 + params.idfStrength * Math.log(texts / Math.max(1, df));
      rarities.set(norm, rarity);
    }
    return rarity;
  };
  return (token) => {
    const rarity = rarityOf(token.norm);
    const kind =
      token.kind === 'number' ? params.numberWeight : token.kind === 'name' ? params.nameWeight : 1;
    return kind * rarity;
  };
}

/** Distinct tokens by normalised form, keeping the first occurrence. */
export function distinctTokens(tokens: readonly Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.norm) && seen.add(t.norm));
}

/** Weighted share of `tokens` whose normalised form is in `norms` (1 when there are none). */
export function coverage(
  tokens: readonly Token[],
  norms: ReadonlySet<string>,
  weight: TokenWeight,
): number {
  let total = 0;
  let covered = 0;
  for (const t of tokens) {
    const w = weight(t);
    total += w;
    if (norms.has(t.norm)) covered += w;
  }
  return total === 0 ? 1 : covered / total;
}
