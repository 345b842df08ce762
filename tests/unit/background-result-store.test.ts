/**
 * The result store against an in-memory storage area that enforces a quota the way
 * chrome.storage.local does (the whole area's JSON size; a write over it fails and changes
 * nothing).
 */
import { sentenceLevel } from '../../src/core/severity.ts';
import { describe, expect, it } from 'vitest';
import {
  answerHash,
  packReport,
  packSources,
  ResultStore,
  unpackSources,
  unpackReport,
  storedBytes,
  type StorageAreaLike,
  type StoredResult,
} from '../../src/background/result-store.ts';
import { createAnalysis } from '../../src/core/analysis.ts';
import type { AnalysisReport } from '../../src/core/types.ts';
import type { Capture } from '../../src/shared/conversation.ts';
import { voicesKey } from '../../src/background/voice-plan.ts';
import { settingsFromPreset } from '../../src/shared/presets.ts';
import type { OtherVoicesMode } from '../../src/shared/sources.ts';
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

describe('result store and other voices', () => {
  const main = { id: 'main', label: 'gpt-4o-mini' };
  const other = { id: 'v-1', label: 'llama3.2' };
  const settings = (samples: number, mode: OtherVoicesMode = 'always') => ({
    otherVoicesMode: mode,
    otherVoices: [
      {
        id: 'v-1',
        backend: settingsFromPreset('ollama', { model: 'llama3.2', apiKey: 'sk-never-stored' }),
        samples,
      },
    ],
  });

  it('keys a result by the other voices that made it, never by a key', () => {
    expect(voicesKey(settings(0))).toBe('');
    expect(voicesKey({ otherVoices: [], otherVoicesMode: 'when-uncertain' })).toBe('');
    const two = voicesKey(settings(2));
    expect(two).not.toBe('');
    expect(two).not.toContain('sk-never-stored');
    expect(voicesKey(settings(3))).not.toBe(two);
    expect(voicesKey(settings(2, 'when-uncertain'))).not.toBe(two);
    const otherModel = settings(2);
    otherModel.otherVoices[0]!.backend.model = 'mistral';
    expect(voicesKey(otherModel)).not.toBe(two);
    // A new key for the same backend is the same voice.
    const rekeyed = settings(2);
    rekeyed.otherVoices[0]!.backend.apiKey = 'sk-another';
    expect(voicesKey(rekeyed)).toBe(two);
  });

  it('reuses a result only for the same voices, with its sources and spend', async () => {
    const area = quotaArea(1_000_000);
    const store = new ResultStore(area);
    const r = await report();
    const key = voicesKey(settings(1));
    const spend = [
      { source: main, received: 1, asked: 1, usage: null, cost: null },
      { source: other, received: 1, asked: 1, usage: null, cost: { kind: 'free' as const } },
    ];
    await store.save(capture('/c/v', r.answer), {
      ...result(r, answerHash(r.answer)),
      voicesKey: key,
      sources: [main, other],
      spend,
    });
    // Packed: each source once, then one number per sample.
    const stored = area.data.get('result:chatgpt:/c/v') as { sources: unknown };
    expect(stored.sources).toEqual({ list: [main, other], of: [0, 1] });

    const found = await store.find(capture('/c/v', r.answer), { sampleCount: 1, voicesKey: key });
    expect(found?.sources).toEqual([main, other]);
    expect(found?.spend).toEqual(spend);
    expect(
      await store.find(capture('/c/v', r.answer), { sampleCount: 1, voicesKey: '' }),
    ).toBeNull();
    expect(
      await store.find(capture('/c/v', r.answer), {
        sampleCount: 1,
        voicesKey: voicesKey(settings(2)),
      }),
    ).toBeNull();
    // The main voice asked for more than it gave: sample again.
    expect(
      await store.find(capture('/c/v', r.answer), { sampleCount: 2, voicesKey: key }),
    ).toBeNull();
  });

  it('shows a result again when another voice failed: its note says so', async () => {
    const store = new ResultStore(quotaArea(1_000_000));
    const r = await report();
    const key = voicesKey(settings(2));
    await store.save(capture('/c/w', r.answer), {
      ...result(r, answerHash(r.answer)),
      voicesKey: key,
      sources: [main, main],
      spend: [
        { source: main, received: 2, asked: 2, usage: null, cost: null },
        { source: other, received: 0, asked: 2, usage: null, cost: null, note: 'refused' },
      ],
      notes: ['llama3.2 returned no samples: refused'],
    });
    const found = await store.find(capture('/c/w', r.answer), { sampleCount: 2, voicesKey: key });
    expect(found?.notes).toEqual(['llama3.2 returned no samples: refused']);
    expect(found?.spend?.[1]?.note).toBe('refused');
  });

  it('packs and unpacks sources in order', () => {
    const list = [main, other, main, main, other];
    const packed = packSources(list);
    expect(packed.list).toHaveLength(2);
    expect(unpackSources(structuredClone(packed))).toEqual(list);
  });
});
