/**
 * The batch scoring contract outside evaluators use (`crosscheck score`), one record at a time:
 * validates an input record, analyses it and shapes the output line. The quality benchmark scores
 * through this same function so its figures describe exactly what evaluators get.
 */
import type { AnalysisOptions } from '../core/analysis.ts';
import { analyze } from '../core/analysis.ts';
import type { AnalysisReport } from '../core/types.ts';
import type { Embedder } from '../core/embedder.ts';

export interface ScoreInput {
  id: unknown;
  prompt?: string;
  answer: string;
  sentences?: string[];
  samples: string[];
}

export interface ScoreOutput {
  id: unknown;
  scores: number[];
  /** Calibrated chance that each sentence is wrong (src/core/severity.ts), 0..1. */
  severity: number[];
  /** "likely", "uncertain" or null per sentence, at the default sensitivity. */
  levels: (string | null)[];
  /** Exactly what the page underlines by default: level "likely". */
  flagged: boolean[];
  types: (string | null)[];
  /** Index into [answer, ...samples] of the consensus pick. */
  consensus: number;
}

/** Checks the shape of one parsed input line; throws an Error saying what is wrong. */
export function validateRecord(value: unknown): ScoreInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('expected a JSON object');
  }
  const r = value as Record<string, unknown>;
  if (typeof r.answer !== 'string') throw new Error('"answer" must be a string');
  if (!Array.isArray(r.samples) || r.samples.some((s) => typeof s !== 'string')) {
    throw new Error('"samples" must be an array of strings');
  }
  if (r.samples.length === 0) throw new Error('"samples" is empty: nothing to compare with');
  if (r.prompt !== undefined && typeof r.prompt !== 'string') {
    throw new Error('"prompt" must be a string when given');
  }
  if (
    r.sentences !== undefined &&
    (!Array.isArray(r.sentences) || r.sentences.some((s) => typeof s !== 'string'))
  ) {
    throw new Error('"sentences" must be an array of strings when given');
  }
  return {
    id: r.id ?? null,
    answer: r.answer,
    samples: r.samples as string[],
    ...(typeof r.prompt === 'string' ? { prompt: r.prompt } : {}),
    ...(r.sentences !== undefined ? { sentences: r.sentences as string[] } : {}),
  };
}

/** Analyses a record, using only its first `maxSamples` samples when given. */
export async function analyzeRecord(
  record: ScoreInput,
  embedder: Embedder,
  maxSamples?: number,
  options: Omit<AnalysisOptions, 'sentences'> = {},
): Promise<AnalysisReport> {
  const samples = maxSamples === undefined ? record.samples : record.samples.slice(0, maxSamples);
  return analyze(record.answer, samples, embedder, {
    ...(record.prompt !== undefined ? { prompt: record.prompt } : {}),
    ...options,
    ...(record.sentences ? { sentences: record.sentences } : {}),
  });
}

export function toScoreOutput(id: unknown, report: AnalysisReport): ScoreOutput {
  return {
    id,
    scores: report.sentences.map((s) => round(s.score)),
    severity: report.sentences.map((s) => round(s.severity ?? 0)),
    levels: report.sentences.map((s) => s.level ?? null),
    flagged: report.sentences.map((s) => s.flagged),
    types: report.sentences.map((s) => s.type),
    consensus: report.consensus.index,
  };
}

/** Six decimals keep ranking ties as they are while keeping lines short. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
