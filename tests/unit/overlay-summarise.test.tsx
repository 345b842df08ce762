/**
 * The overlay's words: plurals, "k of N samples" with the verb agreeing, the headline's count of
 * samples that mostly agree, and the order and marking of samples in a card.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisReport, SampleEvidence, SentenceFinding } from '../../src/core/types.ts';
import {
  answerLabel,
  flags,
  headline,
  ofSamples,
  progressText,
  samplesAgreeing,
  supportText,
} from '../../src/content/overlay/summarise.ts';
import { joinAnd, plural } from '../../src/shared/wording.ts';
import {
  counterpartParts,
  readCard,
  sampleLines,
  stanceOf,
} from '../../src/content/overlay/evidence.ts';
import fixture from '../fixtures/overlay/report.json';

const report = fixture as unknown as AnalysisReport;

function evidence(sample: number, counterpart: string | null, supports: boolean): SampleEvidence {
  return { sample, counterpart, similarity: 0.5, supports, answerSpans: [], sampleSpans: [] };
}

describe('phrasing', () => {
  it('pluralises counts', () => {
    expect(plural(0, 'sample')).toBe('0 samples');
    expect(plural(1, 'sample')).toBe('1 sample');
    expect(plural(2, 'request')).toBe('2 requests');
  });

  it('lists with commas and a final "and"', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b'])).toBe('a and b');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('agrees the verb with the count of samples', () => {
    expect(ofSamples(1, 5, 'agree', 'agrees')).toBe('1 of 5 samples agrees');
    expect(ofSamples(2, 5, 'agree', 'agrees')).toBe('2 of 5 samples agree');
    expect(ofSamples(0, 4, 'agree', 'agrees')).toBe('None of the 4 samples agree');
    expect(ofSamples(3, 3, 'agree', 'agrees')).toBe('All 3 samples agree');
    expect(ofSamples(1, 1, 'agree', 'agrees')).toBe('The one sample agrees');
    expect(ofSamples(0, 1, 'agree', 'agrees')).toBe('The one sample does not agree');
  });

  it('names answers as the user sees them', () => {
    expect(answerLabel(0)).toBe('your answer');
    expect(answerLabel(3)).toBe('sample 3');
  });

  it('words progress by the samples received, the same in the bar and the popup', () => {
    expect(progressText(0, 4)).toBe('Received 0 of 4 samples…');
    expect(progressText(1, 4)).toBe('Received 1 of 4 samples…');
    expect(progressText(4, 4)).toBe('Received all 4 samples');
  });
});

describe('reading a report', () => {
  it('counts samples that back at least half of the judged sentences', () => {
    // Sample 4 backs sentences 0-2 and sample 5 backs 1, 2 and 5: 3 of 6 each.
    expect(samplesAgreeing(report)).toBe(2);
    expect(headline(report)).toBe(
      '2 of 5 samples agree with your answer: most samples say something else',
    );
  });

  it('shows the core’s notice instead of the numbers when it has one', () => {
    const notice = 'No samples came back, so nothing could be compared.';
    expect(headline({ ...report, notice })).toBe(notice);
  });

  it('lists flags in reading order with their type', () => {
    expect(flags(report).map((f) => [f.index, f.type])).toEqual([
      [0, 'number'],
      [3, 'entity'],
      [4, 'contradiction'],
      [5, 'unsupported'],
    ]);
  });

  it('words the support of a sentence', () => {
    expect(supportText(report.sentences[0]!, 5)).toBe('1 of 5 samples backs this sentence');
    expect(supportText(report.sentences[3]!, 5)).toBe(
      'None of the 5 samples back all of this sentence; 1 backs part of it',
    );
  });

  it('says how many samples back part of a sentence that none back in full', () => {
    const sentence = report.sentences[0]!;
    const text = sentence.segment.text;
    const partly = (sample: number): SampleEvidence => evidence(sample, text, false);
    const none = {
      ...sentence,
      support: 0,
      evidence: [partly(0), partly(1), evidence(2, null, false)],
    };
    expect(supportText(none, 3)).toBe(
      'None of the 3 samples back all of this sentence; 2 back part of it',
    );
    const some = { ...sentence, support: 1, evidence: [evidence(0, text, true), partly(1)] };
    expect(supportText(some, 3)).toBe(
      '1 of 3 samples backs this sentence; 1 more backs part of it',
    );
  });
});

describe('a card’s sample lines', () => {
  const finding: SentenceFinding = {
    ...report.sentences[0]!,
    evidence: [
      evidence(2, 'It was finished in 1889.', true),
      evidence(0, null, false),
      // As the core reports a different year: the differing span and the conflict's kind.
      {
        ...evidence(1, 'It was finished in 1890 in Lyon.', false),
        sampleSpans: ['1890'],
        conflict: 'number',
      },
    ],
  };

  it('lists differing samples first, then silent ones (also those with no evidence), then agreeing', () => {
    const lines = sampleLines(finding, 4);
    expect(lines.map((l) => [l.sample, l.stance])).toEqual([
      [1, 'differs'],
      [0, 'silent'],
      [3, 'silent'],
      [2, 'agrees'],
    ]);
  });

  it('says a sample differs only when it says something different', () => {
    const sentence = report.sentences[0]!.segment.text;
    // Nothing different named, and its nearest sentence shares little: no mention of the point.
    expect(stanceOf(evidence(1, 'The weather in Lyon was mild.', false), sentence)).toBe('silent');
    // A conflict the core named is a difference even without a span.
    expect(
      stanceOf(
        { ...evidence(1, 'It was never finished.', false), conflict: 'contradiction' },
        sentence,
      ),
    ).toBe('differs');
  });

  it('leaves a differing sample unmarked when the core found no specific span', () => {
    expect(counterpartParts(evidence(1, 'It was a gift from the city of Lyon.', false))).toEqual([
      { op: 'same', text: 'It was a gift from the city of Lyon.' },
    ]);
  });

  it('prefers the core’s spans, and leaves agreeing wording unmarked', () => {
    const withSpans = {
      ...evidence(0, 'Finished in March 1889.', false),
      sampleSpans: ['March 1889'],
    };
    expect(counterpartParts(withSpans)).toEqual([
      { op: 'same', text: 'Finished in ' },
      { op: 'added', text: 'March 1889' },
      { op: 'same', text: '.' },
    ]);
    expect(counterpartParts(evidence(0, 'Built by 1887.', true))).toEqual([
      { op: 'same', text: 'Built by 1887.' },
    ]);
  });
});

describe('a card’s reading', () => {
  const base = report.sentences[3]!;
  const withEvidence = (evidence: SampleEvidence[]): SentenceFinding => ({ ...base, evidence });
  const differs = (sample: number, answerSpans: string[], sampleSpans: string[]) => ({
    ...evidence(sample, 'Some other wording of it.', false),
    answerSpans,
    sampleSpans,
  });

  it('marks only the words most samples leave out, and says what they say instead', () => {
    const card = readCard(
      withEvidence([
        differs(0, ['Empire State Building'], ['Chrysler Building']),
        differs(1, ['Empire State Building', '1930'], ['Chrysler Building', '1931']),
        differs(2, ['Empire State Building'], ['Chrysler Building']),
        evidence(
          3,
          'It was the tallest until the Empire State Building was finished in 1930.',
          true,
        ),
      ]),
      'entity',
      4,
    );
    expect(card.sentenceParts.filter((p) => p.op === 'added').map((p) => p.text)).toEqual([
      'Empire State Building',
    ]);
    // Only what stands in place of the marked words: the one sample's "1931" stands for the
    // "1930" three samples back, which is not marked.
    expect(card.instead).toEqual([{ text: 'Chrysler Building', count: 3 }]);
    expect(card.label).toBe('Different name');
    expect(card.stances).toEqual({ differs: 3, partly: 0, silent: 0, agrees: 1 });
  });

  it('says instead only what stands where the marked words do', () => {
    const text = 'He lived from 15 March 1848 to 18 September 1915.';
    const card = readCard(
      {
        ...withEvidence([
          differs(0, ['18 September 1915'], ['15 November 1915']),
          differs(1, ['18 September 1915'], ['21 April 1915']),
          differs(2, ['15 March 1848', '18 September 1915'], ['25 April 1848', '15 December 1915']),
          evidence(3, text, true),
        ]),
        segment: { ...base.segment, text },
      },
      'number',
      4,
    );
    expect(card.sentenceParts.filter((p) => p.op === 'added').map((p) => p.text)).toEqual([
      '18 September 1915',
    ]);
    // The third sample's other birth date stands where no marked word does.
    expect(card.instead.map((i) => i.text)).toEqual([
      '15 December 1915',
      '15 November 1915',
      '21 April 1915',
    ]);
  });

  it('counts a sample that lacks a longer span as lacking the words within it', () => {
    const text = 'It was finished on April 28, 1930.';
    const card = readCard(
      {
        ...withEvidence([
          differs(0, ['April 28, 1930'], ['December 4, 1927']),
          differs(1, ['April 28'], ['July 15']),
          differs(2, ['April 28'], ['May 5']),
          evidence(3, text, true),
        ]),
        segment: { ...base.segment, text },
      },
      'number',
      4,
    );
    // Three of four samples lack "April 28"; only one lacks the year.
    expect(card.sentenceParts.filter((p) => p.op === 'added').map((p) => p.text)).toEqual([
      'April 28',
    ]);
  });

  it('calls a sentence partly backed, not unsupported, when samples back some of it', () => {
    const sentence = base.segment.text;
    const card = readCard(
      withEvidence([
        { ...evidence(0, sentence.replace('1930', 'that year'), false), answerSpans: ['1930'] },
        evidence(1, null, false),
      ]),
      'unsupported',
      2,
    );
    expect(card.stances.partly).toBe(1);
    expect(card.label).toBe('Partly backed');
    const none = readCard(withEvidence([evidence(0, null, false)]), 'unsupported', 2);
    expect(none.label).toBe('Unsupported');
  });
});
