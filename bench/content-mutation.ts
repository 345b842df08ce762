/**
 * Content-script cost per DOM mutation batch on a long conversation: a 200-turn copy of the
 * ChatGPT fixture streams a new answer in small batches (as sites stream tokens) while the
 * answer watcher (`watchAnswers`) and a highlighter with flags on an earlier answer are running.
 * Our own work is timed by wrapping the MutationObserver callbacks and the timers they start, so
 * the page's work (the simulated streaming) is not counted.
 *
 * Run: npx tsx bench/content-mutation.ts [batches]. bench/speed.ts and other benchmarks can import
 * `runContentMutationBench` and print or aggregate the figures.
 */
import { pathToFileURL } from 'node:url';
import {
  FIXTURES,
  launchChromium,
  openWithContent,
  startServer,
  staticRoute,
  type TestWindow,
} from '../tests/helpers/page-harness.ts';

export interface ContentMutationResult {
  turns: number;
  batches: number;
  /** Mutation observer callbacks of ours that ran (one per batch per observer). */
  callbacks: number;
  /** Debounced evaluations (answer-done checks, re-anchoring) that ran. */
  timerRuns: number;
  /** Our time per mutation batch: callbacks + timers, divided by batches (ms). */
  perBatchMs: number;
  /** Mean and 95th percentile of a single observer callback (ms). */
  callbackMeanMs: number;
  callbackP95Ms: number;
  /** Mean cost of one debounced evaluation (ms). */
  timerMeanMs: number;
  /** Total of our work and wall time of the whole stream (ms). */
  oursTotalMs: number;
  wallMs: number;
  /** Whether the watcher reported the streamed answer as done at the end. */
  reportedDone: boolean;
  /** The longest single callback or timer of ours: the longest the page froze for us (ms). */
  longestOursMs: number;
  /** The longest main-thread task Chromium reported (≥ 50 ms) while streaming, anyone's (ms). */
  longestTaskMs: number;
}

/** Instrumentation installed in the page before our modules start: times only our callbacks. */
const INSTRUMENT = () => {
  const stats = { callbacks: [] as number[], timers: [] as number[] };
  let ours = 0;
  const NativeObserver = window.MutationObserver;
  window.MutationObserver = class extends NativeObserver {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        const t0 = performance.now();
        ours++;
        try {
          callback(records, observer);
        } finally {
          ours--;
          stats.callbacks.push(performance.now() - t0);
        }
      });
    }
  };
  const nativeSetTimeout = window.setTimeout.bind(window);
  // Timers started from our callbacks (debounces) are ours too; the page's are left alone.
  (window as unknown as { setTimeout: unknown }).setTimeout = (fn: () => void, ms?: number) => {
    if (ours === 0 || typeof fn !== 'function') return nativeSetTimeout(fn, ms);
    return nativeSetTimeout(() => {
      const t0 = performance.now();
      ours++;
      try {
        fn();
      } finally {
        ours--;
        stats.timers.push(performance.now() - t0);
      }
    }, ms);
  };
  (
    window as unknown as { benchStats: typeof stats; benchMarkOurs: (on: boolean) => void }
  ).benchStats = stats;
  (window as unknown as { benchMarkOurs: (on: boolean) => void }).benchMarkOurs = (on) => {
    ours += on ? 1 : -1;
  };
};

export async function runContentMutationBench(batches = 300): Promise<ContentMutationResult> {
  const server = await startServer(staticRoute(FIXTURES));
  const browser = await launchChromium();
  try {
    const page = await openWithContent(browser, `${server.origin}/chatgpt/conversation.html`);
    await page.evaluate(INSTRUMENT);
    return await page.evaluate(async (batches) => {
      const t = (window as unknown as TestWindow).crosscheckTest;
      const w = window as unknown as {
        benchStats: { callbacks: number[]; timers: number[] };
        benchMarkOurs: (on: boolean) => void;
      };
      const adapter = t.adapterById('chatgpt')!;
      // 200 turns: the fixture's four turns cloned 50 times.
      const thread = document.getElementById('thread')!;
      const original = [...thread.children];
      for (let i = 1; i < 50; i++) for (const turn of original) thread.append(turn.cloneNode(true));
      const turns = adapter.turns(document).length;
      const last = adapter.latestAnswer(document)!;
      const body = last.body as Element;
      body.replaceChildren();
      last.element.closest('section')?.querySelector('[role="group"]')?.remove();
      const stop = document.createElement('button');
      stop.dataset.testid = 'stop-button';
      document.body.append(stop);

      // Start our modules inside the "ours" mark so their first debounce timers count.
      const controller = new AbortController();
      let reportedDone = false;
      w.benchMarkOurs(true);
      t.watchAnswers(adapter, () => (reportedDone = true), {
        signal: controller.signal,
        stableMs: 3000,
      });
      const earlier = adapter.turns(document).filter((x) => x.role === 'assistant')[0]!;
      const text = t.turnText(adapter, earlier) as string;
      const highlighter = t.createHighlighter({
        locate: () => earlier.body,
        skip: adapter.skip,
        signal: controller.signal,
      });
      const at = text.indexOf('1889');
      highlighter.show([{ id: 'a', type: 'number', start: at, end: at + 4 }], text);
      w.benchMarkOurs(false);
      w.benchStats.callbacks.length = 0;
      w.benchStats.timers.length = 0;

      // Stream: one mutation batch per task, a few words each, as sites append tokens.
      let longestTaskMs = 0;
      const longTasks = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          longestTaskMs = Math.max(longestTaskMs, entry.duration);
      });
      longTasks.observe({ type: 'longtask' });
      const wall0 = performance.now();
      let p = document.createElement('p');
      body.append(p);
      for (let i = 0; i < batches; i++) {
        if (i % 25 === 24) {
          p = document.createElement('p');
          body.append(p);
        }
        p.append(`token ${i} of the streamed answer `);
        await new Promise((r) => setTimeout(r, 20));
      }
      // Done: the stop button goes and the action bar appears, as on the live site.
      stop.remove();
      const bar = document.createElement('div');
      bar.innerHTML = '<button data-testid="copy-turn-action-button"></button>';
      last.element.closest('section')!.append(bar);
      await new Promise((r) => setTimeout(r, 1200));
      const wallMs = performance.now() - wall0;
      longTasks.disconnect();
      controller.abort();

      const { callbacks, timers } = w.benchStats;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const sorted = [...callbacks].sort((a, b) => a - b);
      const oursTotalMs = sum(callbacks) + sum(timers);
      return {
        turns,
        batches,
        callbacks: callbacks.length,
        timerRuns: timers.length,
        perBatchMs: oursTotalMs / batches,
        callbackMeanMs: sum(callbacks) / Math.max(1, callbacks.length),
        callbackP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        timerMeanMs: sum(timers) / Math.max(1, timers.length),
        oursTotalMs,
        wallMs,
        reportedDone,
        longestOursMs: Math.max(0, ...callbacks, ...timers),
        longestTaskMs,
      };
    }, batches);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const batches = Number(process.argv[2] ?? 300);
  const r = await runContentMutationBench(batches);
  const f = (n: number) => n.toFixed(3);
  console.log(
    `content-mutation: ${r.turns} turns, ${r.batches} mutation batches while an answer streams`,
  );
  console.log(`  our work per batch        ${f(r.perBatchMs)} ms`);
  console.log(
    `  observer callback         mean ${f(r.callbackMeanMs)} ms, p95 ${f(r.callbackP95Ms)} ms (${r.callbacks} calls)`,
  );
  console.log(`  debounced evaluation      mean ${f(r.timerMeanMs)} ms (${r.timerRuns} runs)`);
  console.log(`  total ours / wall         ${f(r.oursTotalMs)} ms / ${r.wallMs.toFixed(0)} ms`);
  console.log(`  answer reported done      ${r.reportedDone}`);
  console.log(
    `  longest freeze            ours ${f(r.longestOursMs)} ms; longest task on the page ${r.longestTaskMs.toFixed(0)} ms (target ≤ 200 ms)`,
  );
}
