/**
 * Long analysis work written once, run two ways. The work is a generator that `yield`s at points
 * where it may pause; `runToEnd` runs it straight through (the synchronous API), `runInSlices`
 * pauses at those points whenever a slice has run for `budgetMs`, handing the event loop back so
 * the service worker or offscreen document keeps answering messages while a huge reply is
 * analysed. Both give the same result, because it is the same code.
 */

/** Work that may pause wherever it yields, and finally returns a T. */
export type Sliced<T> = Generator<void, T, void>;

type AbortSignalLike = { readonly aborted: boolean };

export interface SliceOptions {
  /** Longest stretch of work between two pauses, in ms. */
  budgetMs?: number;
  /** Checked at every pause; an aborted run stops there. */
  signal?: AbortSignalLike;
}

/** Short enough that a message or a timer never waits noticeably behind the analysis. */
export const SLICE_BUDGET_MS = 15;

/** The core has no DOM or Node types; these exist in every context it runs in. */
interface Host {
  setTimeout(callback: () => void, ms: number): unknown;
  performance?: { now(): number };
}
const host = globalThis as unknown as Host;
const now = () => host.performance?.now() ?? Date.now();

export function runToEnd<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

export async function runInSlices<T>(work: Sliced<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  let sliceStart = now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= budget) {
      await yieldToEventLoop();
      if (options.signal?.aborted) {
        work.return(undefined as T);
        throw new Error('Analysis aborted');
      }
      sliceStart = now();
    }
  }
}

/** Resolves from a new task, after whatever was waiting (messages, timers) has run. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => host.setTimeout(resolve, 0));
}

/** `items.map(visit)`, pausing after each item. */
export function* mapSliced<T, U>(
  items: readonly T[],
  visit: (item: T, index: number) => U,
): Sliced<U[]> {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    out.push(visit(items[i]!, i));
    yield;
  }
  return out;
}
