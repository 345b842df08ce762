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
