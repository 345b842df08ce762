/**
 * One check of one captured answer, free of extension APIs (so it runs in Node's tests): cut the
 * texts to their caps, fit the conversation to each backend's context budget, start sampling every
 * voice at once and embed the answer meanwhile, analyse each sample as it arrives whatever voice
 * said it, and return the report with who said each sample and what each voice cost. In budget
 * mode the other voices are asked only once the main voice's samples leave a sentence uncertain.
 * The run controller around it owns tabs, storage, permissions and status messages.
 */
import { createAnalysis, type Analysis } from '../core/analysis.ts';
import type { AnalysisReport, Sensitivity } from '../core/types.ts';
import type { Embedder } from '../core/embedder.ts';
import type { SampleCache } from '../sampling/cache.ts';
import { sample, type SampleOptions } from '../sampling/sampler.ts';
import { contextBudgetChars, fitContext } from '../sampling/turns.ts';
import type { SampleEvent } from '../sampling/types.ts';
import type { BackendSettings, TokenUsage } from '../shared/backend.ts';
import type { Capture } from '../shared/conversation.ts';
import { errorMessage } from '../shared/messages.ts';
import { shownFlags } from '../shared/report-reading.ts';
import type { RunCost } from '../shared/run-cost.ts';
import type { SampleFailure } from '../shared/run-status.ts';
import type { SampleSource, SourceSpend } from '../shared/sources.ts';
import { joinAnd, plural } from '../shared/wording.ts';
import { capNotes, capText, MAX_ANSWER_CHARS, MAX_SAMPLE_CHARS } from './text-caps.ts';
import { addUsage, tallySpend } from './voice-spend.ts';

/** One voice as a run asks it. */
export interface VoicePlan {
  source: SampleSource;
  backend: BackendSettings;
  /** Samples wanted from this voice in all, resumed ones included. */
  samples: number;
  /** Why it cannot be asked (no host permission): its samples fail with this, nothing is sent. */
  unavailable?: string;
  /** Limiter, clock or fetch for this voice (tests); else the input's `sampleOptions`. */
  sampleOptions?: Omit<SampleOptions, 'cache'>;
}

/** A sample with the voice that said it. */
export interface SourcedSample {
  text: string;
  source: SampleSource;
}

export interface CheckProgress {
  /** Samples received so far (cut to MAX_SAMPLE_CHARS), resumed ones first, then by arrival. */
  received: string[];
  /** Who said each of `received`, parallel to it. */
  sources: SampleSource[];
  failures: SampleFailure[];
  /** Samples wanted so far: grows when budget mode goes on to ask the other voices. */
  total: number;
  /** Set while budget mode asks the other voices, saying why. */
  note?: string;
}

export interface CheckInput {
  capture: Capture;
  /** The main voice first (its failures to start throw, as they always did), then the others. */
  voices: readonly VoicePlan[];
  /**
   * Budget mode: the voices after the first are asked only when the first one's samples leave
   * some sentence shown (uncertain or likely wrong) at this sensitivity. Absent: all at once.
   */
  askOthersWhenUncertain?: { sensitivity: Sensitivity };
  embedder: Embedder;
  /** Samples an interrupted run of the same answer already received; those of voices no
   * longer asked are dropped. */
  resumeWith?: readonly SourcedSample[];
  cache?: SampleCache | undefined;
  signal: AbortSignal;
  /** After each sample or failed request, and when budget mode asks the other voices. */
  onProgress: (progress: CheckProgress) => Promise<void> | void;
  /** Once sampling is over and the last samples are being analysed. */
  onAnalyzing?: (failures: SampleFailure[]) => Promise<void> | void;
  /** Limiter, clock or fetch for tests; the sampler's defaults otherwise. */
  sampleOptions?: Omit<SampleOptions, 'cache'>;
}

export interface CheckOutcome {
  report: AnalysisReport;
  sampleCount: number;
  /** Who said each sample, parallel to `report.samples`. */
  sources: SampleSource[];
  failures: SampleFailure[];
  /** Summed over the voices that answered. */
  usage: TokenUsage | null;
  cost: RunCost | null;
  /** Per voice, main first. */
  spend: SourceSpend[];
  /** What the result should say about its inputs (texts that were cut, a voice that failed). */
  notes: string[];
}

/** Why budget mode left the other voices out; the popup shows it beside their spend. */
export const NOT_ASKED_CONSISTENT = 'not asked: the answer looked consistent';

interface VoiceState {
  plan: VoicePlan;
  /** First sample slot of this voice, for SampleFailure.index. */
  offset: number;
  /** Samples received from it, resumed ones included. */
  got: number;
  /** Whether it was asked (or had been, before an interruption). */
  asked: boolean;
  usage: TokenUsage | null;
  failures: SampleFailure[];
  note?: string;
}

function joinLabels(states: readonly VoiceState[]): string {
  return joinAnd(states.map((s) => s.plan.source.label));
}

/** The run's error when no voice answered: one voice's own words, or each voice's. */
function noAnswerMessage(asked: readonly VoiceState[]): string {
  if (asked.length <= 1) {
    return asked[0]?.failures[0]?.message ?? 'The backend returned no answers.';
  }
  const why = asked.map(
    (s) => `${s.plan.source.label}: ${s.failures[0]?.message ?? 'no answers.'}`,
  );
  return `No voice returned an answer. ${why.join(' ')}`;
}

/** Notes for voices that failed while another answered: which one, and its first error. */
function failedVoiceNotes(asked: readonly VoiceState[]): string[] {
  if (asked.length <= 1) return [];
  return asked
    .filter((s) => s.failures.length > 0)
    .map((s) => {
      const said =
        s.got === 0
          ? 'returned no samples'
          : `returned ${s.got} of ${plural(s.plan.samples, 'sample')}`;
      return `${s.plan.source.label} ${said}: ${s.failures[0]!.message}`;
    });
}

/** Resolves with the outcome, or null when `signal` aborted the check. */
export async function checkAnswer(input: CheckInput): Promise<CheckOutcome | null> {
  const { signal } = input;
  if (input.voices.length === 0) throw new Error('No voice to ask for samples.');
  const cut = capText(input.capture.answer, MAX_ANSWER_CHARS);
  // A capture the background already cut (boundCapture) remembers how long the answer was.
  const before = input.capture.answerLength;
  const answer =
    before !== undefined && before > cut.originalLength
      ? { ...cut, originalLength: before, cut: true }
      : cut;
  if (answer.text.trim() === '') throw new Error('The answer is empty: nothing to check.');

  let offset = 0;
  const states: VoiceState[] = input.voices.map((plan) => {
    const state: VoiceState = { plan, offset, got: 0, asked: false, usage: null, failures: [] };
    offset += plan.samples;
    return state;
  });
  const received: string[] = [];
  const sources: SampleSource[] = [];
  const failures: SampleFailure[] = [];
  for (const sample of input.resumeWith ?? []) {
    const state = states.find((s) => s.plan.source.id === sample.source.id);
    if (!state || state.got >= state.plan.samples) continue;
    state.got++;
    state.asked = true;
    received.push(sample.text);
    sources.push(state.plan.source);
  }
  const budget = input.askOthersWhenUncertain;
  // A resumed run whose other voices had answered already passed budget mode's question.
  let othersAsked = !budget || states.slice(1).some((s) => s.got > 0);
  let note: string | undefined;
  let samplesCut = 0;
  const total = (): number =>
    states.reduce((sum, s, i) => sum + (i === 0 || othersAsked ? s.plan.samples : 0), 0);
  const progress = () =>
    input.onProgress({
      received: [...received],
      sources: [...sources],
      failures: [...failures],
      total: total(),
      ...(note ? { note } : {}),
    });

  // Sampling stops early if the analysis fails: its samples could not be used.
  const inner = new AbortController();
  const stop = (): void => inner.abort(signal.reason);
  if (signal.aborted) stop();
  signal.addEventListener('abort', stop, { once: true });

  /**
   * The voice's stream of samples still missing, or null when none are. Validates eagerly: the
   * main voice's bad setting throws here, before any request or embedding, as it always did;
   * another voice's becomes its failures.
   */
  const open = (state: VoiceState): AsyncIterable<SampleEvent> | null => {
    const { plan } = state;
    const remaining = plan.samples - state.got;
    if (remaining <= 0) return null;
    state.asked = true;
    const fail = (message: string) => {
      for (let i = 0; i < remaining; i++) {
        const failure = { index: state.offset + state.got + i, message, source: plan.source };
        state.failures.push(failure);
        failures.push(failure);
      }
      return null;
    };
    if (plan.unavailable) return fail(plan.unavailable);
    try {
      return sample(
        plan.backend,
        {
          turns: fitContext(input.capture.turns, contextBudgetChars(plan.backend)),
          n: remaining,
          temperature: plan.backend.temperature,
          maxTokens: plan.backend.maxTokens,
          signal: inner.signal,
        },
        { ...(plan.sampleOptions ?? input.sampleOptions), cache: input.cache },
      );
    } catch (error) {
      if (state === states[0]) throw error;
      return fail(errorMessage(error));
    }
  };

  let analysisReady: Promise<Analysis> | null = null;
  let startAnalysis = (): void => undefined;
  const analysisStarted = new Promise<void>((resolve) => (startAnalysis = resolve));
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

  const drain = async (
    state: VoiceState,
    events: AsyncIterable<SampleEvent> | null,
  ): Promise<void> => {
    if (!events) return;
    const slot = state.offset + state.got;
    for await (const event of events) {
      if (inner.signal.aborted) return;
      if (event.type === 'sample') {
        const capped = capText(event.text, MAX_SAMPLE_CHARS);
        if (capped.cut) samplesCut++;
        received.push(capped.text);
        sources.push(state.plan.source);
        state.got++;
        state.usage = addUsage(state.usage, event.usage);
        analyse(capped.text);
      } else if (event.error.kind !== 'cancelled') {
        const failure = {
          index: slot + event.index,
          message: event.error.message,
          source: state.plan.source,
        };
        state.failures.push(failure);
        failures.push(failure);
      }
      await progress();
    }
  };

  /** Budget mode's question: does the main voice leave some sentence shown at the sensitivity? */
  const uncertain = async (sensitivity: Sensitivity): Promise<boolean> => {
    if (received.length === 0) return true;
    await analysisStarted;
    const analysis = await analysisReady!;
    await Promise.all(pending);
    const report = await analysis.reportInSlices({ signal: inner.signal });
    return shownFlags(report, sensitivity).length > 0;
  };

  const askOthers = async (): Promise<void> => {
    const waitingVoices = states.slice(1).filter((s) => s.got < s.plan.samples);
    if (othersAsked || !budget || waitingVoices.length === 0) return;
    try {
      if (!(await uncertain(budget.sensitivity))) {
        for (const s of waitingVoices) s.note = NOT_ASKED_CONSISTENT;
        return;
      }
    } catch (error) {
      // The analysis failed or the run stopped: the check reports that below.
      if (inner.signal.aborted) return;
      throw error;
    }
    othersAsked = true;
    note =
      received.length === 0
        ? `Asking ${joinLabels(waitingVoices)}: the main model returned no samples.`
        : `Asking ${joinLabels(waitingVoices)} too: some sentences look uncertain.`;
    await progress();
    await Promise.all(waitingVoices.map((s) => drain(s, open(s))));
  };

  const first = othersAsked ? states : [states[0]!];
  const streams = first.map((s) => [s, open(s)] as const);
  const sampling = (async () => {
    await Promise.all([
      ...streams.map(([s, events]) => drain(s, events)),
      // A voice that could not be asked at all shows as failed at once.
      failures.length > 0 ? progress() : undefined,
    ]);
    if (inner.signal.aborted) return;
    await askOthers();
  })();
  sampling.catch(stop);

  // The first requests leave before the answer is embedded: one macrotask lets the sampler
  // reach fetch(), then the embedding overlaps the backends' thinking.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const question = input.capture.turns.at(-1);
  analysisReady = createAnalysis(answer.text, input.embedder, {
    signal: inner.signal,
    // The question lets a sample that names someone else for it conflict with the answer.
    prompt: question?.role === 'user' ? question.text : undefined,
  });
  analysisReady.catch(stop);
  startAnalysis();
  for (const text of waiting.splice(0)) analyse(text);

  try {
    await sampling;
    if (signal.aborted) return null;
    // An embedding failure (which stopped sampling) is the error to report, so it comes first.
    const analysis = await analysisReady;
    const asked = states.filter((s) => s.asked);
    if (received.length === 0) throw new Error(noAnswerMessage(asked));
    await input.onAnalyzing?.([...failures]);
    await Promise.all(pending);
    if (signal.aborted) return null;
    // In slices: a huge reply must not keep the worker from answering the popup and the tab.
    const report = await analysis.reportInSlices({ signal: inner.signal });
    if (signal.aborted) return null;
    const { spend, usage, cost } = tallySpend(
      states.map((s) => ({
        backend: s.plan.backend,
        spend: {
          source: s.plan.source,
          received: s.got,
          asked: s.asked ? s.plan.samples : 0,
          usage: s.usage,
          ...(s.note || s.failures[0] ? { note: s.note ?? s.failures[0]!.message } : {}),
        },
      })),
    );
    return {
      report,
      sampleCount: received.length,
      sources,
      failures,
      usage,
      cost,
      spend,
      notes: [...capNotes(answer, samplesCut), ...failedVoiceNotes(asked)],
    };
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
