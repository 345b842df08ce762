/**
 * `domText` in Chromium: the text an answer element shows (collapsed whitespace, blocks on their
 * own lines, light markdown for lists, headings, tables and code, hidden and assistive-only nodes
 * and controls left out), and offsets <-> Ranges both ways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentBundle, launchChromium, type TestWindow } from '../helpers/page-harness.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Text of #root after loading `html` into a blank page with the content bundle. */
async function textOf(html: string, skip?: string): Promise<string> {
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body><div id="root">${html}</div></body>`,
  );
  await page.addScriptTag({ content: await contentBundle() });
  return page.evaluate((skip) => {
    const t = (window as unknown as TestWindow).crosscheckTest;
    return t.domText(document.getElementById('root')!, { skip }).text as string;
  }, skip);
}

describe('domText', () => {
  it('collapses whitespace as the page renders it and breaks lines at blocks', async () => {
    expect(await textOf('<p>  Hello,\n   <b>bold</b>   world. </p>\n  <p>Second</p>')).toBe(
      'Hello, bold world.\n\nSecond',
    );
    expect(await textOf('<div>one</div><div>two<br>three</div>')).toBe('one\ntwo\nthree');
    expect(await textOf('a<span> </span>b')).toBe('a b');
  });

  it('leaves out hidden, assistive-only and control nodes, keeps visible KaTeX', async () => {
    const html =
      '<p>Shown<span hidden>hidden</span><span aria-hidden="true">aria</span>' +
      '<span class="sr-only">sr</span><span style="display:none">none</span>' +
      '<button>Copy</button><span role="button">Edit</span><svg><text>svg</text></svg> text</p>' +
      '<p><span class="katex"><span class="katex-mathml"><math><mi>x</mi></math>x^2</span>' +
      '<span class="katex-html" aria-hidden="true">x2</span></span> squared</p>';
    expect(await textOf(html)).toBe('Shown text\n\nx2 squared');
  });

  it('honours a site skip selector', async () => {
    expect(await textOf('<p>Keep <span class="pill">example.com</span>this</p>', '.pill')).toBe(
      'Keep this',
    );
  });

  it('writes lists, headings, tables and code as light markdown', async () => {
    const html =
      '<h2>Title</h2><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>' +
      '<ol start="3"><li><p>three</p></li><li>four</li></ol>' +
      '<table><tr><th>A</th><th>B</th></tr><tr><td><p>1</p></td><td>2</td></tr></table>' +
      '<pre><code>def f():\n    return 1\n</code></pre><p>after</p>';
    expect(await textOf(html)).toBe(
      [
        '## Title',
        '',
        '- one',
        '- two',
        '  - nested',
        '',
        '3. three',
        '4. four',
        '',
        '| A | B |',
        '| 1 | 2 |',
        '',
        '```',
        'def f():',
        '    return 1',
        '```',
        '',
        'after',
      ].join('\n'),
    );
  });

  it('leaves code-block headers out, beside the <pre> or inside it', async () => {
    // A header row above the code (label, collapse and copy buttons) in a wrapper, as most sites.
    const beside =
      '<p>Run this:</p><div class="block"><div class="head"><span>python</span>' +
      '<button>Copy</button></div><div><pre><code>print(1)</code></pre></div></div><p>Done.</p>';
    expect(await textOf(beside)).toBe('Run this:\n\n```\nprint(1)\n```\n\nDone.');
    // The label inside the <pre>, beside the <code>.
    const inside =
      '<pre><div class="wrap"><div><div class="lang">elixir</div></div>' +
      '<div><span><code>IO.puts 1</code></span></div></div></pre>';
    expect(await textOf(inside)).toBe('```\nIO.puts 1\n```');
    // A short paragraph before a lone code block is prose, not a header.
    expect(await textOf('<div><p>Output:</p><pre><code>ok</code></pre></div>')).toBe(
      'Output:\n\n```\nok\n```',
    );
  });

  it('leaves citation markers, counters and file chips out, keeps exponents and numbers', async () => {
    const html =
      '<p>Rome fell in 476.<sup><a href="#fn1">1</a></sup> Water boils at 10<sup>2</sup> degrees' +
      ' and <strong>42</strong> is the answer.<span class="x-cite"><span>-</span><span>1</span></span></p>' +
      '<p>See <a href="https://a.example">the source</a> and <a href="https://b.example">3</a>.</p>' +
      '<div class="strip"><div><svg></svg><span>4</span></div></div>' +
      '<div class="chip"><svg></svg><span>notes.md</span><span>MD</span></div>' +
      '<p>Last.</p>';
    expect(await textOf(html)).toBe(
      'Rome fell in 476. Water boils at 102 degrees and 42 is the answer.\n\n' +
        'See the source and .\n\nLast.',
    );
  });

  it('keeps a link rendered as role="button" inside a sentence, drops other role buttons', async () => {
    const html =
      '<p>Read <span role="button" title="https://example.com/">the guide</span> first.' +
      '<span role="button">Edit</span></p>';
    expect(await textOf(html)).toBe('Read the guide first.');
  });

  it('lays out custom elements by what they hold: inline around inline content', async () => {
    const html =
      '<message-content><p>A quick <response-element><link-block><a href="#">link</a>' +
      '</link-block></response-element> in a sentence.</p><response-element><div>Block</div>' +
      '</response-element></message-content>';
    expect(await textOf(html)).toBe('A quick link in a sentence.\n\nBlock');
  });

  it('writes an ARIA grid of divs as table rows, header row included', async () => {
    const header = (t: string): string =>
      `<div role="columnheader"><button><span>${t}</span><svg></svg></button></div>`;
    const cell = (t: string): string => `<div role="cell"><span>${t}</span></div>`;
    const grid =
      '<div role="table">' +
      header('Country') +
      header('Wage') +
      cell('Denmark') +
      cell('60,000') +
      cell('Sweden') +
      cell('55,000') +
      '</div>';
    expect(await textOf(grid)).toBe(
      '| Country | Wage |\n| Denmark | 60,000 |\n| Sweden | 55,000 |',
    );
    const rows =
      '<div role="table"><div role="row"><div role="columnheader">A</div><div role="cell">' +
      ' 1</div></div><div role="row"><div role="cell">B</div><div role="cell">2 </div></div></div>';
    expect(await textOf(rows)).toBe('| A | 1 |\n| B | 2 |');
  });

  it('maps offsets to Ranges and back for every character', async () => {
    await textOf(
      '<h2>Brooklyn   Bridge</h2><p>Opened on <strong>May 24, 1883</strong>, by\n  John A. Roebling.</p>' +
        '<ul><li>Main span: 486 metres</li></ul><pre><code>print(2026 - 1883)</code></pre>',
    );
    const result = await page.evaluate(() => {
      const t = (window as unknown as TestWindow).crosscheckTest;
      const index = t.domText(document.getElementById('root')!);
      const text: string = index.text;
      const mismatches: string[] = [];
      for (let s = 0; s < text.length; s++) {
        if (index.nodeOf[s]! < 0) continue; // synthetic: newline or marker
        for (const e of [s + 1, Math.min(text.length, s + 7)]) {
          if (index.nodeOf[e - 1]! < 0) continue;
          const range = t.rangeFromOffsets(index, s, e)!;
          const back = t.offsetsFromRange(index, range);
          // The range covers the real characters of the slice (synthetic newlines and markers have
          // no DOM text); its own text keeps uncollapsed whitespace, so compare both collapsed.
          let slice = '';
          for (let i = s; i < e; i++) if (index.nodeOf[i]! >= 0) slice += text[i];
          const shown = range.toString().replace(/\s+/g, ' ');
          if (back.start !== s || back.end !== e || shown !== slice.replace(/\s+/g, ' ')) {
            mismatches.push(
              `${s}-${e}: ${JSON.stringify(slice)} -> ${JSON.stringify(shown)} ${back.start}-${back.end}`,
            );
          }
        }
      }
      const span = text.indexOf('May 24, 1883');
      const r = t.rangeFromOffsets(index, span, span + 12)!;
      // A span that starts on a synthetic character ("- " marker) snaps to the real text.
      const item = text.indexOf('- Main');
      const snapped = t.rangeFromOffsets(index, item, item + 6)!.toString();
      return { text, mismatches, date: r.toString(), snapped };
    });
    expect(result.text).toBe(
      '## Brooklyn Bridge\n\nOpened on May 24, 1883, by John A. Roebling.\n\n- Main span: 486 metres\n\n```\nprint(2026 - 1883)\n```',
    );
    expect(result.mismatches).toEqual([]);
    expect(result.date).toBe('May 24, 1883');
    expect(result.snapped).toBe('Main');
  });
});
