/**
 * The `crosscheck` command line: runs the same analysis core as the extension, in Node.
 *   crosscheck analyze FILE [--json]            one answer + samples, a readable report
 *   crosscheck score IN.jsonl [--samples N] [--out OUT.jsonl]   the batch scoring contract
 */
import { parseArgs } from 'node:util';
import type { Embedder } from '../core/embedder.ts';
import { analyzeRecord } from './score-record.ts';
import { readAnalyzeInput } from './input.ts';
import { COLOUR, NO_COLOUR, renderReport, wantsColour } from './render.ts';
import { scoreFile } from './score-command.ts';

const USAGE = `Usage:
  crosscheck analyze FILE [--json]
      FILE: JSON {"prompt"?, "answer", "samples": [...]}. Prints the flagged sentences, their
      type, what the samples said and the consensus; --json prints the full report.
  crosscheck score IN.jsonl [--samples N] [--out OUT.jsonl]
      One JSON record per line: {"id", "prompt"?, "answer", "sentences"?, "samples"}.
      Writes {"id", "scores", "flagged", "types", "consensus"} per line, in order.
      --out is replaced only when the run finishes; it may not be the input file.`;

class UsageError extends Error {}

/**
 * The model (transformers.js and onnxruntime) loads only when a command needs it: imported
 * lazily, it stays out of start-up, so --help and argument errors answer at once.
 */
async function loadEmbedder(): Promise<Embedder> {
  const { loadEmbedder: load } = await import('./load-embedder.ts');
  return load();
}

/** `--samples`: digits only, so "1e3", "0x2" or "2.0" are refused rather than reinterpreted. */
export function parseSampleCount(text: string): number {
  const count = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new UsageError(`--samples must be a positive whole number (digits only), got "${text}"`);
  }
  return count;
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === 'analyze' || command === 'analyse') return analyzeCommand(rest);
  if (command === 'score') return scoreCommand(rest);
  throw new UsageError(`Unknown command "${command}"`);
}

async function analyzeCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(() =>
    parseArgs({
      args: [...args],
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    }),
  );
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one FILE');
  const record = await readAnalyzeInput(positionals[0]!);
  const report = await analyzeRecord(record, await loadEmbedder());
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(renderReport(report, wantsColour(process.stdout) ? COLOUR : NO_COLOUR));
  return 0;
}

async function scoreCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parse(() =>
    parseArgs({
      args: [...args],
      options: { samples: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
    }),
  );
  if (positionals.length !== 1) throw new UsageError('score takes exactly one IN.jsonl');
  const samples = values.samples === undefined ? undefined : parseSampleCount(values.samples);
  if (values.out === '') throw new UsageError('--out needs a file name');
  const failed = await scoreFile({
    input: positionals[0]!,
    ...(typeof values.out === 'string' ? { output: values.out } : {}),
    ...(samples !== undefined ? { samples } : {}),
    embedder: () => loadEmbedder(),
    stderr: (line) => console.error(line),
  });
  if (failed > 0) console.error(`crosscheck score: ${failed} line(s) failed`);
  return failed > 0 ? 1 : 0;
}

/** Runs an argument parse, turning its errors (unknown option, missing value) into usage errors. */
function parse<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// A reader that stops early (`crosscheck score in.jsonl | head`) is no error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Run when executed (dist/cli/crosscheck.js, or `npm run crosscheck` from source).
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line, whatever went wrong: what to fix, not a stack trace or the whole usage.
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /\s*\n\s*/g,
      ' ',
    );
    const hint = error instanceof UsageError ? ' (crosscheck --help shows the usage)' : '';
    console.error(`crosscheck: ${message}${hint}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
