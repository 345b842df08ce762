/**
 * Sentences that carry no claim a sample could back or contradict: AI disclaimers, advice to ask
 * a professional or check local rules, hedges and sign-offs. Samples word these differently or
 * leave them out, so judging them would flag the least important sentences of an answer.
 * Pure and browser-free; the UI leaves these sentences unflagged.
 */

const PATTERNS: readonly RegExp[] = [
  // "As an AI language model, …"
  /^\s*as an? (ai|artificial intelligence|large language model|language model|ai language model|ai assistant)\b/i,
  /\bi(?:'|’)?m (just )?an? (ai|language model)\b|\bi am (just )?an? (ai|language model)\b/i,
  /\bi (do not|don['’]t) have (personal|real-time|access to real-time)\b/i,
  /\bi(?:'|’)?m not an? (lawyer|doctor|medical professional|financial advisor|legal expert)\b/i,
  // "… check your local laws/legislation/regulations", "consult a doctor/lawyer/professional"
  /\b(check|consult|review|look up|refer to|research|familiari[sz]e yourself with)\b[^.]{0,60}\b(local|state|national|your)\b[^.]{0,30}\b(laws?|legislation|regulations?|rules|authorities|ordinances)\b/i,
  /\b(consult|speak (with|to)|talk (with|to)|seek (advice|help) from|contact)\b[^.]{0,40}\b(doctor|physician|lawyer|attorney|professional|expert|specialist|pharmacist|advisor|adviser|healthcare provider|authorities)\b/i,
  /\b(this|the above) (is|does) not (constitute )?(legal|medical|financial|professional) advice\b/i,
  /\bfor (informational|educational) purposes only\b/i,
  // Sign-offs and offers.
  /^\s*(i hope (this|that) helps|hope (this|that) helps|let me know if|feel free to|if you have (any )?(more|other|further) questions)\b/i,
  /^\s*(please note|keep in mind|it(?:'|’)?s (always )?a good idea|it is (always )?a good idea)\b[^.]{0,80}\b(may vary|might vary|can vary|change|differ|subject to change)\b/i,
  /\b(laws?|rules|regulations|requirements|policies) (may|might|can) (vary|differ|change)\b/i,
];

/**
 * A disclaimer that goes on to a claim ("…, but the age is 18") is a claim. Only a turn in the
 * middle of the sentence counts: a leading "However," just links it to the one before.
 */
const THEN_A_CLAIM = /\S.*\b(but|however|although|that said)\b|\bthe answer (is|to)\b/i;

/** Whether a sentence is a disclaimer, hedge or sign-off rather than a claim. */
export function isBoilerplate(sentence: string): boolean {
  const text = sentence.trim();
  if (text === '' || text.length > 400 || THEN_A_CLAIM.test(text)) return false;
  return PATTERNS.some((re) => re.test(text));
}
