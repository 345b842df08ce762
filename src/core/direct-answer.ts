/**
 * Different names for what the question asks. Asked "Was there ever a senator for Arizona who
 * studied at MIT?", one answer says "His name was Jeff Flake" and a sample says "Kyrsten Sinema
 * represented Arizona …": the two answer one question with different people, yet their
 * sentences split the claim differently, so sentence alignment finds no counterpart and the
 * answer's sentence reads as merely not mentioned. Here each text's **named answer** is its
 * first sentence (of the first two) that names something the question does not; when the
 * answer's and a sample's named answers share no name at all — the sample never mentions the
 * answer's names, the answer never mentions the sample's — the sample names something else in
 * its place: an entity conflict on the answer's sentence.
 *
 * Only for a prompt that is a question: text continuing a passage, or an instruction, has no
 * single thing asked for, and two samples may open on different details.
 */
import { lemma, tokenize, type Token } from './lexical.ts';
import type { PreparedSentence, PreparedText } from './prepare.ts';
import { phrases, phraseText } from './conflicts.ts';

/** How far into a text its named answer may stand (in judged sentences). */
const OPENING = 2;

const QUESTION_START =
  /^(?:who|whom|whose|which|what|when|where|was|were|is|are|did|does|do|has|have|had|can|could|will|would)\b/i;

/** Whether a prompt asks a question: it ends with "?" or opens like one. */
export function isQuestion(prompt: string): boolean {
  const last = prompt.trim().split(/\n+/).pop()?.trim() ?? '';
  return last.endsWith('?') || QUESTION_START.test(last);
}

/** Forms of the prompt's words that a name may take (the prompt is often typed in lower case). */
function promptForms(prompt: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(prompt)) {
    out.add(t.norm);
    out.add(lemma(t.raw));
  }
  return out;
}

interface NamedAnswer {
  /** Index of the sentence among the text's judged sentences. */
  row: number;
  sentence: PreparedSentence;
  /** Its names that the prompt does not have. */
  names: Token[];
}

function namedAnswer(text: PreparedText, asked: ReadonlySet<string>): NamedAnswer | null {
  for (const [row, sentence] of text.sentences.slice(0, OPENING).entries()) {
    const names = sentence.tokens.filter((t) => t.kind === 'name' && !asked.has(t.norm));
    if (names.length > 0) return { row, sentence, names };
  }
  return null;
}

/** An answer sentence that a sample answers with other names. */
export interface DirectAnswerConflict {
  /** The answer sentence (index among its judged sentences). */
  row: number;
  /** The sample's sentence that names something else. */
  counterpart: PreparedSentence;
  answerSpans: string[];
  sampleSpans: string[];
}

/** The first of the names, as written ("Jeff Flake"): what the text gives as the answer. */
const firstName = (s: PreparedSentence, tokens: readonly Token[]) => [
  phraseText(s, phrases(s, tokens)[0]!),
];

/**
 * Per sample (null for a blank one or where the named answers do not differ), the conflict
 * between the answer's named answer and the sample's. Null for all when the prompt is no question.
 */
export function directAnswerConflicts(
  prompt: string | undefined,
  answer: PreparedText,
  samples: readonly (PreparedText | null)[],
): (DirectAnswerConflict | null)[] {
  if (prompt === undefined || !isQuestion(prompt)) return samples.map(() => null);
  const asked = promptForms(prompt);
  const mine = namedAnswer(answer, asked);
  return samples.map((sample) => {
    if (!mine || !sample) return null;
    const theirs = namedAnswer(sample, asked);
    if (!theirs) return null;
    if (mine.names.some((t) => sample.norms.has(t.norm))) return null;
    if (theirs.names.some((t) => answer.norms.has(t.norm))) return null;
    return {
      row: mine.row,
      counterpart: theirs.sentence,
      answerSpans: firstName(mine.sentence, mine.names),
      sampleSpans: firstName(theirs.sentence, theirs.names),
    };
  });
}
