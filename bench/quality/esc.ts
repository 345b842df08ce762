/**
 * ESC last-letters: for each question the first generated answer plays the user's answer and the
 * next ones the samples. Compares how often the final answer is right for: the first sample
 * alone, a majority vote over the final answers (ties go to the answer seen first), and the
 * consensus pick of the analysis.
 */
import { extractFinalAnswer, normaliseFinalAnswer } from '../../src/core/final-answer.ts';
import { analyzeRecord } from '../../src/cli/score-record.ts';
import { type BenchContext, pct, table, take } from './context.ts';
import { readJsonlGz } from './data.ts';

interface Question {
  question: string;
  answer: string;
  generated_answer: string[];
}

const normalised = (text: string | undefined) => {
  const f = text === undefined ? null : extractFinalAnswer(text);
  return f === null ? null : normaliseFinalAnswer(f);
};

export function majorityVote(texts: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const f = normalised(t);
    if (f !== null) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  // Map keeps insertion order, so on ties the answer seen first wins.
  for (const [f, c] of counts) {
    if (c > bestCount) {
      best = f;
      bestCount = c;
    }
  }
  return best;
}

export async function runEsc(ctx: BenchContext, sampleCounts: readonly number[]): Promise<string> {
  const questions = take(readJsonlGz<Question>('esc/last-letters-dev.jsonl.gz'), ctx.limit);
  const rows: string[][] = [];
  for (const n of sampleCounts) {
    let first = 0;
    let vote = 0;
    let consensus = 0;
    const t0 = performance.now();
    for (const [i, q] of questions.entries()) {
      const texts = q.generated_answer.slice(0, n);
      const gold = normaliseFinalAnswer(q.answer);
      if (normalised(texts[0]) === gold) first++;
      if (majorityVote(texts) === gold) vote++;
      const report = await analyzeRecord(
        { id: i, prompt: q.question, answer: texts[0] ?? '', samples: texts.slice(1) },
        ctx.embedder,
        undefined,
        { params: ctx.params },
      );
      if (normalised(texts[report.consensus.index]) === gold) consensus++;
    }
    ctx.log(`esc: ${n} answers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const q = questions.length;
    rows.push([
      `${n} answers per question (${q} questions)`,
      pct(first / q),
      pct(vote / q),
      pct(consensus / q),
    ]);
  }
  return table(
    ['ESC last letters (final answer right %)', 'first sample', 'majority vote', 'consensus pick'],
    [['README figures (dev): 5 / 40 answers', '79.60', '80.80 / 81.20', '≥ majority'], ...rows],
  );
}
