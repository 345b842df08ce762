/**
 * What a run cost, as shown in the popup and the bar: free when the samples came from the user's
 * machine, dollars when the backend's preset knows its prices, nothing claimed otherwise. The
 * arithmetic is here (plain data crossing contexts); the price table is in shared/backend-kinds.ts.
 */
import type { TokenUsage } from './backend.ts';

/** US dollars per million tokens, as the provider's public pricing page lists them. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

export type RunCost =
  | { kind: 'free' }
  | {
      kind: 'priced';
      usd: number;
      /** Whose prices, e.g. "OpenAI gpt-4o-mini", and when they were read ("2025-01"). */
      pricedAs: string;
      pricesAsOf: string;
    };

/** Dollars for the reported tokens; null when the backend did not report both counts. */
export function dollarsFor(usage: TokenUsage | null, price: ModelPrice): number | null {
  if (usage?.inputTokens === undefined || usage.outputTokens === undefined) return null;
  return (
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) /
    1_000_000
  );
}

/** "$0.00042", "$0.013", "$1.25": two significant digits below a dollar, cents above. */
export function formatDollars(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(2)).toString()}`;
}

export function describeCost(cost: RunCost): string {
  return cost.kind === 'free'
    ? 'free (runs locally)'
    : `about ${formatDollars(cost.usd)} at ${cost.pricedAs} prices of ${cost.pricesAsOf}`;
}

/**
 * One sentence on what the samples used: "1,234 tokens used, about $0.00042 at OpenAI gpt-4o-mini
 * prices of 2025-01.", "Free (runs locally).", or "" when nothing was reported or known.
 */
export function spendText(usage: TokenUsage | null, cost: RunCost | null): string {
  const tokens =
    usage && (usage.inputTokens !== undefined || usage.outputTokens !== undefined)
      ? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0)
      : usage?.totalTokens;
  const used = tokens === undefined ? '' : `${tokens.toLocaleString('en')} tokens used`;
  if (!cost) return used ? `${used}.` : '';
  const price = describeCost(cost);
  return used ? `${used}, ${price}.` : `${price[0]!.toUpperCase()}${price.slice(1)}.`;
}
