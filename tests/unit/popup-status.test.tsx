// @vitest-environment jsdom
/**
 * The popup's status panel never dead-ends: on other pages it says where Crosscheck runs,
 * without a backend it offers the settings first, while sampling it offers Cancel and words the
 * progress as the page's bar does, and an error only the settings can fix puts them first.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { StatusPanel } from '../../src/popup/StatusPanel.tsx';
import { sourceReading } from '../../src/shared/source-reading.ts';
import type { RunStatus, TabStatus } from '../../src/shared/run-status.ts';
import type { AnalysisReport } from '../../src/core/types.ts';
import fixture from '../fixtures/overlay/report.json';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const handlers = { onRerun: vi.fn(), onCancel: vi.fn(), onOpenSettings: vi.fn() };

function show(status: Partial<TabStatus> & { run?: RunStatus }): void {
  const full: TabStatus = {
    site: 'chatgpt',
    siteEnabled: true,
    health: null,
    run: { phase: 'idle' },
    backendReady: true,
    ...status,
  };
  act(() => {
    render(<StatusPanel status={full} siteNames={['ChatGPT', 'Claude']} {...handlers} />, host);
  });
}

const buttons = () => [...host.querySelectorAll('button')].map((b) => b.textContent);
const statusText = () => host.querySelector('[data-testid=run-status]')?.textContent;

describe('popup status', () => {
  it('names the sites it runs on, on a page it does not run on', () => {
    show({ site: null });
    expect(statusText()).toBe('Crosscheck does not run on this page');
    expect(host.textContent).toContain('ChatGPT, Claude');
  });

  it('offers the settings first when no backend can answer', () => {
    show({ backendReady: false });
    expect(statusText()).toBe('Choose where extra answers come from');
    expect(buttons()).toEqual(['Open settings']);
    act(() => host.querySelector('button')!.click());
    expect(handlers.onOpenSettings).toHaveBeenCalled();
  });

  it('says why more samples are being asked in budget mode', () => {
    const note = 'Asking gpt-4o-mini too: some sentences look uncertain.';
    show({ run: { phase: 'sampling', done: 4, total: 6, failures: [], note } });
    expect(host.querySelector('[data-testid=run-note]')?.textContent).toBe(note);
  });

  it('shows progress in the bar’s words, with Cancel', () => {
    show({ run: { phase: 'sampling', done: 1, total: 4, failures: [] } });
    expect(statusText()).toBe('Received 1 of 4 samples…');
    expect(buttons()).toEqual(['Cancel']);
    act(() => host.querySelector('button')!.click());
    expect(handlers.onCancel).toHaveBeenCalled();
  });

  it('puts the settings first for an error only they can fix', () => {
    show({ run: { phase: 'error', message: 'The API key was rejected (401).' } });
    expect(buttons()).toEqual(['Open settings', 'Re-run']);
    show({ run: { phase: 'error', message: 'The server is busy (503).' } });
    expect(buttons()).toEqual(['Re-run']);
  });

  it('gives the same agreement sentence as the bar when done', () => {
    const report = fixture as unknown as AnalysisReport;
    show({
      run: {
        phase: 'done',
        report,
        fromCache: false,
        failures: [],
        usage: { inputTokens: 1000, outputTokens: 234 },
      },
    });
    expect(host.querySelector('[data-testid=run-summary]')?.textContent).toBe(
      '2 of 5 samples agree with your answer: most samples say something else. 4 sentences to check. 1,234 tokens used.',
    );
  });

  it('says what the samples cost, or that a local model is free', () => {
    const report = fixture as unknown as AnalysisReport;
    const done = { phase: 'done' as const, report, fromCache: false, failures: [] };
    const usage = { inputTokens: 1000, outputTokens: 234 };
    show({
      run: {
        ...done,
        usage,
        cost: {
          kind: 'priced',
          usd: 0.00029,
          pricedAs: 'OpenAI gpt-4o-mini',
          pricesAsOf: '2025-01',
        },
      },
    });
    expect(host.querySelector('[data-testid=run-cost]')?.textContent?.trim()).toBe(
      '1,234 tokens used, about $0.00029 at OpenAI gpt-4o-mini prices of 2025-01.',
    );
    show({ run: { ...done, usage: null, cost: { kind: 'free' } } });
    expect(host.querySelector('[data-testid=run-cost]')?.textContent?.trim()).toBe(
      'Free (runs locally).',
    );
  });

  it('says what each source cost, main first, including a voice budget mode did not ask', () => {
    const report = fixture as unknown as AnalysisReport;
    const main = { id: 'main', label: 'gpt-4o-mini' };
    const llama = { id: 'v-1', label: 'llama3.2' };
    const claude = { id: 'v-2', label: 'claude-3-5-haiku' };
    show({
      run: {
        phase: 'done',
        report,
        fromCache: false,
        failures: [{ index: 5, message: 'The server is busy (503).', source: llama }],
        usage: { inputTokens: 1500, outputTokens: 400 },
        cost: {
          kind: 'priced',
          usd: 0.00029,
          pricedAs: 'OpenAI gpt-4o-mini',
          pricesAsOf: '2025-01',
        },
        sources: [main, main, main, main, llama],
        spend: [
          {
            source: main,
            received: 4,
            asked: 4,
            usage: { inputTokens: 1000, outputTokens: 234 },
            cost: {
              kind: 'priced',
              usd: 0.00029,
              pricedAs: 'OpenAI gpt-4o-mini',
              pricesAsOf: '2025-01',
            },
          },
          {
            source: llama,
            received: 1,
            asked: 2,
            usage: { inputTokens: 500, outputTokens: 166 },
            cost: { kind: 'free' },
          },
          {
            source: claude,
            received: 0,
            asked: 0,
            usage: null,
            cost: null,
            note: 'not asked: the answer looked consistent',
          },
        ],
      },
    });
    const lines = [...host.querySelectorAll('[data-testid=source-cost]')].map(
      (li) => li.textContent,
    );
    expect(lines).toEqual([
      'gpt-4o-mini (main): 4 of 4 samples, 1,234 tokens used, about $0.00029 at OpenAI gpt-4o-mini prices of 2025-01.',
      'llama3.2: 1 of 2 samples, 666 tokens used, free (runs locally).',
      'claude-3-5-haiku: not asked: the answer looked consistent.',
    ]);
    // The total stays, after the sources, and is no longer repeated in the summary sentence.
    expect(host.querySelector('[data-testid=run-cost]')?.textContent).toBe(
      'In all: 1,900 tokens used, about $0.00029 at OpenAI gpt-4o-mini prices of 2025-01.',
    );
    expect(host.querySelector('[data-testid=run-summary]')?.textContent).not.toContain('tokens');
    // Whether the disagreement is within one model or between models, as the bar says it.
    expect(host.querySelector('[data-testid=run-voices]')?.textContent).toBe(
      sourceReading(report, [main, main, main, main, llama])?.sentence,
    );
    expect(host.querySelector('[data-testid=run-voices]')?.textContent).toMatch(/model/);
    // A failed sample says which source it came from.
    expect(host.querySelector('ul.error')?.textContent).toBe(
      'Sample 6 (llama3.2): The server is busy (503).',
    );
  });

  it('keeps one cost line when a single source answered', () => {
    const report = fixture as unknown as AnalysisReport;
    const main = { id: 'main', label: 'gpt-4o-mini' };
    const usage = { inputTokens: 1000, outputTokens: 234 };
    show({
      run: {
        phase: 'done',
        report,
        fromCache: false,
        failures: [],
        usage,
        spend: [{ source: main, received: 4, asked: 4, usage, cost: null }],
      },
    });
    expect(host.querySelectorAll('[data-testid=source-cost]')).toHaveLength(0);
    expect(host.querySelector('[data-testid=run-summary]')?.textContent).toContain(
      '1,234 tokens used.',
    );
  });
});
