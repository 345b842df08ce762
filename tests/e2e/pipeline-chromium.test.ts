/**
 * The whole product in real Chromium with the built extension: the backend is configured through
 * the options page, answers are captured on each site fixture only once they finish streaming,
 * the local OpenAI-compatible server is asked for N samples with the earlier turns as context,
 * CSS.highlights ends up with ranges over exactly the flagged sentences, a hovered highlight opens
 * a card with the other samples' wording, and the summary shows the consensus. A service worker
 * stopped mid-run resumes. Screenshots: test-artifacts/pipeline-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AnalysisReport } from '../../src/core/types.ts';
import { shownFlags } from '../../src/shared/report-reading.ts';
import { sampleLines } from '../../src/content/overlay/evidence.ts';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';

interface ContentState {
  connected: boolean;
  captures: number;
  run: { phase: string; done?: number; total?: number } | null;
  highlights: number;
  health: { ok: boolean; problems: string[] } | null;
}

const SITES = ['chatgpt', 'claude', 'gemini'] as const;
const MORE_SITES = ['copilot', 'perplexity', 'grok', 'huggingchat', 'poe'] as const;

async function contentState(page: Page): Promise<ContentState | null> {
  const raw = await page.getAttribute('html', 'data-crosscheck-test');
  return raw === null ? null : (JSON.parse(raw) as ContentState);
}

async function waitForState(
  page: Page,
  match: (s: ContentState) => boolean,
  timeoutMs = 60_000,
): Promise<ContentState> {
  const until = Date.now() + timeoutMs;
  let last: ContentState | null = null;
  while (Date.now() < until) {
    last = await contentState(page);
    if (last && match(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`content state never matched; last: ${JSON.stringify(last)}`);
}

/** Text of every range in each crosscheck highlight, read from the page's own registry. */
function highlightTexts(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('crosscheck-')) continue;
      out[name] = [...highlight].map((range) => range.toString());
    }
    return out;
  });
}

describe('Crosscheck end to end in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: FixtureServer;
  let llm: LlmServer;

  const tabIdFor = async (url: string): Promise<number> => {
    const worker = await browser.currentWorker();
    const id = await worker.evaluate(async (u) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs?: Record<string, { tabId: number; url: string }>;
      };
      return Object.values(tabs ?? {}).find((t) => t.url === u)?.tabId ?? null;
    }, url);
    if (id === null) throw new Error(`no tab recorded for ${url}`);
    return id;
  };

  const reportFor = async (tabId: number): Promise<AnalysisReport> => {
    const worker = await browser.currentWorker();
    return worker.evaluate(async (id) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs: Record<string, { run: { phase: string; report?: unknown } }>;
      };
      return tabs[String(id)]?.run.report as never;
    }, tabId);
  };

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startFixtureServer();
    llm = await startLlmServer({ delayMs: 150, passages: [BROOKLYN_PASSAGE] });
    browser = await launchWithExtension('dist/test/chrome');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await llm?.stop();
  });

  /** What a user does in the options page: pick a custom server, enter it, Save. */
  const configureBackend = async (model: string, apiKey = '') => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.selectOption('#preset', 'custom');
    await options.fill('#base-url', `${llm.url}/v1`);
    await options.fill('#model', model);
    await options.fill('#api-key', apiKey);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');
    return options;
  };

  it('configures the backend through the options page and tests the connection', async () => {
    const options = await configureBackend('recorded-model');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => options.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/Connected: .* answered in \d+ ms/);
    await options.screenshot({ path: 'test-artifacts/pipeline-options.png', fullPage: true });

    const stored = await browser.worker.evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings: { backend: { baseUrl: string; model: string; presetId: string } };
      };
      return settings.backend;
    });
    expect(stored).toMatchObject({
      baseUrl: `${llm.url}/v1`,
      model: 'recorded-model',
      presetId: 'custom',
    });
    await options.close();
  });

  /** The whole flow on one site's fixture (see the describe's doc comment). */
  const checkSite = async (site: string): Promise<void> => {
    // Identical requests reuse recent samples; a model of its own makes each site ask afresh.
    await (await configureBackend(`recorded-model-${site}`)).close();
    llm.resetStats();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 1400 });
    const url = server.url(
      `/sites/${site}/conversation.html?crosscheck-site=${site}&stream=1&tick=30`,
    );
    await page.goto(url);

    // While the answer streams nothing is captured and the backend is not asked.
    await waitForState(page, (s) => s.connected);
    const streaming = await page.evaluate(
      () => (window as unknown as { __fixtureStream?: { doneAt: number | null } }).__fixtureStream,
    );
    expect(streaming?.doneAt ?? null).toBeNull();
    expect((await contentState(page))?.captures).toBe(0);
    expect(llm.calls('openai')).toBe(0);

    const done = await waitForState(page, (s) => s.run?.phase === 'done', 90_000);
    expect(done.captures).toBe(1);
    const streamEnd = await page.evaluate(
      () =>
        (window as unknown as { __fixtureStream: { doneAt: number | null } }).__fixtureStream
          .doneAt,
    );
    expect(streamEnd).not.toBeNull();

    // N = 4 samples (the default), asked with the earlier turns as context.
    const asked = llm.requests.filter((r) => r.format === 'openai');
    expect(asked.reduce((sum, r) => sum + r.n, 0)).toBe(4);
    const messages = (asked[0]?.body as { messages: { role: string; content: string }[] }).messages;
    expect(messages.at(-1)).toMatchObject({ role: 'user' });
    expect(messages.at(-1)?.content).toContain('Brooklyn Bridge');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[0]?.content).toContain('Eiffel Tower');

    // Highlights: exactly the flags a reader is shown (disclaimers left out), each under the
    // highlight of the type the card names.
    const report = await reportFor(await tabIdFor(url));
    const flagged = shownFlags(report);
    expect(flagged.length).toBeGreaterThan(0);
    const expected: Record<string, string[]> = {};
    for (const f of flagged) {
      // Likely sentences get the clear highlight, uncertain ones the faint one.
      const faint = f.finding.level === 'uncertain' ? '-faint' : '';
      (expected[`crosscheck-${f.type}${faint}`] ??= []).push(f.finding.segment.text.trim());
    }
    const drawn = await highlightTexts(page);
    const normalise = (groups: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(groups)
          .filter(([, texts]) => texts.length > 0)
          // A table row's captured text has "|" between cells; its DOM range text does not.
          .map(([name, texts]) => [
            name,
            texts.map((t) => t.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim()).sort(),
          ]),
      );
    expect(normalise(drawn)).toEqual(normalise(expected));
    expect(done.highlights).toBe(flagged.length);
    // The toolbar badge counts the same flags for this tab.
    const tabId = await tabIdFor(url);
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe(String(flagged.length));

    // Hovering the first highlight opens its card with the other samples' wording.
    const box = await page.evaluate(() => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('crosscheck-')) continue;
        const [range] = [...highlight] as Range[];
        const rect = range?.getClientRects()[0];
        if (rect)
          return { x: rect.left + Math.min(8, rect.width / 2), y: rect.top + rect.height / 2 };
      }
      return null;
    });
    expect(box).not.toBeNull();
    // A resting pointer previews the flag; a click opens its card in full.
    await page.mouse.move(box!.x, box!.y);
    await expect.poll(() => page.getByRole('tooltip').count(), { timeout: 5000 }).toBe(1);
    await page.mouse.click(box!.x, box!.y);
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    const cardText = (await card.textContent()) ?? '';
    const first = flagged[0]!.finding;
    // Each sample's line: its wording when it says something on the point, else "no mention".
    for (const line of sampleLines(first, 4)) {
      const wording = line.parts.map((p) => p.text).join('');
      if (line.stance === 'silent') expect(cardText).toContain('no mention');
      else expect(cardText).toContain(wording.slice(0, 30));
    }
    expect(cardText).toMatch(
      /(\d+|None|All) (of )?(the )?4 samples backs? (all of )?this sentence/,
    );
    await page.screenshot({ path: `test-artifacts/pipeline-${site}-card.png` });

    // The summary names the consensus pick.
    await page.keyboard.press('Escape');
    const summary = page.getByRole('region', { name: 'Crosscheck' });
    await summary.getByRole('button', { name: 'Details' }).click();
    await expect.poll(() => summary.textContent()).toContain('Consensus');
    await summary.screenshot({ path: `test-artifacts/pipeline-${site}-summary.png` });
    await page.close();
  };

  for (const site of SITES) {
    it(`${site}: captures when done, samples with context, highlights exactly the flagged sentences`, () =>
      checkSite(site));
  }

  it('loads the model while an answer streams, before the answer is captured', async () => {
    await (await configureBackend('recorded-model-warm-up')).close();
    const worker = await browser.currentWorker();
    const offscreenOpen = () =>
      worker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({
          contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
        });
        return contexts.length > 0;
      });
    // Earlier checks may have left the document open for its idle time: start without it.
    if (await offscreenOpen()) await worker.evaluate(() => chrome.offscreen.closeDocument());
    expect(await offscreenOpen()).toBe(false);
    llm.resetStats();

    const page = await browser.context.newPage();
    // About 5 s of streaming: time enough to see the document open before the capture.
    await page.goto(
      server.url(
        '/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&tick=40&chunk=5',
      ),
    );
    await waitForState(page, (s) => s.connected);
    let openWhileStreaming = false;
    for (let i = 0; i < 200 && !openWhileStreaming; i++) {
      const captures = (await contentState(page))?.captures ?? 0;
      if (captures > 0) break;
      openWhileStreaming = await offscreenOpen();
      if (!openWhileStreaming) await page.waitForTimeout(50);
    }
    expect(openWhileStreaming).toBe(true);
    expect((await contentState(page))?.captures).toBe(0);
    expect(llm.calls('openai')).toBe(0);
    // The check then runs as usual.
    await waitForState(page, (s) => s.run?.phase === 'done', 90_000);
    await page.close();
  });

  it('tells the user in the popup when a site’s markup changed so nothing matches', async () => {
    const page = await browser.context.newPage();
    const url = server.url(
      '/c/6650f2e1-changed?file=sites/chatgpt/changed-markup.html&crosscheck-site=chatgpt',
    );
    await page.goto(url);
    const state = await waitForState(page, (s) => s.connected);
    expect(state.health?.ok).toBe(false);
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${await tabIdFor(url)}`,
    );
    await popup.setViewportSize({ width: 340, height: 480 });
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('layout has changed');
    await popup.getByText('What did not match').click();
    await expect.poll(() => popup.locator('.health li').count()).toBeGreaterThan(0);
    await popup.screenshot({ path: 'test-artifacts/pipeline-popup-health.png' });
    await Promise.all([popup.close(), page.close()]);
  });

  it('a 50,000-character answer is checked without freezing the page', async () => {
    await (await configureBackend('recorded-model-long')).close();
    const page = await browser.context.newPage();
    // A heartbeat in the page measures the longest time its main thread was blocked.
    await page.addInitScript(() => {
      const w = window as unknown as { __maxGap: number };
      w.__maxGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__maxGap = Math.max(w.__maxGap, now - last);
        last = now;
      }, 20);
    });
    await page.goto(
      server.url('/pipeline/long-answer.html?crosscheck-site=chatgpt&stream=1&chunk=4000&tick=30'),
    );
    const done = await waitForState(page, (s) => s.run?.phase === 'done', 150_000);
    expect(done.captures).toBe(1);
    const chars = await page.evaluate(
      () => document.getElementById('long-answer')!.textContent!.length,
    );
    expect(chars).toBeGreaterThan(50_000);
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    console.log(
      `long answer: ${chars} characters, ${done.highlights} highlights, longest main-thread block ${maxGap.toFixed(0)} ms`,
    );
    // Not a speed target: a bound that only a frozen page would cross.
    expect(maxGap).toBeLessThan(3000);
    await page.close();
  });

  it('sends the API key only to the backend: not to the page, its console or error messages', async () => {
    const key = 'sk-crosscheck-e2e-0123456789abcdef';
    await (await configureBackend('recorded-model-key', key)).close();
    llm.resetStats();
    const logs: string[] = [];
    const worker = await browser.currentWorker();
    worker.on('console', (m) => logs.push(m.text()));
    const page = await browser.context.newPage();
    page.on('console', (m) => logs.push(m.text()));
    // The first request is refused as a bad key; the error the user sees must not echo it.
    llm.failNext({ type: 'auth' });
    await page.goto(
      server.url('/sites/deepseek/conversation.html?crosscheck-site=deepseek&stream=1'),
    );
    const done = await waitForState(
      page,
      (s) => s.run?.phase === 'done' || s.run?.phase === 'error',
      90_000,
    );
    const asked = llm.requests.filter((r) => r.format === 'openai');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.headers.authorization === `Bearer ${key}`)).toBe(true);
    const html = await page.content();
    expect(html).not.toContain(key);
    const overlayText = await page.getByRole('region', { name: 'Crosscheck' }).textContent();
    expect(overlayText).not.toContain(key);
    expect(logs.join('\n')).not.toContain(key);
    const session = await (
      await browser.currentWorker()
    ).evaluate(async () => JSON.stringify(await chrome.storage.session.get(null)));
    expect(session).not.toContain(key);
    expect(['done', 'error']).toContain(done.run?.phase);
    await page.close();
  });

  it('follows a single-page navigation: a new conversation’s answer is captured and checked', async () => {
    await (await configureBackend('recorded-model-spa')).close();
    const page = await browser.context.newPage();
    await page.goto(server.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt'));
    const before = await waitForState(page, (s) => s.captures >= 1);
    llm.resetStats();
    // The site switches conversation without a page load, then a new answer arrives.
    await page.evaluate(() => {
      // A new path is a new conversation (no stored result for it yet).
      history.pushState({}, '', '/sites/chatgpt/another-conversation?crosscheck-site=chatgpt');
    });
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const thread = document.getElementById('thread')!;
      const turns = [...thread.querySelectorAll('section[data-turn]')];
      for (const turn of turns.slice(0, -2)) turn.remove();
      const [user, answer] = turns.slice(-2).map((t) => t.cloneNode(true) as HTMLElement);
      for (const turn of turns.slice(-2)) turn.remove();
      thread.append(user!, answer!);
    });
    const done = await waitForState(
      page,
      (s) => s.captures > before.captures && s.run?.phase === 'done',
      90_000,
    );
    expect(done.highlights).toBeGreaterThan(0);
    expect(llm.calls('openai')).toBeGreaterThan(0);
    await page.close();
  });

  it('a reload shows the stored result without asking the backend again', async () => {
    llm.resetStats();
    const page = await browser.context.newPage();
    await page.goto(server.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt'));
    const state = await waitForState(page, (s) => s.run?.phase === 'done');
    expect(state.highlights).toBeGreaterThan(0);
    expect(llm.calls('openai')).toBe(0);
    await page.close();
  });

  it('finishes a run after the service worker is stopped mid-run, with settings intact', async () => {
    llm.resetStats();
    llm.delayMs = 1500;
    // One request at a time, so the run is surely in flight when the worker is stopped.
    const options = await configureBackend('recorded-model-stop');
    // The sampling settings sit under "Advanced".
    await options.getByText('Advanced: temperature').click();
    await options.fill('#concurrency', '1');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');

    const page = await browser.context.newPage();
    // A site whose conversation has no stored result yet, so the run really samples.
    const url = server.url(
      '/sites/mistral/conversation.html?crosscheck-site=mistral&stream=1&tick=10&chunk=40',
    );
    await page.goto(url);
    await waitForState(page, (s) => s.run?.phase === 'sampling' && (s.run.done ?? 0) >= 1, 60_000);
    const tabId = await tabIdFor(url);

    // The popup shows the progress.
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/src/popup/index.html?tabId=${tabId}`,
    );
    await expect
      .poll(() => popup.getByTestId('run-status').textContent())
      .toMatch(/Received \d of 4 samples/);

    // Stop the service worker the way Chrome does when it idles, through the DevTools protocol
    // of an extension page (the worker's own origin), and watch its running status.
    const statuses: string[] = [];
    const cdp = await browser.context.newCDPSession(popup);
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) statuses.push(version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    const stoppedAt = statuses.lastIndexOf('stopped');

    // The popup's next question wakes the worker, which resumes the run.
    await popup.reload();
    const done = await waitForState(page, (s) => s.run?.phase === 'done', 90_000);
    expect(statuses.slice(stoppedAt)).toContain('running');
    expect(done.highlights).toBeGreaterThanOrEqual(0);
    await expect.poll(() => popup.getByTestId('run-status').textContent()).toBe('Done');
    await popup.screenshot({ path: 'test-artifacts/pipeline-popup-done.png' });

    const report = await reportFor(tabId);
    expect(report.samples).toHaveLength(4);
    const settings = await (
      await browser.currentWorker()
    ).evaluate(async () => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings: { sampleCount: number; backend: { concurrency: number; model: string } };
      };
      return settings;
    });
    expect(settings.sampleCount).toBe(4);
    expect(settings.backend).toMatchObject({ concurrency: 1, model: 'recorded-model-stop' });
    llm.delayMs = 150;
    await Promise.all([popup.close(), page.close(), options.close()]);
  });

  // The other adapters, after the tests above that need DeepSeek's and Mistral's conversations
  // unanalysed (their stored results would otherwise answer for the backend).
  for (const site of MORE_SITES) {
    it(`${site}: captures when done and highlights exactly the flagged sentences`, () =>
      checkSite(site));
  }

  it('Cancel in the bar stops a slow run: no further requests, and the bar says it is unchecked', async () => {
    // One slow request at a time, so a run cancelled after its first sample has more to ask for.
    const options = await configureBackend('recorded-model-cancel');
    await options.getByText('Advanced: temperature').click();
    await options.fill('#concurrency', '1');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent()).toContain('Saved.');
    llm.resetStats();
    llm.delayMs = 2000;

    const page = await browser.context.newPage();
    await page.goto(server.url('/sites/grok/conversation.html?crosscheck-site=grok'));
    // Unchecked or shown from a stored result, depending on the tests before: either way the
    // reader asks for a fresh run from the bar.
    await waitForState(page, (s) => s.run?.phase === 'idle' || s.run?.phase === 'done');
    const overlay = page.locator('crosscheck-overlay');
    await overlay.getByRole('button', { name: /^(Check answer|Re-run)$/ }).click();
    await waitForState(page, (s) => s.run?.phase === 'sampling' && (s.run.done ?? 0) >= 1);
    await expect.poll(() => llm.inFlight).toBe(1);
    await page.screenshot({ path: 'test-artifacts/pipeline-cancel-sampling.png' });

    await overlay.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = await waitForState(page, (s) => s.run?.phase === 'idle');
    expect(cancelled.highlights).toBe(0);
    // The request in flight was dropped, not left to finish.
    await expect.poll(() => llm.inFlight).toBe(0);
    const asked = llm.requests.length;
    expect(asked).toBeLessThan(4);
    await expect(overlay.locator('.cc-status-text').textContent()).resolves.toBe(
      'This answer has not been checked yet.',
    );
    await expect(overlay.getByRole('button', { name: 'Check answer' }).isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({ path: 'test-artifacts/pipeline-cancel-done.png' });
    // Longer than a request takes: a run still going would have asked again by now.
    await page.waitForTimeout(3 * llm.delayMs);
    expect(llm.requests.length).toBe(asked);
    expect((await contentState(page))?.run?.phase).toBe('idle');
    llm.delayMs = 150;
    await Promise.all([page.close(), options.close()]);
  });
});
