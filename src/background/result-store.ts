/**
 * Finished analyses, kept per conversation in `storage.local` so a reload (or a browser restart)
 * shows them again without paying for samples twice. Bounded by count and by bytes (storage.local
 * holds 10 MB, shared with settings): the oldest results go first, and a result is stored packed
 * (packReport) — what the page draws, without repeating texts the report already holds.
 */
import { sentenceLevel } from '../core/severity.ts';
import type { AnalysisReport, SampleEvidence, Segment, SentenceFinding } from '../core/types.ts';
import type { Capture } from '../shared/conversation.ts';
import type { TokenUsage } from '../shared/backend.ts';
import type { RunCost } from '../shared/run-cost.ts';
import type { SampleSource, SourceSpend } from '../shared/sources.ts';

const INDEX_KEY = 'results:index';
export const MAX_RESULTS = 200;
/** Bytes of storage.local the stored results may use together. */
export const RESULT_BUDGET_BYTES = 3_000_000;

export interface StoredResult {
  answerHash: string;
  sampleCount: number;
  report: AnalysisReport;
  usage: TokenUsage | null;
  /** What the samples cost when they were taken (absent in results stored by earlier versions). */
  cost?: RunCost | null;
  savedAt: number;
  /** What the result says about its inputs, e.g. that the answer was cut (text-caps.ts). */
  notes?: string[];
  /** Which other voices made it (voice-plan.ts voicesKey); absent or '' for the main one alone. */
  voicesKey?: string;
  /** Who said each sample, parallel to `report.samples` (absent in older results). */
  sources?: SampleSource[];
  /** Per-voice spend, main first (absent in older results). */
  spend?: SourceSpend[];
}

/** What a stored result must have been made with to be shown again. */
export interface ResultWanted {
  /** Samples wanted from the main voice. */
  sampleCount: number;
  /** voicesKey() of the settings now. */
  voicesKey: string;
}

/** Sources as stored: each distinct source once, then one small number per sample. */
export interface PackedSources {
  list: SampleSource[];
  of: number[];
}

export function packSources(sources: readonly SampleSource[]): PackedSources {
  const list: SampleSource[] = [];
  const of = sources.map((source) => {
    const at = list.findIndex((s) => s.id === source.id && s.label === source.label);
    if (at >= 0) return at;
    list.push({ id: source.id, label: source.label });
    return list.length - 1;
  });
  return { list, of };
}

export function unpackSources(packed: PackedSources): SampleSource[] {
  return packed.of.flatMap((i) => (packed.list[i] ? [{ ...packed.list[i] }] : []));
}

/**
 * Whether a stored result answers for the settings now: made with the same other voices, and
 * with all the main voice's samples. Another voice that failed does not make it stale: its
 * notes say so, and asking again would pay the main voice again for the same failure.
 */
function reusable(stored: StoredResult, wanted: ResultWanted): boolean {
  if ((stored.voicesKey ?? '') !== wanted.voicesKey) return false;
  const received = stored.spend?.[0]?.received ?? stored.sampleCount;
  return received >= wanted.sampleCount;
}

/** The part of a storage area the store uses: storage.local (passed in, so this module runs in Node). */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface IndexEntry {
  key: string;
  bytes: number;
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

/** Size as storage counts it: the JSON, in UTF-8 bytes. */
export function storedBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Where a counterpart sits in its sample: [start, length]. */
type Span = [number, number];

/** A report as stored: texts the report already holds elsewhere are kept as positions. */
export interface PackedReport extends Omit<AnalysisReport, 'sentences'> {
  sentences: (Omit<SentenceFinding, 'segment' | 'evidence'> & {
    /** `text` is left out when it is `answer.slice(start, end)`. */
    segment: Omit<Segment, 'text'> & { text?: string };
    evidence: (Omit<SampleEvidence, 'counterpart'> & {
      counterpart: string | null;
      /** Set (and `counterpart` null) when the counterpart is this span of its sample. */
      at?: Span;
    })[];
  })[];
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * The report packed for storage. Cards open only on sentences with a level (at the most
 * sensitive setting, so the popup's control can show more later), so the other sentences
 * keep each sample's `supports` (the headline counts it) but not its wording; sentence texts
 * and counterparts are stored as positions in the answer and the samples they come from, and
 * scores to four decimals.
 */
export function packReport(report: AnalysisReport): PackedReport {
  return {
    ...report,
    sentences: report.sentences.map((finding) => {
      const { text, ...segment } = finding.segment;
      return {
        ...finding,
        // Four decimals are more than the page shows or compares with.
        score: round(finding.score),
        supportShare: round(finding.supportShare),
        segment:
          report.answer.slice(segment.start, segment.end) === text ? segment : { ...segment, text },
        evidence: finding.evidence.map((e) => {
          const similarity = round(e.similarity);
          // Wording is kept for every sentence that has a level at some sensitivity.
          if (!sentenceLevel(finding, 'more')) {
            return { ...e, similarity, counterpart: null, answerSpans: [], sampleSpans: [] };
          }
          const start = e.counterpart
            ? (report.samples[e.sample]?.indexOf(e.counterpart) ?? -1)
            : -1;
          return start >= 0 && e.counterpart
            ? { ...e, similarity, counterpart: null, at: [start, e.counterpart.length] as Span }
            : { ...e, similarity };
        }),
      };
    }),
  };
}

/** The stored report as the page reads it. */
export function unpackReport(packed: PackedReport): AnalysisReport {
  return {
    ...packed,
    sentences: packed.sentences.map((finding) => ({
      ...finding,
      segment: {
        ...finding.segment,
        text:
          finding.segment.text ?? packed.answer.slice(finding.segment.start, finding.segment.end),
      },
      evidence: finding.evidence.map(({ at, ...e }) => ({
        ...e,
        counterpart: at
          ? (packed.samples[e.sample] ?? '').slice(at[0], at[0] + at[1])
          : e.counterpart,
      })),
    })),
  };
}

export class ResultStore {
  /** Saves are chained so two finishing runs do not write the index over each other. */
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: StorageAreaLike,
    private readonly budgetBytes = RESULT_BUDGET_BYTES,
    private readonly maxResults = MAX_RESULTS,
  ) {}

  /**
   * The stored result for this exact answer, made with the same other voices and at least
   * `sampleCount` samples of the main voice, if any.
   */
  async find(capture: Capture, wanted: ResultWanted): Promise<StoredResult | null> {
    const key = keyFor(capture);
    const stored = (await this.area.get(key))[key] as
      (Omit<StoredResult, 'sources'> & { sources?: PackedSources }) | undefined;
    if (!stored || stored.answerHash !== answerHash(capture.answer)) return null;
    const { sources, ...rest } = stored;
    const result: StoredResult = {
      ...rest,
      // Results stored before packing read the same: nothing in them is left out.
      report: unpackReport(stored.report as PackedReport),
      ...(sources ? { sources: unpackSources(sources) } : {}),
    };
    return reusable(result, wanted) ? result : null;
  }

  /**
   * Stores `result` slimmed, evicting the oldest results until it fits the budget. Throws when
   * it cannot be stored even so (storage full of other things); callers still have the result.
   */
  save(capture: Capture, result: StoredResult): Promise<void> {
    const next = this.saving.then(() => this.write(keyFor(capture), result));
    this.saving = next.catch(() => undefined);
    return next;
  }

  private async index(): Promise<IndexEntry[]> {
    const raw = (await this.area.get(INDEX_KEY))[INDEX_KEY];
    if (!Array.isArray(raw)) return [];
    // Earlier versions kept bare keys: measure those once.
    const bare = raw.filter((e): e is string => typeof e === 'string');
    const values = bare.length > 0 ? await this.area.get(bare) : {};
    return raw.flatMap((e: unknown): IndexEntry[] => {
      if (typeof e === 'string')
        return e in values ? [{ key: e, bytes: storedBytes(e, values[e]) }] : [];
      const entry = e as Partial<IndexEntry>;
      return typeof entry.key === 'string' && typeof entry.bytes === 'number'
        ? [{ key: entry.key, bytes: entry.bytes }]
        : [];
    });
  }

  private async write(key: string, result: StoredResult): Promise<void> {
    const { sources, ...rest } = result;
    const value = {
      ...rest,
      report: packReport(result.report),
      ...(sources ? { sources: packSources(sources) } : {}),
    };
    const bytes = storedBytes(key, value);
    if (bytes > this.budgetBytes) {
      throw new Error(`This result (${bytes} bytes) is larger than the space kept for results.`);
    }
    const entries = (await this.index()).filter((e) => e.key !== key);
    const evicted: string[] = [];
    let total = entries.reduce((sum, e) => sum + e.bytes, 0) + bytes;
    while (entries.length > 0 && (total > this.budgetBytes || entries.length >= this.maxResults)) {
      const oldest = entries.shift()!;
      total -= oldest.bytes;
      evicted.push(oldest.key);
    }
    // Room first (with the index saying so), then the new result: a quota error on the last
    // write then means storage is full of something else, and leaves the index true.
    if (evicted.length > 0) {
      await this.area.remove(evicted);
      await this.area.set({ [INDEX_KEY]: entries });
    }
    await this.area.set({ [INDEX_KEY]: [...entries, { key, bytes }], [key]: value });
  }
}
