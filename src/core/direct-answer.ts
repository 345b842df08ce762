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
 * Only for a prompt that asks for a name (asksForName): text continuing a passage, an
 * instruction or another question has no single name asked for, and two samples may open on
 * different details or cite different sources.
 */
import { lemma, tokenize, type Token } from './lexical.ts';
import type { PreparedSentence, PreparedText } from './prepare.ts';
import { phrases, phraseText } from './conflicts.ts';

/** How far into a text its named answer may stand (in judged sentences). */
const OPENING = 2;

/**
 * Questions whose answer is a name: "who …", "which …", "whose …", "what is the name …",
 * "name …", and "was there ever a …" (asking for one that exists). Other questions ("Is coffee
 * bad for you?", "What are the benefits of …?") are answered in statements whose names are
 * sources and examples, not rival answers.
 */
const ASKS_FOR_NAME = [
  /^(?:who|whom|whose|which)\b/i,
  /^what\s+(?:is|was|are|were)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+)?(?:names?|titles?)\b/i,
  /^(?:is|was|are|were|has|have)\s+there\s+(?:ever\s+)?(?:been\s+)?(?:a|an|any)\b/i,
  /^name\b/i,
];

/** Whether a prompt's question (its last line) asks for a name. */
export function asksForName(prompt: string): boolean {
  const last = prompt.trim().split(/\n+/).pop()?.trim() ?? '';
  return ASKS_FOR_NAME.some((pattern) => pattern.test(last));
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
 * between the answer's named answer and the sample's. Null for all unless the prompt asks for a name.
 */
export function directAnswerConflicts(
  prompt: string | undefined,
  answer: PreparedText,
  samples: readonly (PreparedText | null)[],
): (DirectAnswerConflict | null)[] {
  if (prompt === undefined || !asksForName(prompt)) return samples.map(() => null);
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
