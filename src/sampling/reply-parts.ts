/**
 * What every backend's JSON reply has in common once its own shape is read: several answers in
 * the order the server numbered them, token counts that may be missing or junk, and a model name.
 */
import type { BackendCallResult, TokenUsage } from './types.ts';

/** Reads a non-negative integer token count, or undefined. */
export function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Items in the order of their numeric `index` where they carry one, else as listed. */
export function inIndexOrder<T extends { index?: unknown } | null | undefined>(
  items: readonly T[],
): T[] {
  return items
    .map((item, position) => ({
      item,
      order: typeof item?.index === 'number' ? item.index : position,
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ item }) => item);
}

/** The counts that are known; undefined when none is. */
export function knownUsage(counts: {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  totalTokens: number | undefined;
}): TokenUsage | undefined {
  const usage: TokenUsage = {};
  for (const key of ['inputTokens', 'outputTokens', 'totalTokens'] as const) {
    const count = counts[key];
    if (count !== undefined) usage[key] = count;
  }
  return Object.keys(usage).length > 0 ? usage : undefined;
}

/** One call's result: the texts, plus usage and the model name the server reported, if any. */
export function callResult(
  texts: string[],
  usage: TokenUsage | undefined,
  model: unknown,
): BackendCallResult {
  const result: BackendCallResult = { texts };
  if (usage) result.usage = usage;
  if (typeof model === 'string' && model !== '') result.model = model;
  return result;
}
