/**
 * A push-to-pull bridge: producers `push` events as requests finish, one consumer reads them with
 * `for await`. Leaving the loop early (break, throw) calls `onReturn`, which the scheduler uses
 * to cancel the requests still running: a consumer that stops listening stops the work too.
 */
export class EventChannel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private readonly readers: ((result: IteratorResult<T>) => void)[] = [];
  private ended = false;
  private iterated = false;

  constructor(private readonly onReturn: () => void = () => {}) {}

  push(value: T): void {
    if (this.ended) return;
    const reader = this.readers.shift();
    if (reader) reader({ value, done: false });
    else this.buffer.push(value);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const reader of this.readers.splice(0)) reader({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    // One consumer only: two would each see part of the samples, which is never what is meant.
    if (this.iterated) throw new Error('A sampling run can be iterated only once.');
    this.iterated = true;
    return {
      next: () => {
        if (this.buffer.length > 0)
          return Promise.resolve({ value: this.buffer.shift() as T, done: false });
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.readers.push(resolve));
      },
      return: () => {
        if (!this.ended) this.onReturn();
        this.end();
        this.buffer.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
