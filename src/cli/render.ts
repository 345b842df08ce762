/**
 * Renders an analysis report for a terminal: flagged sentences with their type and what each
 * sample said instead, omissions, the consensus pick and the overall agreement. Colours only
 * when asked (the caller decides from the TTY and NO_COLOR).
 */
import { styleText } from 'node:util';
import type { AnalysisReport } from '../core/types.ts';
import { headline, shownFlags, shownOmissions, type Flag } from '../shared/report-reading.ts';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
}

// The caller has already decided on colour (wantsColour), so styleText must not decide again.
const styled = (format: Parameters<typeof styleText>[0]) => (s: string) =>
  styleText(format, s, { validateStream: false });
export const COLOUR: Style = {
  bold: styled('bold'),
  dim: styled('dim'),
  red: styled('red'),
  yellow: styled('yellow'),
  green: styled('green'),
};
const plain = (s: string) => s;
export const NO_COLOUR: Style = {
  bold: plain,
  dim: plain,
  red: plain,
  yellow: plain,
  green: plain,
};

/** Whether to colour output written to `stream`: a TTY and no NO_COLOR in the environment. */
export function wantsColour(stream: { isTTY?: boolean }, env = process.env): boolean {
  return Boolean(stream.isTTY) && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

const MAX_EVIDENCE = 3;

export function renderReport(report: AnalysisReport, style: Style): string {
  const out: string[] = [];
  const judged = report.sentences.length;
  // What the page shows at the default sensitivity: "likely" (clear underline, counted as
  // flagged) and "uncertain" (faint underline).
  const flags = shownFlags(report);
  const likely = flags.filter((f) => f.level === 'likely').length;
  out.push(
    style.bold('Crosscheck report') +
      style.dim(
        ` — ${report.samples.length} sample(s), ${judged} sentence(s) judged, model ${report.embedder}`,
      ),
  );
  if (report.notice) out.push(style.yellow(`Note: ${report.notice}`));
  out.push(
    `${headline(report)}. Likely wrong: ${likely} of ${judged}; uncertain: ${flags.length - likely}`,
  );
  out.push('');
  if (flags.length === 0 && judged > 0 && report.samples.length > 0) {
    out.push(style.green('No sentence disagrees with the samples.'));
  }
  for (const flag of flags) out.push(...renderFlag(flag, style), '');

  for (const o of shownOmissions(report)) {
    out.push(`${style.yellow('[omission]')} ${o.samples.length} samples say: ${o.text}`);
    o.wording.slice(0, MAX_EVIDENCE).forEach((w, i) => {
      out.push(style.dim(`    sample ${o.samples[i]! + 1}: ${w}`));
    });
    out.push('');
  }

  const c = report.consensus;
  const who = c.index === 0 ? 'your answer' : `sample ${c.index}`;
  out.push(
    `${style.bold('Consensus:')} ${who} (group of ${c.groupSize} of ${report.samples.length + 1})` +
      (c.finalAnswer ? `, final answer "${c.finalAnswer}"` : ''),
  );
  out.push(style.dim(c.reason));
  return out.join('\n');
}

function renderFlag({ finding: f, type, level }: Flag, style: Style): string[] {
  const label = level === 'likely' ? style.red(`[${type}]`) : style.yellow(`[${type}, uncertain]`);
  const lines = [
    `${label} ${style.bold(f.segment.text)}`,
    style.dim(
      `    severity ${(f.severity ?? f.score).toFixed(2)}, backed by ${f.support} of ${f.evidence.length} sample(s)` +
        ` (chars ${f.segment.start}–${f.segment.end})`,
    ),
  ];
  const against = f.evidence.filter((e) => !e.supports).slice(0, MAX_EVIDENCE);
  for (const e of against) {
    const diff =
      e.answerSpans.length > 0 || e.sampleSpans.length > 0
        ? ` [${e.answerSpans.join(', ') || '—'} vs ${e.sampleSpans.join(', ') || '—'}]`
        : '';
    lines.push(
      `    sample ${e.sample + 1}: ${e.counterpart ?? style.dim('(says nothing like it)')}${style.yellow(diff)}`,
    );
  }
  return lines;
}
