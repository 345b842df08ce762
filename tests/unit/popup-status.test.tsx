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
});
