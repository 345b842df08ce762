/**
 * Every site adapter on the project's own fixture (tests/fixtures/sites/<site>/conversation.html)
 * in Chromium: the turns and text it captures, the selector counts its spec declares, the health
 * check (and a fixture with changed markup that must fail it), and done-detection on a simulated
 * stream, which must not fire before the stream has finished.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../src/content/sites/registry.ts';
import {
  FIXTURES,
  launchChromium,
  openWithContent,
  startServer,
  staticRoute,
  type TestServer,
  type TestWindow,
} from '../helpers/page-harness.ts';
import { streamExpectation } from '../helpers/site-fixtures.ts';

/** All fixtures share one conversation, so every adapter must read the same text off its site. */
const PROMPTS = [
  'When was the Eiffel Tower completed?',
  'Give me a short history of the Brooklyn Bridge, with a table and a code sample.',
];
const FIRST_ANSWER =
  "The Eiffel Tower was completed in 1889 for the World's Fair in Paris.\n\n" +
  '- Designer: the company of Gustave Eiffel\n- Height: 330 metres including antennas';
const LAST_ANSWER = [
  '## Brooklyn Bridge',
  '',
  'The Brooklyn Bridge opened on May 24, 1883. It was designed by John A. Roebling and finished by his son Washington Roebling.',
  '',
  '### Key facts',
  '',
  '1. Main span: 486 metres',
  '2. Construction began in 1869.',
  '',
  '| Year | Event |',
  '| 1869 | Construction begins |',
  '| 1883 | Bridge opens |',
  '',
  'Here is how to compute its age in Python:',
  '',
  '```',
  'print(2026 - 1883)',
  '```',
  '',
  'It remains one of the most photographed bridges in New York.',
].join('\n');

const STABLE_MS = 800;

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  server = await startServer(staticRoute(FIXTURES));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function open(site: string, query = '', file = 'conversation.html'): Promise<Page> {
  return openWithContent(browser, `${server.origin}/${site}/${file}${query}`);
}

describe('registry', () => {
  it('picks adapters by hostname and only by id on loopback', () => {
    const pick = (u: string) => adapterFor(new URL(u))?.id ?? null;
    expect(pick('https://chatgpt.com/c/abc')).toBe('chatgpt');
    expect(pick('https://chat.openai.com/c/abc')).toBe('chatgpt');
    expect(pick('https://claude.ai/chat/1')).toBe('claude');
    expect(pick('https://gemini.google.com/app/1')).toBe('gemini');
    expect(pick('https://copilot.microsoft.com/chats/1')).toBe('copilot');
    expect(pick('https://www.perplexity.ai/search/x')).toBe('perplexity');
    expect(pick('https://chat.deepseek.com/a/chat/s/1')).toBe('deepseek');
    expect(pick('https://grok.com/c/1')).toBe('grok');
    expect(pick('https://chat.mistral.ai/chat/1')).toBe('mistral');
    expect(pick('https://huggingface.co/chat/conversation/1')).toBe('huggingchat');
    expect(pick('https://huggingface.co/models')).toBeNull();
    expect(pick('https://poe.com/chat/1')).toBe('poe');
    expect(pick('https://example.com/')).toBeNull();
    expect(pick('http://127.0.0.1:8080/x.html')).toBeNull();
    expect(pick('http://127.0.0.1:8080/x.html?crosscheck-site=claude')).toBe('claude');
    expect(adapterFor(new URL('http://127.0.0.1/'), 'gemini')?.id).toBe('gemini');
  });
});

/** Adapters of real sites (with hosts) must have a fixture; the demo page's adapter has none. */
const SITE_ADAPTERS = ADAPTERS.filter((a) => a.spec.site.hosts.length > 0);

describe('fixtures', () => {
  it('exist for every real-site adapter and say how their stream ends', () => {
    const missing = SITE_ADAPTERS.filter((a) => !streamExpectation(a.id));
    expect(missing.map((a) => a.id)).toEqual([]);
  });
});

for (const adapter of SITE_ADAPTERS) {
  const site = adapter.id;
  describe(`${adapter.name} adapter on its fixture`, () => {
    it('captures the prompts and answers, without site chrome', async () => {
      const page = await open(site);
      const result = await page.evaluate((id) => {
        const t = (window as unknown as TestWindow).crosscheckTest;
        const a = t.adapterById(id)!;
        return t.captureLatest(a, new URL(location.href), document)?.capture ?? null;
      }, site);
      await page.close();
      expect(result).toEqual({
        site,
        conversationId: `/${site}/conversation.html`,
        turns: [
          { role: 'user', text: PROMPTS[0] },
          { role: 'assistant', text: FIRST_ANSWER },
          { role: 'user', text: PROMPTS[1] },
        ],
        answer: LAST_ANSWER,
      });
    });

    it('matches the selector counts its spec declares, and is healthy', async () => {
      const page = await open(site);
      const { counts, health } = await page.evaluate((id) => {
        const t = (window as unknown as TestWindow).crosscheckTest;
        const a = t.adapterById(id)!;
        const out: Record<string, number> = {};
        const turns = a.turns(document);
        for (const [name, group] of Object.entries(a.spec.selectors) as [
          string,
          { css: string[]; fixture: number },
        ][]) {
          if (name === 'userText' || name === 'answerBody') {
            // Scoped to a turn: the number of turns of that role in which the group finds its element.
            const role = name === 'userText' ? 'user' : 'assistant';
            out[name] = turns.filter(
              (turn) => turn.role === role && t.queryGroupFirst(turn.element, group) !== null,
            ).length;
          } else {
            // Document-wide: what the first selector that matches anything matches, as the adapter does.
            out[name] =
              group.css.map((css) => document.querySelectorAll(css).length).find((n) => n > 0) ?? 0;
          }
        }
        return { counts: out, health: a.health(document, new URL(location.href)) };
      }, site);
      await page.close();
      const expected = Object.fromEntries(
        Object.entries(adapter.spec.selectors).map(([name, g]) => [name, g.fixture]),
      );
      expect(counts).toEqual(expected);
      expect(health).toMatchObject({ ok: true, problems: [] });
    });

    it('detects the end of a streamed answer only after the stream finished', async () => {
      // The fixture says which of its signals ends the stream and how long it pauses.
      const { reason, pause } = streamExpectation(site)!;
      const page = await open(site, `?stream=1&tick=30&chunk=10&pause=${pause}`);
      const result = await page.evaluate(
        async ({ id, stableMs }) => {
          const t = (window as unknown as TestWindow).crosscheckTest;
          const w = window as unknown as {
            __fixtureStream: { doneAt: number | null; typed: number; total: number };
          };
          const adapter = t.adapterById(id)!;
          const controller = new AbortController();
          const typedAtStart = w.__fixtureStream.typed;
          const done = await t.waitForAnswerDone(adapter, {
            signal: controller.signal,
            stableMs,
            debounceMs: 50,
            timeoutMs: 30_000,
          });
          const reportedAt = performance.now();
          controller.abort();
          return {
            reason: done.reason,
            initial: done.initial,
            text: t.turnText(adapter, done.answer),
            reportedAt,
            doneAt: w.__fixtureStream.doneAt,
            typedAtStart,
            total: w.__fixtureStream.total,
          };
        },
        { id: site, stableMs: STABLE_MS },
      );
      await page.close();
      expect(result.typedAtStart).toBeLessThan(result.total); // watching began mid-stream
      expect(result.doneAt).not.toBeNull();
      expect(result.reportedAt).toBeGreaterThanOrEqual(result.doneAt!);
      expect(result.reason).toBe(reason);
      expect(result.initial).toBe(false);
      expect(result.text).toBe(LAST_ANSWER);
      console.log(
        `${site}: done by ${result.reason} ${(result.reportedAt - result.doneAt!).toFixed(0)} ms after the stream ended`,
      );
    });
  });
}

describe('health check', () => {
  it('reports a problem when the markup changed so that nothing matches', async () => {
    const page = await open('chatgpt', '', 'changed-markup.html');
    const health = await page.evaluate(() => {
      const t = (window as unknown as TestWindow).crosscheckTest;
      return t.adapterById('chatgpt')!.health(document, new URL('https://chatgpt.com/c/abc'));
    });
    await page.close();
    expect(health.ok).toBe(false);
    expect(health.counts).toMatchObject({ userTurn: 0, assistantTurn: 0 });
    expect(health.problems).toHaveLength(1);
    expect(health.problems[0]).toMatch(/ChatGPT: no conversation turns found/);
    expect(health.problems[0]).toContain('[data-message-author-role="user"]');
  });

  it('does not report a problem on a page that is not a conversation', async () => {
    const page = await open('chatgpt', '', 'changed-markup.html');
    const health = await page.evaluate(() => {
      const t = (window as unknown as TestWindow).crosscheckTest;
      return t.adapterById('chatgpt')!.health(document, new URL('https://chatgpt.com/'));
    });
    await page.close();
    expect(health).toMatchObject({ ok: true, problems: [] });
  });
});
