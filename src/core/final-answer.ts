/**
 * Finds an answer's explicit final answer — "The answer is X", "Final answer: X", a LaTeX
 * \boxed{X}, a bold "**Answer:** X", a last line that is only a bold value — and normalises it
 * so equal answers compare equal. Answers that state one are grouped by it before meaning, since
 * two reasonings that reach the same result agree where it matters.
 */

const PATTERNS: readonly RegExp[] = [
  /\\boxed\{((?:[^{}]|\{[^{}]*\})*)\}/g,
  /\bfinal answer\s*(?:is|:)\s*([^\n]+)/gi,
  /\bthe (?:correct |final )?answer is\s*:?\s*([^\n]+)/gi,
  /^\s*\**answer\**\s*:\**\s*([^\n]+)/gim,
  // A final line that is nothing but a bold value ("**42**"), as chat answers often end.
  /\n\s*\*\*([^*\n]{1,60})\*\*\.?\s*$/g,
];

/** The last explicit final answer in the text, as written (trimmed), or null. */
export function extractFinalAnswer(text: string): string | null {
  for (const pattern of PATTERNS) {
    let last: string | null = null;
    for (const m of text.matchAll(pattern)) last = m[1] ?? null;
    if (last !== null) {
      // Cut at the sentence end: "The answer is yajo. Hope this helps" → "yajo".
      const cut = last
        .replace(/(?<=\S)[.!?](\s.*)?$/, '')
        .replace(/\*+/g, '')
        .trim();
      if (cut !== '') return cut;
    }
  }
  return null;
}

/** Comparable form: lower case, no quotes, markup, currency signs, spaces or final dot. */
export function normaliseFinalAnswer(answer: string): string {
  return answer
    .toLowerCase()
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/[“”"'‘’`*$\\]/g, '')
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/\s+/g, '')
    .replace(/\.$/, '');
}
