/**
 * The result store against an in-memory storage area that enforces a quota the way
 * chrome.storage.local does (the whole area's JSON size; a write over it fails and changes
 * nothing).
 */
import { sentenceLevel } from '../../src/core/severity.ts';
import { describe, expect, it } from 'vitest';
import {
  packReport,
  ResultStore,
  unpackReport,
  storedBytes,
  type StorageAreaLike,
  type StoredResult,
} from '../../src/background/result-store.ts';
import { createAnalysis } from '../../src/core/analysis.ts';
import type { AnalysisReport } from '../../src/core/types.ts';
import type { Capture } from '../../src/shared/conversation.ts';
import { bagOfWordsEmbedder } from './core-test-embedder.ts';

function quotaArea(quotaBytes: number): StorageAreaLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const size = (m: Map<string, unknown>) =>
    [...m].reduce((sum, [k, v]) => sum + storedBytes(k, v), 0);
  return {
    data,
    get(keys) {
      const list = typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const k of list) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return Promise.resolve(out);
    },
    set(items) {
      const next = new Map(data);
      for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
      if (size(next) > quotaBytes) {
        return Promise.reject(new Error('Resource::kQuotaBytes quota exceeded'));
      }
      for (const [k, v] of next) data.set(k, v);
      return Promise.resolve();
    },
    remove(keys) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
      return Promise.resolve();
    },
  };
}

const SENTENCES = [
  'The Brooklyn Bridge opened in 1883.',
  'It spans the East River.',
  'John Roebling designed it.',
  'Its main span is 486 metres long.',
];

async function report(words = 1): Promise<AnalysisReport> {
  const answer = Array.from({ length: words }, () => SENTENCES.join(' ')).join(' ');
  const analysis = await createAnalysis(answer, bagOfWordsEmbedder());
  await analysis.addSample('The Brooklyn Bridge opened in 1884. It spans the East River.');
  await analysis.addSample('The bridge opened in 1883. Washington Roebling finished it.');
  return analysis.report();
}

const capture = (id: string, answer: string): Capture => ({
  site: 'chatgpt',
  conversationId: id,
  turns: [{ role: 'user', text: 'When did the Brooklyn Bridge open?' }],
  answer,
});

function result(r: AnalysisReport, answerHash: string): StoredResult {
  return { answerHash, sampleCount: 2, report: r, usage: null, savedAt: 0, notes: [] };
}

describe('result store', () => {
  it('finds a stored result for the same answer only', async () => {
    const area = quotaArea(1_000_000);
    const store = new ResultStore(area);
    const r = await report();
    const { answerHash } = await import('../../src/background/result-store.ts');
    await store.save(capture('/c/1', r.answer), result(r, answerHash(r.answer)));
    expect(
      (await store.find(capture('/c/1', r.answer), { sampleCount: 2, voicesKey: '' }))?.report
        .answer,
    ).toBe(r.answer);
    expect(
      await store.find(capture('/c/1', r.answer), { sampleCount: 3, voicesKey: '' }),
    ).toBeNull();
    expect(
      await store.find(capture('/c/1', 'another answer'), { sampleCount: 1, voicesKey: '' }),
    ).toBeNull();
  });

  it('stores a packed report that reads back as the page needs it', async () => {
    const r = await report(20);
    const packed = packReport(r);
    expect(storedBytes('k', packed)).toBeLessThan(storedBytes('k', r) * 0.9);
    const back = unpackReport(structuredClone(packed));
    expect(back.answer).toBe(r.answer);
    expect(back.samples).toEqual(r.samples);
    back.sentences.forEach((finding, i) => {
      const full = r.sentences[i]!;
      expect(finding.segment).toEqual(full.segment);
      expect(finding.evidence.map((e) => e.supports)).toEqual(full.evidence.map((e) => e.supports));
      expect(finding.score).toBeCloseTo(full.score, 4);
      // Cards open only on sentences with a level (at some sensitivity): their wording reads
      // back whole.
      if (sentenceLevel(full, 'more')) {
        expect(finding.evidence.map((e) => [e.counterpart, e.answerSpans, e.sampleSpans])).toEqual(
          full.evidence.map((e) => [e.counterpart, e.answerSpans, e.sampleSpans]),
        );
      } else expect(finding.evidence.every((e) => e.counterpart === null)).toBe(true);
    });
    expect(back.sentences.some((f) => sentenceLevel(f, 'more'))).toBe(true);
    expect(back.sentences.some((f) => !sentenceLevel(f, 'more'))).toBe(true);
  });

  it('reads results stored before packing as they were', async () => {
    const area = quotaArea(1_000_000);
    const r = await report();
    const { answerHash } = await import('../../src/background/result-store.ts');
    await area.set({ 'result:chatgpt:/c/1': result(r, answerHash(r.answer)) });
    const found = await new ResultStore(area).find(capture('/c/1', r.answer), {
      sampleCount: 2,
      voicesKey: '',
    });
    expect(found?.report).toEqual(r);
  });

  it('keeps within its byte budget by evicting the oldest results', async () => {
    const area = quotaArea(10_000_000);
    const r = await report(5);
    const one = storedBytes('result:chatgpt:/c/0', packReport(r)) + 200;
    const store = new ResultStore(area, one * 3.5);
    for (let i = 0; i < 6; i++) {
      await store.save(capture(`/c/${i}`, r.answer), result(r, `h${i}`));
    }
    const kept = [...area.data.keys()].filter((k) => k.startsWith('result:chatgpt:')).sort();
    expect(kept).toEqual(['result:chatgpt:/c/3', 'result:chatgpt:/c/4', 'result:chatgpt:/c/5']);
    const total = [...area.data].reduce((sum, [k, v]) => sum + storedBytes(k, v), 0);
    expect(total).toBeLessThanOrEqual(one * 3.5 + 2000);
  });

  it('keeps at most its count of results', async () => {
    const area = quotaArea(10_000_000);
    const r = await report();
    const store = new ResultStore(area, 10_000_000, 2);
    for (let i = 0; i < 4; i++) await store.save(capture(`/c/${i}`, r.answer), result(r, `h${i}`));
    expect([...area.data.keys()].filter((k) => k.startsWith('result:')).sort()).toEqual([
      'result:chatgpt:/c/2',
      'result:chatgpt:/c/3',
    ]);
  });

  it('fails a save clearly when storage is full of other things, and keeps its index true', async () => {
    const r = await report(5);
    const area = quotaArea(storedBytes('x', packReport(r)) + 3000);
    await area.set({ settings: { filler: 'y'.repeat(4000) } });
    const store = new ResultStore(area);
    await expect(store.save(capture('/c/1', r.answer), result(r, 'h1'))).rejects.toThrow(/quota/);
    expect(area.data.has('result:chatgpt:/c/1')).toBe(false);
    expect(area.data.get('settings')).toEqual({ filler: 'y'.repeat(4000) });
    // A later, smaller result still goes in.
    const small = await report(1);
    await area.remove('settings');
    await store.save(capture('/c/2', small.answer), result(small, 'h2'));
    expect(area.data.get('results:index')).toEqual([
      { key: 'result:chatgpt:/c/2', bytes: expect.any(Number) as number },
    ]);
  });

  it('reads the bare-key index of earlier versions', async () => {
    const area = quotaArea(10_000_000);
    const r = await report();
    await area.set({
      'result:chatgpt:/c/old': result(r, 'h0'),
      'results:index': ['result:chatgpt:/c/old'],
    });
    const store = new ResultStore(area, 10_000_000, 1);
    await store.save(capture('/c/new', r.answer), result(r, 'h1'));
    expect(area.data.has('result:chatgpt:/c/old')).toBe(false);
    expect(area.data.has('result:chatgpt:/c/new')).toBe(true);
  });
});
