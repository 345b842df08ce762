/**
 * `crosscheck score IN.jsonl [--samples N] [--out OUT.jsonl]`: one output line per input line,
 * in order. A bad line (invalid JSON, missing fields, no samples) gets `{"id", "error"}` in its
 * place and a message on stderr naming its line number; the other lines are still scored, and
 * the command reports failure at the end.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Embedder } from '../core/embedder.ts';
import { analyseRecord, toScoreOutput, validateRecord } from './score-record.ts';

export interface ScoreOptions {
  input: string;
  output?: string;
  samples?: number;
  embedder: () => Promise<Embedder>;
  stderr: (line: string) => void;
}

/** Returns the number of lines that failed. */
export async function scoreFile(options: ScoreOptions): Promise<number> {
  const input = createReadStream(options.input, 'utf8');
  const opened = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(`Cannot read ${options.input}: ${e.code ?? e.message}`)),
    );
  });
  await opened;
  const out = options.output ? createWriteStream(options.output, 'utf8') : process.stdout;
  const write = (value: unknown) =>
    new Promise<void>((resolve, reject) =>
      out.write(`${JSON.stringify(value)}\n`, (e) => (e ? reject(e) : resolve())),
    );

  // Loaded on the first good line, so a file of bad lines fails fast without the model.
  let embedder: Embedder | null = null;
  let failed = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let id: unknown = null;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error('invalid JSON');
      }
      if (typeof parsed === 'object' && parsed !== null && 'id' in parsed) {
        id = (parsed as { id: unknown }).id;
      }
      const record = validateRecord(parsed);
      embedder ??= await options.embedder();
      const report = await analyseRecord(record, embedder, options.samples);
      await write(toScoreOutput(record.id, report));
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      options.stderr(`${options.input}:${lineNumber}: ${message}`);
      await write({ id, error: message });
    }
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => out.end(resolve));
  return failed;
}
