/** What every benchmark section receives: the embedder, parameter overrides and run limits. */
import type { ScoringParams } from '../../src/core/params.ts';
import type { MemoEmbedder } from './memo-embedder.ts';

export interface BenchContext {
  embedder: MemoEmbedder;
  params: Partial<ScoringParams>;
  /** Use at most this many records of each set (quick runs). */
  limit: number | undefined;
  log: (line: string) => void;
}

export function take<T>(items: readonly T[], limit: number | undefined): T[] {
  return limit === undefined ? [...items] : items.slice(0, limit);
}

export const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(2) : '–');

/** Renders rows as an aligned text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
