/**
 * One check of one captured answer, free of extension APIs (so it runs in Node's tests): cut the
 * texts to their caps, fit the conversation to the backend's context budget, start sampling at
 * once and embed the answer meanwhile, analyse each sample as it arrives, and return the report.
 * The run controller around it owns tabs, storage and status messages.
 */
import { createAnalysis, type Analysis } from '../core/analysis.ts';
import type { AnalysisReport } from '../core/types.ts';
import type { Embedder } from '../core/embedder.ts';
import type { SampleCache } from '../sampling/cache.ts';
import { sample, type SampleOptions } from '../sampling/sampler.ts';
import { contextBudgetChars, fitContext } from '../sampling/turns.ts';
import type { BackendSettings, TokenUsage } from '../shared/backend.ts';
import type { Capture } from '../shared/conversation.ts';
import type { SampleFailure } from '../shared/run-status.ts';
import { capNotes, capText, MAX_ANSWER_CHARS, MAX_SAMPLE_CHARS } from './text-caps.ts';

export interface CheckProgress {
  /** Samples received so far (cut to MAX_SAMPLE_CHARS), resumed ones first. */
  received: string[];
  failures: SampleFailure[];
}

export interface CheckInput {
  capture: Capture;
  backend: BackendSettings;
  /** Samples wanted in all. */
  total: number;
  embedder: Embedder;
  /** Samples an interrupted run of the same answer already received. */
  resumeWith?: readonly string[];
  cache?: SampleCache | undefined;
  signal: AbortSignal;
  /** After each sample or failed request. */
  onProgress: (progress: CheckProgress) => Promise<void> | void;
  /** Once sampling is over and the last samples are being analysed. */
  onAnalyzing?: (failures: SampleFailure[]) => Promise<void> | void;
  /** Limiter, clock or fetch for tests; the sampler's defaults otherwise. */
  sampleOptions?: Omit<SampleOptions, 'cache'>;
}

export interface CheckOutcome {
  report: AnalysisReport;
  sampleCount: number;
  failures: SampleFailure[];
  usage: TokenUsage | null;
  /** What the result should say about its inputs (texts that were cut). */
  notes: string[];
}

function addUsage(total: TokenUsage | null, usage: TokenUsage | undefined): TokenUsage | null {
  if (!usage) return total;
  return {
    inputTokens: (total?.inputTokens ?? 0) + (usage.inputTokens ?? 0),
    outputTokens: (total?.outputTokens ?? 0) + (usage.outputTokens ?? 0),
  };
}

/** Resolves with the outcome, or null when `signal` aborted the check. */
export async function checkAnswer(input: CheckInput): Promise<CheckOutcome | null> {
  const { backend, total, signal } = input;
  const cut = capText(input.capture.answer, MAX_ANSWER_CHARS);
  // A capture the background already cut (boundCapture) remembers how long the answer was.
  const before = input.capture.answerLength;
  const answer =
    before !== undefined && before > cut.originalLength
      ? { ...cut, originalLength: before, cut: true }
      : cut;
  if (answer.text.trim() === '') throw new Error('The answer is empty: nothing to check.');
  const received = (input.resumeWith ?? []).slice(0, total);
  const failures: SampleFailure[] = [];
  let usage: TokenUsage | null = null;
  let samplesCut = 0;

  // Sampling stops early if the analysis fails: its samples could not be used.
  const inner = new AbortController();
  const stop = (): void => inner.abort(signal.reason);
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });

  const remaining = total - received.length;
  // Validates eagerly: a bad setting throws here, before any request or embedding.
  const events =
    remaining > 0
      ? sample(
          backend,
          {
            turns: fitContext(input.capture.turns, contextBudgetChars(backend)),
            n: remaining,
            temperature: backend.temperature,
            maxTokens: backend.maxTokens,
            signal: inner.signal,
          },
          { ...input.sampleOptions, cache: input.cache },
        )
      : null;

  let analysisReady: Promise<Analysis> | null = null;
  const waiting: string[] = [...received];
  const pending: Promise<void>[] = [];
  const analyse = (text: string): void => {
    if (!analysisReady) {
      waiting.push(text);
      return;
    }
    const added = analysisReady.then((a) => a.addSample(text, inner.signal));
    added.catch(stop);
    pending.push(added);
  };

  const sampling = (async () => {
    if (!events) return;
    for await (const event of events) {
      if (inner.signal.aborted) return;
      if (event.type === 'sample') {
        const capped = capText(event.text, MAX_SAMPLE_CHARS);
        if (capped.cut) samplesCut++;
        received.push(capped.text);
        usage = addUsage(usage, event.usage);
        analyse(capped.text);
      } else if (event.error.kind !== 'cancelled') {
        failures.push({ index: event.index + (total - remaining), message: event.error.message });
      }
      await input.onProgress({ received: [...received], failures: [...failures] });
    }
  })();
  sampling.catch(stop);

  // The first requests leave before the answer is embedded: one macrotask lets the sampler
  // reach fetch(), then the embedding overlaps the backend's thinking.
  await new Promise((resolve) => setTimeout(resolve, 0));
  analysisReady = createAnalysis(answer.text, input.embedder, { signal: inner.signal });
  analysisReady.catch(stop);
  for (const text of waiting.splice(0)) analyse(text);

  try {
    await sampling;
    if (signal.aborted) return null;
    // An embedding failure (which stopped sampling) is the error to report, so it comes first.
    const analysis = await analysisReady;
    if (received.length === 0) {
      throw new Error(failures[0]?.message ?? 'The backend returned no answers.');
    }
    await input.onAnalyzing?.([...failures]);
    await Promise.all(pending);
    if (signal.aborted) return null;
    // In slices: a huge reply must not keep the worker from answering the popup and the tab.
    const report = await analysis.reportInSlices({ signal: inner.signal });
    if (signal.aborted) return null;
    return {
      report,
      sampleCount: received.length,
      failures,
      usage,
      notes: capNotes(answer, samplesCut),
    };
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
