/**
 * Every site adapter against markup saved from the live sites by other people (see the folder's
 * README and PROVENANCE files): each saved file is served inside a minimal page on 127.0.0.1 and
 * the adapter runs in real Chromium. The expected turns were read off the files by hand: count,
 * role order and the first words of each turn as the page shows them.
 *
 * The folder is not part of the repository; without it (default ../shared/sites, override with
 * CROSSCHECK_SITES) this tier skips with a message.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO,
  launchChromium,
  openWithContent,
  startServer,
  wrapFragment,
  type TestServer,
  type TestWindow,
} from '../helpers/page-harness.ts';

const SITES = path.resolve(REPO, process.env.CROSSCHECK_SITES ?? '../shared/sites');
const present = existsSync(SITES);

/** [role, first words] per turn, oldest first; `healthy` false for fragments without a prompt. */
interface Expected {
  site: string;
  file: string;
  turns: [role: 'u' | 'a', start: string][];
  healthy?: boolean;
}

const EXPECTED: Expected[] = [
  {
    site: 'chatgpt',
    file: 'obsidianAIexp__chat-simple.html',
    turns: [
      ['u', 'ChatGPTのhtml構造をテスト'],
      ['a', 'はい'],
      ['u', '次は「いいえ」だけ答えて'],
      ['a', 'いいえ'],
      ['u', 'この Research 依頼はテスト用です'],
      ['a', '承知しました。テスト用とのことですが'],
      ['u', 'ChatGPT の提供する機能について'],
      ['a', '了解しました。ChatGPT が提供する'],
      ['a', '# ChatGPTの機能概要'],
      ['u', '数式を表現できますか'],
      ['a', 'はい、数式を表現できます'],
    ],
  },
  {
    site: 'chatgpt',
    file: 'revivalstack__chatgpt-dom-1question-ans-pair--with-python-code-response.html',
    turns: [
      ['u', 'show a simple python hello world'],
      ['a', 'Here’s a simple Python “Hello, World!” example:\n\n```\nprint("Hello, World!")\n```'],
    ],
  },
  {
    site: 'chatgpt',
    file: 'revivalstack__chatgpt-dom-2question-ans-pairs.html',
    turns: [
      ['u', 'what model/version of chatgpt are you?'],
      ['a', 'You’re talking to ChatGPT based on GPT-5.3'],
      ['u', 'can you do search online in real time?'],
      ['a', 'Yes — I can search the web in real time'],
    ],
  },
  {
    site: 'claude',
    file: 'obsidianAIexp__chat-simple.html',
    turns: [
      ['u', 'Claude の html構造をテスト'],
      ['a', 'はい'],
      ['u', '次は「いいえ」だけ答えて。'],
      ['a', 'いいえ'],
      ['u', '次の内容の artifact を作成して。'],
      // The tool-use status row ("Created a file, read a file") is not answer text.
      ['a', 'Claude Code の概要をまとめた artifact'],
      ['u', 'Claude Code の概要について調査分析'],
      ['a', 'Claude Code の概要について調査を始めます'],
      ['u', '基本的な機能のみで良いです。'],
      ['a', '了解しました。素人向けに'],
      ['u', '数式をいくつか表現して表示して。'],
      ['a', '数式をいくつか表現したartifactを作成します。'],
      ['u', 'chat で数式を表示できますか。'],
      ['a', 'はい、チャット上でも数式を表示できます'],
    ],
  },
  {
    site: 'claude',
    file: 'revivalstack__claude-codeblock-larger-dom.html',
    turns: [['a', 'Absolutely! Running open source coding AI models in a homelab']],
    healthy: false,
  },
  {
    site: 'copilot',
    file: 'revivalstack__copilot-chat-dom.html',
    turns: [
      ['u', "I'm inspecting the html dom of copilot"],
      ['a', 'Sure—what exactly are you looking to export?'],
      ['u', 'can you post a simple bash script'],
      [
        'a',
        "Absolutely! Here's a simple bash script that outputs the current directory:\n\n```\n#!/bin/bash",
      ],
    ],
  },
  {
    site: 'deepseek',
    file: 'covai__deepseek-chat.html',
    turns: [
      ['u', 'Please write a short response that includes:'],
      ['a', 'I recently realized that curiosity can spark remarkable discoveries'],
    ],
  },
  {
    site: 'gemini',
    file: 'obsidianAIexp__chat-simple.html',
    turns: [
      // "あなたのプロンプト" ("your prompt") is a visually hidden label, not the prompt.
      ['u', 'gemini chat の E2E テスト'],
      ['a', 'はい'],
      ['u', 'ありがとうございます。次は「いいえ」'],
      ['a', 'いいえ'],
      ['u', 'いくつか数式をLaTeX形式で表示して。'],
      ['a', '承知いたしました。いくつか代表的な数式を'],
    ],
  },
  {
    site: 'gemini',
    file: 'revivalstack__gemini-dom.html',
    turns: [
      ['u', "i'm inspecting the gemini chat page"],
      ['a', 'Extracting chat content from the Gemini page'],
      ['u', 'one more response, a short one'],
      ['a', "Open your browser's developer tools"],
      ['u', 'then last , one more short response'],
      ['a', 'Got it. Look specifically for div elements'],
    ],
  },
  {
    site: 'grok',
    file: 'revivalstack__grok-dom-2question-ans-pairs.html',
    turns: [
      ['u', 'what version of grok are you?'],
      ['a', "I'm Grok 4."],
      ['u', 'can you do search in real-time?'],
      ['a', 'Yes, I can do real-time searches.'],
    ],
  },
  {
    site: 'mistral',
    file: 'covai__mistral-chat.html',
    turns: [
      ['u', 'Please write a short response that includes:\n1. A paragraph'],
      // The reasoning ("Thought for 3s") is outside the answer part.
      ['a', 'Here you go:\n\nThis is a bold statement with italic emphasis'],
    ],
  },
  {
    site: 'perplexity',
    file: 'obsidianAIexp__chat-simple.html',
    turns: [
      ['u', 'erplexityのhtml構造をテスト'],
      ['a', 'はい。'],
      ['u', '次は「いいえ」だけ答えて'],
      ['a', 'いいえ。'],
      ['u', 'LaTeX 形式でいくつか数式を表示して'],
      ['a', 'いくつか代表的な数式を LaTeX 形式で書きます。'],
    ],
  },
];

interface Found {
  turns: { role: string; text: string }[];
  health: { ok: boolean; problems: string[] };
  capture: { turns: { role: string; text: string }[]; answer: string } | null;
}

describe.skipIf(!present)('adapters on saved markup of the live sites', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer(async (url) => {
      const [, site, file] = url.pathname.split('/');
      if (!site || !file || site.includes('..') || file.includes('..')) return null;
      // Served as the saved text inside a page of our own; nothing in it is rewritten.
      const html = await readFile(path.join(SITES, site, file), 'utf8');
      return { type: 'text/html; charset=utf-8', body: wrapFragment(html, file) };
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has an expectation for every saved file', async () => {
    const { readdir } = await import('node:fs/promises');
    const files: string[] = [];
    for (const site of await readdir(SITES, { withFileTypes: true })) {
      if (!site.isDirectory()) continue;
      for (const f of await readdir(path.join(SITES, site.name))) {
        if (f.endsWith('.html')) files.push(`${site.name}/${f}`);
      }
    }
    const expected = EXPECTED.map((e) => `${e.site}/${e.file}`);
    expect(files.filter((f) => !expected.includes(f))).toEqual([]);
  });

  for (const exp of EXPECTED) {
    it(`${exp.site}: ${exp.file}`, async () => {
      if (!existsSync(path.join(SITES, exp.site, exp.file))) {
        console.warn(`saved file ${exp.site}/${exp.file} is absent; nothing to check`);
        return;
      }
      const page = await openWithContent(browser, `${server.origin}/${exp.site}/${exp.file}`);
      const found: Found = await page.evaluate((id) => {
        const t = (window as unknown as TestWindow).crosscheckTest;
        const adapter = t.adapterById(id)!;
        const capture = t.captureLatest(adapter, new URL(location.href), document);
        return {
          turns: adapter.turns(document).map((turn) => ({
            role: turn.role,
            text: t.turnText(adapter, turn),
          })),
          health: adapter.health(document),
          capture: capture ? capture.capture : null,
        };
      }, exp.site);
      await page.close();

      expect(found.turns.map((t) => t.role[0]).join('')).toBe(exp.turns.map(([r]) => r).join(''));
      exp.turns.forEach(([, start], i) => {
        expect(
          found.turns[i]!.text.startsWith(start),
          `turn ${i}: ${found.turns[i]!.text.slice(0, 80)}`,
        ).toBe(true);
      });
      // No site chrome leaks into the text.
      for (const t of found.turns) {
        expect(t.text).not.toMatch(/^(You said|ChatGPT said|Copilot said|あなたのプロンプト)/);
        expect(t.text).not.toMatch(/Copy code|Good response|Created a file, read a file/);
      }
      expect(found.health.ok).toBe(exp.healthy ?? true);
      if (exp.healthy !== false) {
        // The capture answers the last prompt, with every earlier turn as context.
        const last = found.turns[found.turns.length - 1]!;
        expect(found.capture?.answer).toBe(last.text);
        expect(found.capture?.turns.at(-1)?.role).toBe('user');
        expect(found.capture?.turns.length).toBe(found.turns.length - 1);
      }
    });
  }
});

if (!present) {
  console.warn(
    `saved-sites: skipped, no saved site markup at ${SITES} (set CROSSCHECK_SITES to its folder)`,
  );
}
