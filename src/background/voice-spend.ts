/**
 * What each voice of a run used and cost, and the run's total: the per-source lines of the popup
 * and the one total it already showed. Costs add up only when every voice that answered has a
 * known cost: a total that left one out would claim too little.
 */
import { costOfRun } from '../sampling/cost.ts';
import type { BackendSettings, TokenUsage } from '../shared/backend.ts';
import type { RunCost } from '../shared/run-cost.ts';
import type { SourceSpend } from '../shared/sources.ts';

/** Input and output tokens summed; null until some usage is reported. */
export function addUsage(
  total: TokenUsage | null,
  usage: TokenUsage | undefined | null,
): TokenUsage | null {
  if (!usage) return total;
  return {
    inputTokens: (total?.inputTokens ?? 0) + (usage.inputTokens ?? 0),
    outputTokens: (total?.outputTokens ?? 0) + (usage.outputTokens ?? 0),
  };
}

/** Free when all are free; priced when all are known and one is priced; null when one is unknown. */
export function addCosts(costs: readonly (RunCost | null)[]): RunCost | null {
  if (costs.length === 0 || costs.some((c) => c === null)) return null;
  const priced = costs.filter(
    (c): c is Extract<RunCost, { kind: 'priced' }> => c?.kind === 'priced',
  );
  if (priced.length === 0) return { kind: 'free' };
  return {
    kind: 'priced',
    usd: priced.reduce((sum, c) => sum + c.usd, 0),
    pricedAs: [...new Set(priced.map((c) => c.pricedAs))].join(' + '),
    pricesAsOf: [...new Set(priced.map((c) => c.pricesAsOf))].join(', '),
  };
}

export interface VoiceTally {
  spend: Omit<SourceSpend, 'cost'>;
  backend: Pick<BackendSettings, 'kind' | 'presetId' | 'baseUrl' | 'model'>;
}

/**
 * Each voice's spend with its cost, and the run's total usage and cost over the voices that
 * answered (a voice that returned nothing was not billed for samples, and a voice not asked
 * cost nothing).
 */
export function tallySpend(tallies: readonly VoiceTally[]): {
  spend: SourceSpend[];
  usage: TokenUsage | null;
  cost: RunCost | null;
} {
  const spend = tallies.map(({ spend, backend }) => ({
    ...spend,
    cost: spend.asked > 0 ? costOfRun(backend, spend.usage) : null,
  }));
  const answered = spend.filter((s) => s.received > 0);
  return {
    spend,
    usage: answered.reduce<TokenUsage | null>((sum, s) => addUsage(sum, s.usage), null),
    cost: addCosts(answered.map((s) => s.cost)),
  };
}
