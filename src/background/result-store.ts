/**
 * Finished analyses, kept per conversation in `storage.local` so a reload (or a browser restart)
 * shows them again without paying for samples twice. Bounded: the oldest results go first.
 */
import browser from 'webextension-polyfill';
import type { AnalysisReport } from '../core/types.ts';
import type { Capture } from '../shared/conversation.ts';
import type { TokenUsage } from '../shared/backend.ts';

const INDEX_KEY = 'results:index';
const MAX_RESULTS = 200;

export interface StoredResult {
  answerHash: string;
  sampleCount: number;
  report: AnalysisReport;
  usage: TokenUsage | null;
  savedAt: number;
}

/** FNV-1a over the text plus its length: cheap, stable, and enough to tell answers apart. */
export function answerHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}-${text.length}`;
}

function keyFor(capture: Pick<Capture, 'site' | 'conversationId'>): string {
  return `result:${capture.site}:${capture.conversationId}`;
}

/** The stored result for this exact answer with at least `sampleCount` samples, if any. */
export async function findResult(
  capture: Capture,
  sampleCount: number,
): Promise<StoredResult | null> {
  const key = keyFor(capture);
  const stored = (await browser.storage.local.get(key))[key] as StoredResult | undefined;
  if (!stored || stored.answerHash !== answerHash(capture.answer)) return null;
  return stored.sampleCount >= sampleCount ? stored : null;
}

export async function saveResult(capture: Capture, result: StoredResult): Promise<void> {
  const key = keyFor(capture);
  const index =
    ((await browser.storage.local.get(INDEX_KEY))[INDEX_KEY] as string[] | undefined) ?? [];
  const next = [...index.filter((k) => k !== key), key];
  const evicted = next.splice(0, Math.max(0, next.length - MAX_RESULTS));
  await browser.storage.local.set({ [key]: result, [INDEX_KEY]: next });
  if (evicted.length > 0) await browser.storage.local.remove(evicted);
}
