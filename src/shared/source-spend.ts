/**
 * One line per sample source on what it did in a run, for the popup's cost lines:
 * "gpt-4o-mini (main): 4 of 4 samples, 1,234 tokens used, about $0.00042 at OpenAI gpt-4o-mini
 * prices of 2025-01.", "llama3.2: not asked: the answer looked consistent."
 */
import { spendText } from './run-cost.ts';
import { MAIN_VOICE_ID, type SourceSpend } from './sources.ts';

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function sourceSpendText(spend: SourceSpend): string {
  // "(main)" as beside the popup's steppers: which source did the self-consistency pass.
  const label = `${spend.source.label}${spend.source.id === MAIN_VOICE_ID ? ' (main)' : ''}`;
  if (spend.asked === 0) return `${label}: ${sentence(spend.note ?? 'not asked')}`;
  const samples = `${spend.received} of ${spend.asked} ${spend.asked === 1 ? 'sample' : 'samples'}`;
  const cost = spendText(spend.usage, spend.cost);
  const line = `${label}: ${samples}${cost ? `, ${lowerFirst(cost)}` : '.'}`;
  return spend.note ? `${line} ${sentence(upperFirst(spend.note))}` : line;
}

/** The run's total, after the per-source lines: "In all: 2,046 tokens used, …", or "". */
export function totalSpendText(total: string): string {
  return total ? `In all: ${lowerFirst(total)}` : '';
}
