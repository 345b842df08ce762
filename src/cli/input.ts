/**
 * Reads `crosscheck analyze` input: a JSON object `{prompt?, answer, samples}` — the same shape
 * as one line of the `score` batch file — or a file holding exactly one such JSON line.
 */
import { readFile } from 'node:fs/promises';
import { checkInputFile } from './safe-output.ts';
import { validateRecord, type ScoreInput } from './score-record.ts';

export async function readAnalyzeInput(path: string): Promise<ScoreInput> {
  await checkInputFile(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1) {
      throw new Error(
        `${path} holds ${lines.length} lines; use "crosscheck score" for JSONL files`,
      );
    }
    throw new Error(`${path} is not valid JSON`);
  }
  try {
    return validateRecord(parsed);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
