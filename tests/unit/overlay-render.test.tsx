// @vitest-environment jsdom
/**
 * The overlay rendered in jsdom through its public `mountOverlay` API: page and model text shows
 * as text (never markup), counts per type and their plurals, the consensus diff, the card's
 * marked wording, run states, and the closing and clean-up rules.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { AnalysisReport } from '../../src/core/types.ts';
import {
  HOVER_DELAY_MS,
  highlightCss,
  mountOverlay,
  type OverlayHandle,
} from '../../src/content/overlay/index.ts';
import fixture from '../fixtures/overlay/report.json';
import type { OverlayState } from '../../src/content/overlay/state.ts';

const PAYLOAD = '<img src=x onerror="window.__pwned=1">';

function freshReport(): AnalysisReport {
  return structuredClone(fixture) as unknown as AnalysisReport;
}

type DoneState = Extract<OverlayState, { phase: 'done' }>;

/** A finished run of `report`, as the background sends it (fresh, nothing failed, no usage). */
function done(report: AnalysisReport, extra: Partial<DoneState> = {}): DoneState {
  return { phase: 'done', report, fromCache: false, failures: [], usage: null, ...extra };
}

let controller: AbortController;
let answer: HTMLElement;
let handle: OverlayHandle;
let root: ShadowRoot;
const onRerun = vi.fn();
const onFocusFlag = vi.fn();

function mount(expanded = true): void {
  handle = mountOverlay({
    answerElement: answer,
    signal: controller.signal,
    onRerun,
    onFocusFlag,
    shadowMode: 'open',
    initiallyExpanded: expanded,
  });
  root = handle.host.shadowRoot!;
}

async function click(el: Element | null | undefined): Promise<void> {
  expect(el).toBeTruthy();
  await act(() => {
    (el as HTMLElement).click();
  });
}

function button(name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
}

const texts = (selector: string): string[] =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent ?? '');

beforeEach(() => {
  document.body.innerHTML =
    '<main><div id="answer"><p>The answer.</p></div><p id="next">Next</p></main>';
  answer = document.getElementById('answer')!;
  controller = new AbortController();
  onRerun.mockReset();
  onFocusFlag.mockReset();
});

afterEach(() => {
  controller.abort();
  // Stand-ins for layout that one test adds; jsdom has neither.
  delete (Element.prototype as Partial<Element>).scrollIntoView;
  delete (Range.prototype as Partial<Range>).getClientRects;
});

describe('mounting', () => {
  it('puts its host right after the answer and leaves the answer alone', () => {
    mount();
    expect(answer.nextElementSibling).toBe(handle.host);
    expect(answer.innerHTML).toBe('<p>The answer.</p>');
    const sheet = root.querySelector('style')?.textContent ?? '';
    expect(sheet).toContain('prefers-color-scheme: dark');
    // The shared tokens are inlined into the sheet (the shadow root cannot fetch a stylesheet).
    expect(sheet).toContain('--bg-subtle:');
    expect(sheet).not.toContain('@import');
    expect(sheet).toContain('.cc-card {');
  });

  it('removes itself and stops listening when the signal aborts', async () => {
    mount();
    act(() => handle.setState(done(freshReport())));
    act(() => handle.openCard(0, [new DOMRect(10, 10, 100, 20)], { via: 'click' }));
    controller.abort();
    expect(document.querySelector('crosscheck-overlay')).toBeNull();
    // A late Escape after the abort finds nothing to do and throws nothing.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(handle.openFlag).toBe(0);
  });
});

describe('sources', () => {
  const sources = ['llama3.2', 'llama3.2', 'llama3.2', 'gpt-4o-mini', 'gpt-4o-mini'].map(
    (label) => ({ id: label === 'llama3.2' ? 'main' : 'v-1', label }),
  );

  it('says who said each sample in the card, the summary, the consensus and the sample list', async () => {
    mount();
    act(() => handle.setState(done(freshReport(), { sources })));
    expect(root.querySelector('.cc-source-reading')?.textContent).toBe(
      'The other model disagrees: all 3 samples from llama3.2 disagree; gpt-4o-mini agrees.',
    );
    expect(root.querySelector('.cc-consensus-group')?.textContent).toBe(
      'In the winning group: 3 samples from llama3.2 and 1 from gpt-4o-mini.',
    );
    await click(root.querySelector('.cc-samples > .cc-disclosure-toggle'));
    expect(texts('.cc-sample-title')[3]).toBe('Sample 4 · gpt-4o-mini');
    act(() => handle.openCard(0, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    // Stance order: the four that say otherwise, then sample 4, which backs it.
    expect(texts('#cc-card .cc-evidence .cc-sample-tag')).toEqual([
      'Sample 1 · llama3.2',
      'Sample 2 · llama3.2',
      'Sample 3 · llama3.2',
      'Sample 5 · gpt-4o-mini',
      'Sample 4 · gpt-4o-mini',
    ]);
  });

  it('says nothing about sources in a result stored before there were several', async () => {
    mount();
    act(() =>
      handle.setState({
        phase: 'done',
        report: freshReport(),
        fromCache: true,
        failures: [],
        usage: null,
      }),
    );
    expect(root.querySelector('.cc-source-reading')).toBeNull();
    expect(root.querySelector('.cc-consensus-group')).toBeNull();
    act(() => handle.openCard(0, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    expect(texts('#cc-card .cc-evidence .cc-sample-tag')[0]).toBe('Sample 1');
    await click(button('Compare'));
    expect(texts('.cc-compare-choice')[0]).toBe('Sample 1most different');
  });

  it('opens and closes the compare view from the bar, focus returning to its button', async () => {
    mount(false);
    act(() => handle.setState(done(freshReport(), { sources })));
    const toggle = button('Compare')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const view = root.getElementById('cc-compare')!;
    expect(root.activeElement).toBe(view.querySelector('.cc-compare-title'));
    await click(view.querySelector('[data-sample="3"]'));
    expect(view.dataset.sample).toBe('3');
    // A new status for the same run (the page asked again) keeps the chosen sample.
    act(() => handle.setState(done(freshReport(), { sources })));
    expect(root.getElementById('cc-compare')?.dataset.sample).toBe('3');
    await act(() => {
      view.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.getElementById('cc-compare')).toBeNull();
    expect(root.activeElement).toBe(toggle);
  });

  it('marks each answer sentence as the compared sample judges it: strong, faint or not at all', async () => {
    mount(false);
    act(() => handle.setState(done(freshReport(), { sources })));
    await click(button('Compare'));
    const seen = new Set<string>();
    for (const choice of [...root.querySelectorAll<HTMLElement>('.cc-compare-choice')]) {
      await click(choice);
      for (const row of root.querySelectorAll<HTMLElement>('.cc-compare-row')) {
        const stance = row.dataset.stance!;
        seen.add(stance);
        const mark = row.querySelector('.cc-compare-answer .cc-kind');
        if (stance === 'differs') expect(mark?.classList.contains('cc-kind-faint')).toBe(false);
        else if (stance === 'partly') expect(mark?.classList.contains('cc-kind-faint')).toBe(true);
        else expect(mark).toBeNull();
      }
    }
    expect(seen).toContain('differs');
    expect(seen).toContain('silent');
  });

  it('closes the compare view when a new run starts, and does not reopen it by itself', async () => {
    mount(false);
    const done = {
      phase: 'done' as const,
      report: freshReport(),
      fromCache: false,
      failures: [],
      usage: null,
      sources,
    };
    act(() => handle.setState(done));
    await click(button('Compare'));
    expect(root.getElementById('cc-compare')).not.toBeNull();
    act(() => handle.setState({ phase: 'sampling', done: 1, total: 5, failures: [] }));
    act(() => handle.setState({ ...done, report: freshReport() }));
    expect(root.getElementById('cc-compare')).toBeNull();
    expect(button('Compare')?.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('page and model text', () => {
  it('renders markup in report text literally, everywhere it appears', async () => {
    const report = freshReport();
    report.answer = `${PAYLOAD} ${report.answer}`;
    report.samples = report.samples.map((s) => `${s} ${PAYLOAD}`);
    for (const finding of report.sentences) {
      finding.segment.text = `${PAYLOAD} ${finding.segment.text}`;
      for (const e of finding.evidence)
        if (e.counterpart) e.counterpart = `${PAYLOAD} ${e.counterpart}`;
    }
    report.omissions[0]!.text = PAYLOAD;
    report.omissions[0]!.wording[0] = PAYLOAD;
    report.consensus.finalAnswer = PAYLOAD;
    const sources = report.samples.map((_, i) => ({ id: i < 3 ? 'main' : 'v-x', label: PAYLOAD }));
    mount();
    act(() =>
      handle.setState({
        phase: 'done',
        report,
        fromCache: false,
        failures: [],
        usage: null,
        sources,
      }),
    );
    await click(button('Compare'));
    expect(root.querySelector('.cc-compare-title')?.textContent).toContain(PAYLOAD);
    await click(button('Show consensus answer'));
    await click(root.querySelector('.cc-omission-wording .cc-disclosure-toggle'));
    await click(root.querySelector('.cc-samples > .cc-disclosure-toggle'));
    act(() => handle.openCard(0, [new DOMRect(10, 10, 100, 20)], { via: 'click' }));

    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    const shown = root.textContent ?? '';
    // Final answer, omission, its wording, flag list, five samples, card quotes...
    expect(shown.split(PAYLOAD).length - 1).toBeGreaterThan(12);
    expect(root.querySelector('.cc-consensus-final strong')?.textContent).toBe(PAYLOAD);
    expect(root.querySelector('#cc-card .cc-own-sentence')?.textContent).toContain(PAYLOAD);
    expect(root.querySelector('#cc-card .cc-quote')?.textContent).toContain(PAYLOAD);
  });

  it('renders error messages literally too', () => {
    mount();
    act(() => handle.setState({ phase: 'error', message: PAYLOAD }));
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.querySelector('[role=alert]')?.textContent).toContain(PAYLOAD);
  });
});

describe('summary', () => {
  it('shows the counts of the flags it shows, with plurals, and only the types that occur', () => {
    const report = freshReport();
    // Counts come from the flags shown, not the core's tally.
    report.counts = { contradiction: 9, number: 9, entity: 9, unsupported: 9, omission: 9 };
    report.sentences[0]!.flagged = false;
    report.sentences[5]!.segment.text = 'As an AI language model, I cannot verify this.';
    mount();
    act(() =>
      handle.setState({ phase: 'done', report, fromCache: true, failures: [], usage: null }),
    );
    expect(texts('.cc-chip').map((t) => t.trim())).toEqual([
      '1 contradiction',
      '1 different name',
      '2 omissions',
    ]);
    // The legend lists only the kinds present.
    expect(texts('.cc-legend-name')).toEqual(['Contradiction', 'Different name', 'Omitted']);
    expect(texts('.cc-badge')).toContain('Saved');
  });

  it('jumps from a chip to the first flag of its kind', async () => {
    const report = freshReport();
    const ranges = new Map<number, Range>();
    answer.innerHTML = `<p>${report.answer}</p>`;
    const text = answer.querySelector('p')!.firstChild!;
    for (const i of [0, 3, 4, 5]) {
      const range = document.createRange();
      range.setStart(text, report.sentences[i]!.segment.start);
      range.setEnd(text, report.sentences[i]!.segment.end);
      ranges.set(i, range);
    }
    // jsdom has no layout: scrolling does nothing and every range has one box.
    Element.prototype.scrollIntoView = () => undefined;
    Range.prototype.getClientRects = () => [new DOMRect(10, 10, 300, 20)] as unknown as DOMRectList;
    handle = mountOverlay({
      answerElement: answer,
      signal: controller.signal,
      onRerun,
      onFocusFlag,
      locateFlag: (i) => ranges.get(i) ?? null,
      shadowMode: 'open',
    });
    root = handle.host.shadowRoot!;
    act(() =>
      handle.setState({ phase: 'done', report, fromCache: false, failures: [], usage: null }),
    );
    await click(
      [...root.querySelectorAll('button.cc-chip')].find((b) => b.textContent?.includes('name')),
    );
    expect(handle.openFlag).toBe(3);
    expect(root.getElementById('cc-card')?.dataset.mode).toBe('full');
    // J and K step on through the flags in reading order, wrapping round.
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    });
    expect(handle.openFlag).toBe(4);
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', bubbles: true }));
    });
    expect(handle.openFlag).toBe(0);
    await click(root.querySelector('#cc-card .cc-step-prev'));
    expect(handle.openFlag).toBe(5);
    expect(root.querySelector('#cc-card .cc-step-count')?.textContent).toBe('4 of 4');
    // Keys typed into the page's fields are the page's.
    const input = document.createElement('textarea');
    document.body.append(input);
    act(() => {
      input.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }),
      );
    });
    expect(handle.openFlag).toBe(5);
  });

  it('says in the bar, as text, what the result left out', () => {
    mount(false);
    act(() => handle.setState(done(freshReport())));
    expect(root.querySelector('[role=note]')).toBeNull();
    const notes = [
      'Only the first 19,963 of the answer’s 2,000,000 characters were checked.',
      `This result could not be saved ${PAYLOAD}.`,
    ];
    act(() => handle.setState(done(freshReport(), { notes })));
    expect(root.querySelector('[role=note]')?.textContent).toBe(notes.join(' '));
    expect(root.querySelector('img')).toBeNull();
  });

  it('writes the style rules for the page highlights from the same table', () => {
    const css = highlightCss();
    expect(css).toContain(
      '::highlight(crosscheck-contradiction) { background-color: rgba(198, 40, 40, 0.10); text-decoration: underline solid #c62828 2px; }',
    );
    expect(css).toMatch(/::highlight\(crosscheck-number\)[^}]*underline double/);
    expect(css).toMatch(/::highlight\(crosscheck-entity\)[^}]*underline dotted/);
    expect(css).toMatch(/::highlight\(crosscheck-unsupported\)[^}]*underline wavy/);
    expect(css).not.toContain('crosscheck-omission');
  });

  it('says so when nothing is flagged and the samples agree', () => {
    const report = freshReport();
    mount(false);
    for (const finding of report.sentences) {
      finding.flagged = false;
      for (const e of finding.evidence) e.supports = true;
    }
    report.omissions = [];
    act(() => handle.setState(done(report)));
    expect(root.querySelector('.cc-headline')?.getAttribute('data-majority')).toBe('with');
    expect(texts('.cc-chip')).toEqual(['No sentences flagged']);
    expect(root.querySelector('.cc-chip-none')?.hasAttribute('data-doubt')).toBe(false);
  });

  it('does not reassure when nothing is flagged but most samples disagree', () => {
    // The samples differ from the answer as a whole (2 of 5 agree) with no one sentence standing
    // out: "No sentences flagged" in green would contradict the headline beside it.
    const report = freshReport();
    mount(false);
    for (const finding of report.sentences) finding.flagged = false;
    report.omissions = [];
    act(() => handle.setState(done(report)));
    expect(root.querySelector('.cc-headline')?.getAttribute('data-majority')).toBe('against');
    expect(texts('.cc-chip')).toEqual(['No single sentence flagged']);
    const chip = root.querySelector('.cc-chip-none');
    expect(chip?.hasAttribute('data-doubt')).toBe(true);
    expect(chip?.getAttribute('title')).toMatch(/compare them/);
  });

  it('names the consensus pick and shows it with its differences from the answer', async () => {
    mount();
    act(() => handle.setState(done(freshReport())));
    // The same agreement sentence as the bar's headline: one number for the run.
    expect(root.querySelector('.cc-consensus-agreement')?.textContent).toBe(
      '2 of 5 samples agree with your answer: most samples say something else.',
    );
    expect(root.querySelector('.cc-headline')?.textContent).toBe(
      '2 of 5 samples agree with your answer: most samples say something else',
    );
    expect(root.querySelector('.cc-consensus-pick')?.textContent).toBe(
      'Sample 2 reads most like the others.',
    );
    const toggle = button('Show consensus answer')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const added = texts('blockquote ins').join(' ');
    expect(added).toContain('March 1889');
    expect(root.querySelectorAll('blockquote del')).toHaveLength(0);
    const showRemoved = button('Show words only in your answer')!;
    expect(showRemoved.getAttribute('aria-pressed')).toBe('false');
    await click(showRemoved);
    expect(showRemoved.getAttribute('aria-pressed')).toBe('true');
    const removed = texts('blockquote del').join(' ');
    expect(removed).toContain('1887');
    expect(removed).toContain('Empire State');
  });

  it('does not offer to show the consensus answer when it is the user’s own', () => {
    const report = freshReport();
    report.consensus = { ...report.consensus, index: 0, groupSize: 5 };
    mount();
    act(() =>
      handle.setState({ phase: 'done', report, fromCache: false, failures: [], usage: null }),
    );
    expect(root.querySelector('.cc-consensus-pick')?.textContent).toBe(
      'Your answer reads most like the others.',
    );
    expect(button('Show consensus answer')).toBeUndefined();
  });

  it('collapses and expands its details with aria-expanded', async () => {
    mount(false);
    act(() => handle.setState(done(freshReport())));
    const toggle = button('Details')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.cc-legend')).toBeNull();
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.cc-legend')).not.toBeNull();
    // What to check leads: flags, then omissions, then the consensus and the legend.
    const titles = texts('.cc-section-title').map((t) => t.trim());
    expect(titles.slice(0, 4)).toEqual([
      'Flagged sentences',
      'What most samples said that this answer omits',
      'Consensus',
      'What the marks mean',
    ]);
  });

  it('lists every sample in full on request', async () => {
    const report = freshReport();
    mount();
    act(() =>
      handle.setState({ phase: 'done', report, fromCache: false, failures: [], usage: null }),
    );
    expect(root.querySelectorAll('.cc-sample')).toHaveLength(0);
    await click(root.querySelector('.cc-samples > .cc-disclosure-toggle'));
    expect(texts('.cc-sample .cc-fulltext')).toEqual(report.samples);
  });

  it('reports progress and errors, and re-runs on request', async () => {
    mount();
    act(() =>
      handle.setState({
        phase: 'sampling',
        done: 2,
        total: 5,
        failures: [
          { index: 0, message: 'timeout' },
          { index: 1, message: 'HTTP 500' },
        ],
      }),
    );
    expect(root.querySelector('.cc-status-text')?.textContent).toContain(
      'Received 2 of 5 samples…',
    );
    expect(root.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('2');
    expect(root.querySelector('.cc-status-warning')?.textContent).toBe('2 requests failed');
    expect(button('Re-run')).toBeUndefined();
    // Without a cancel handler there is no Cancel button; see the next test for one.
    expect(button('Cancel')).toBeUndefined();
    expect(root.querySelector('.cc-status-note')).toBeNull();
    // Budget mode calls in the other voices: the total grows and the bar says why.
    const note = 'Asking llama3.2 too: some sentences look uncertain.';
    act(() => handle.setState({ phase: 'sampling', done: 4, total: 6, failures: [], note }));
    expect(root.querySelector('.cc-status-note')?.textContent).toBe(note);
    act(() => handle.setState({ phase: 'analyzing', total: 5, failures: [] }));
    expect(root.textContent).toContain('Analysing…');
    act(() => handle.setState({ phase: 'idle' }));
    await click(button('Check answer'));
    expect(onRerun).toHaveBeenCalledTimes(1);
  });

  it('offers Cancel while checking, and Open settings first when only the settings can help', async () => {
    const onCancel = vi.fn();
    const onOpenSettings = vi.fn();
    handle = mountOverlay({
      answerElement: answer,
      signal: controller.signal,
      onRerun,
      onCancel,
      onOpenSettings,
      shadowMode: 'open',
    });
    root = handle.host.shadowRoot!;
    act(() => handle.setState({ phase: 'sampling', done: 1, total: 4, failures: [] }));
    await click(button('Cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
    act(() =>
      handle.setState({
        phase: 'error',
        message: 'The API key was rejected (401). Check the key in Crosscheck’s options.',
      }),
    );
    const actions = [...root.querySelectorAll('.cc-bar-actions button')];
    expect(actions[0]?.textContent?.trim()).toBe('Open settings');
    expect(actions[0]?.classList.contains('cc-button-primary')).toBe(true);
    await click(actions[0]);
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    // An error the settings cannot fix offers Re-run, with settings behind the gear.
    act(() => handle.setState({ phase: 'error', message: 'The server is busy (503).' }));
    expect(button('Open settings')).toBeUndefined();
    expect(button('Re-run')).toBeDefined();
  });
});

describe('card', () => {
  beforeEach(() => {
    mount();
    act(() => handle.setState(done(freshReport())));
  });

  it('leads with the reader’s sentence and what the samples say instead, then each sample', () => {
    act(() => handle.openCard(0, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    const card = root.getElementById('cc-card')!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.querySelector('.cc-card-title')?.textContent).toBe('Different number');
    expect(card.querySelector('.cc-card-explanation')?.textContent).toMatch(/different number/);
    expect(card.querySelector('.cc-support-text')?.textContent).toBe(
      '1 of 5 samples backs this sentence',
    );
    expect(texts('#cc-card .cc-own-sentence mark')).toEqual(['1887']);
    expect(card.querySelector('.cc-instead')?.textContent).toBe(
      'Samples say instead: 1889 (3), March 1889',
    );
    expect(texts('#cc-card .cc-evidence mark')).toEqual(['1889', 'March 1889', '1889', '1889']);
    expect(card.querySelector('[data-stance=agrees] mark')).toBeNull();
  });

  it('separates values that hold commas of their own with semicolons', () => {
    const report = freshReport();
    const dates = ['July 15, 1889', 'May 5, 1889'];
    let k = 0;
    for (const e of report.sentences[0]!.evidence) {
      if (e.sampleSpans.length > 0) e.sampleSpans = [dates[k++ % dates.length]!];
    }
    act(() => handle.setState(done(report)));
    act(() => handle.openCard(0, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    expect(root.querySelector('#cc-card .cc-instead')?.textContent).toMatch(
      /^Samples say instead: (July 15, 1889|May 5, 1889)( \(\d\))?; (July 15, 1889|May 5, 1889)/,
    );
  });

  it('calls a sentence partly backed when a sample backs it, and says so in its label', () => {
    act(() => handle.openCard(5, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    const card = root.getElementById('cc-card')!;
    expect(card.querySelector('.cc-card-title')?.textContent).toBe('Partly backed');
    expect(texts('#cc-card .cc-stance')).toEqual([
      'no mention',
      'no mention',
      'no mention',
      'no mention',
      'backs it',
    ]);
  });

  it('previews a flag only after the pointer rests on it, and opens in full on click', () => {
    vi.useFakeTimers();
    try {
      act(() => handle.openCard(3, [new DOMRect(10, 10, 300, 20)]));
      expect(root.getElementById('cc-card')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(HOVER_DELAY_MS);
      });
      const preview = root.getElementById('cc-card')!;
      expect(preview.dataset.mode).toBe('preview');
      expect(preview.getAttribute('role')).toBe('tooltip');
      expect(preview.textContent).toContain('Different name');
      act(() => handle.openCard(3, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
      expect(root.getElementById('cc-card')?.dataset.mode).toBe('full');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when a sample says nothing about the sentence', () => {
    act(() => handle.openCard(5, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    const silent = root.querySelectorAll('#cc-card [data-stance=silent] .cc-quote');
    expect([...silent].map((el) => el.textContent)).toEqual(
      Array(4).fill('Says nothing about this.'),
    );
  });

  it('ignores sentences that are not flagged', () => {
    act(() => handle.openCard(1, [new DOMRect(10, 10, 300, 20)]));
    expect(root.getElementById('cc-card')).toBeNull();
    expect(handle.openFlag).toBeNull();
  });

  it('closes on Escape and with its close button', async () => {
    act(() => handle.openCard(3, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(root.getElementById('cc-card')).toBeNull();
    act(() => handle.openCard(3, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    await click(button('Close'));
    expect(handle.openFlag).toBeNull();
  });

  it('closes when a new report no longer flags its sentence', () => {
    act(() => handle.openCard(3, [new DOMRect(10, 10, 300, 20)], { via: 'click' }));
    const report = freshReport();
    report.sentences[3]!.flagged = false;
    act(() =>
      handle.setState({ phase: 'done', report, fromCache: false, failures: [], usage: null }),
    );
    expect(handle.openFlag).toBeNull();
  });

  it('tells the caller which flag was chosen from the summary list', async () => {
    await click(root.querySelector('.cc-flag[data-flag="4"]'));
    expect(onFocusFlag).toHaveBeenCalledWith(4);
  });
});
