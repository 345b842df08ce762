/**
 * `crosscheck score IN.jsonl [--samples N] [--out OUT.jsonl]`: one output line per input line,
 * in order. A bad line (invalid JSON, missing fields, no samples) gets `{"id", "error"}` in its
 * place and a message on stderr naming its line number; the other lines are still scored, and
 * the command reports failure at the end.
 *
 * Nothing the user had is lost: the input and `--out` are checked before the model loads, and
 * `--out` is replaced only by a finished run with at least one scored line (see safe-output.ts).
 */
import { createReadStream, unlinkSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Embedder } from '../core/embedder.ts';
import {
  FileProblem,
  type OutputFile,
  checkInputFile,
  checkOutputPath,
  codeOf,
  openOutput,
} from './safe-output.ts';
import { analyzeRecord, toScoreOutput, validateRecord } from './score-record.ts';

export interface ScoreOptions {
  input: string;
  output?: string;
  samples?: number;
  embedder: () => Promise<Embedder>;
  stderr: (line: string) => void;
}

/** Returns the number of lines that failed; throws a FileProblem when nothing could be scored. */
export async function scoreFile(options: ScoreOptions): Promise<number> {
  const inputStats = await checkInputFile(options.input);
  const plan =
    options.output === undefined
      ? null
      : await checkOutputPath(options.output, [{ path: options.input, stats: inputStats }]);
  const sink = plan ? await openOutput(plan) : null;
  const stopCleanup = sink ? discardOnSignal(sink) : () => undefined;
  const target = options.output ?? 'standard output';
  const write = async (value: unknown): Promise<void> => {
    const text = `${JSON.stringify(value)}\n`;
    try {
      await (sink ? sink.write(text) : writeStdout(text));
    } catch (error) {
      throw new FileProblem(`Cannot write ${target}: ${codeOf(error)}`);
    }
  };
  try {
    const { records, failed } = await scoreLines(options, write);
    if (records === 0) {
      throw new FileProblem(`${options.input} holds no records (it is empty)${kept(options)}`);
    }
    // Replacing a file with nothing but errors would lose it for nothing; a stream keeps nothing.
    if (failed === records && sink?.tempPath) {
      throw new FileProblem(`none of the ${records} record(s) could be scored${kept(options)}`);
    }
    await sink?.commit();
    return failed;
  } catch (error) {
    await sink?.discard();
    throw error;
  } finally {
    stopCleanup();
  }
}

async function scoreLines(
  options: ScoreOptions,
  write: (value: unknown) => Promise<void>,
): Promise<{ records: number; failed: number }> {
  const input = createReadStream(options.input, 'utf8');
  // Loaded on the first good line, so a file of bad lines fails fast without the model. A model
  // that cannot load ends the run: that is no fault of any one line.
  let embedder: Embedder | null = null;
  let records = 0;
  let failed = 0;
  let lineNumber = 0;
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = await lines.next();
    } catch (error) {
      throw new FileProblem(`Cannot read ${options.input}: ${codeOf(error)}`);
    }
    if (next.done) break;
    lineNumber++;
    const line = next.value;
    if (line.trim() === '') continue;
    records++;
    let id: unknown = null;
    let output: unknown;
    try {
      const parsed = parseLine(line);
      if (typeof parsed === 'object' && parsed !== null && 'id' in parsed) {
        id = (parsed as { id: unknown }).id;
      }
      const record = validateRecord(parsed);
      embedder ??= await loadOnce(options);
      output = toScoreOutput(record.id, await analyzeRecord(record, embedder, options.samples));
    } catch (error) {
      if (error instanceof ModelLoadFailure) throw error.cause;
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      options.stderr(`${options.input}:${lineNumber}: ${message}`);
      output = { id, error: message };
    }
    await write(output);
  }
  return { records, failed };
}

/** Marks a failed model load so the per-line error handling lets it end the run. */
class ModelLoadFailure extends Error {}

async function loadOnce(options: ScoreOptions): Promise<Embedder> {
  try {
    return await options.embedder();
  } catch (error) {
    throw new ModelLoadFailure('model load failed', { cause: error });
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new Error('invalid JSON');
  }
}

function kept(options: ScoreOptions): string {
  return options.output === undefined ? '' : `; ${options.output} was left unchanged`;
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
}

/** Ctrl-C or `kill` removes the temporary file (the old output stays); returns the undo. */
function discardOnSignal(sink: OutputFile): () => void {
  const { tempPath } = sink;
  if (tempPath === null) return () => undefined;
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((signal) => {
    const handler = (): void => {
      try {
        unlinkSync(tempPath);
      } catch {
        // Already gone.
      }
      // The shell convention for "killed by signal N".
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
