/**
 * The demo's long answer (`npm run demo -- --wikibio=<index>`): one WikiBio-GPT3 passage of the
 * development split, read at run time from the evaluation data (never copied into the repo), asked
 * as SelfCheckGPT asked it and answered by its recorded text-davinci-003 samples. Its sentences
 * carry human labels, so the demo can say which of the underlines fall on wrong sentences.
 */
import { readJsonGz } from '../bench/quality/data.ts';
import type { WikiBioRecord } from '../bench/quality/wikibio.ts';
import type { RecordedQuestion } from '../demo/replay-server.ts';
import type { AnalysisReport } from '../src/core/types.ts';
import { shownFlags } from '../src/shared/report-reading.ts';

export interface LabelledQuestion {
  question: RecordedQuestion;
  sentences: readonly string[];
  labels: readonly WikiBioRecord['annotation'][number][];
}

/** The passage's subject: its text up to the first bracket, comma or " is" / " was". */
function subjectOf(text: string): string {
  const match = /^(.{3,80}?)(?: \(|,| is | was )/.exec(text);
  return match?.[1] ?? text.split(/\s+/).slice(0, 4).join(' ');
}

/** The development split's passage at `position` (0-based), as a demo question. */
export function wikibioQuestion(position: number): LabelledQuestion {
  const records = readJsonGz<WikiBioRecord[]>('wikibio/wikibio-dev.json.gz');
  const record = records[position];
  if (!record) {
    throw new Error(`--wikibio takes 0 to ${records.length - 1}; got ${position}`);
  }
  return {
    question: {
      id: `wikibio-${position}`,
      prompt: `This is a Wikipedia passage about ${subjectOf(record.gpt3_text)}:`,
      model: 'text-davinci-003',
      answer: record.gpt3_text,
      samples: record.gpt3_text_samples,
      source: {
        label: 'WikiBio-GPT3 data set',
        repository: 'https://huggingface.co/datasets/potsawee/wiki_bio_gpt3_hallucination',
        licence: 'CC BY-SA 3.0',
      },
    },
    sentences: record.gpt3_sentences,
    labels: record.annotation,
  };
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** The label of the annotated sentence that shares most of `text`'s words. */
function labelOf(text: string, labelled: LabelledQuestion): string {
  const mine = words(text);
  let best = { share: 0, label: 'unlabelled' };
  labelled.sentences.forEach((sentence, i) => {
    const theirs = words(sentence);
    let shared = 0;
    for (const w of mine) if (theirs.has(w)) shared++;
    const share = shared / Math.max(1, mine.size);
    if (share > best.share) best = { share, label: labelled.labels[i] ?? 'unlabelled' };
  });
  return best.label;
}

/** Per judged sentence its human label and what the page shows; then the counts by label. */
export function printLabelled(report: AnalysisReport, labelled: LabelledQuestion): void {
  const shown = new Map(shownFlags(report).map((f) => [f.index, f.level]));
  const counts = new Map<string, { all: number; likely: number; uncertain: number }>();
  console.log('\nUnderlines against the human labels:');
  report.sentences.forEach((finding, index) => {
    if (!finding.segment.judged) return;
    const label = labelOf(finding.segment.text, labelled);
    const level = shown.get(index) ?? null;
    const count = counts.get(label) ?? { all: 0, likely: 0, uncertain: 0 };
    count.all++;
    if (level) count[level]++;
    counts.set(label, count);
    const mark =
      level === 'likely' ? 'LIKELY   ' : level === 'uncertain' ? 'uncertain' : '         ';
    const text = finding.segment.text;
    console.log(
      `  ${mark} ${label.padEnd(16)} ${text.length > 90 ? `${text.slice(0, 89)}…` : text}`,
    );
  });
  for (const [label, c] of counts) {
    console.log(`  ${label}: ${c.all} sentence(s), ${c.likely} likely, ${c.uncertain} uncertain`);
  }
}
