/**
 * The saved-page helpers the real-site tiers rely on: the chrome and split-sentence checks catch
 * what real pages leaked into captured text before (taken from those captures), and pass clean
 * answers; expectations are read and checked with errors that name the page and the field.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chromeLines,
  discoverSavedPages,
  pageHtml,
  parseExpectation,
  splitSentences,
} from '../helpers/saved-pages.ts';

describe('chromeLines', () => {
  it('finds labels, controls, badges, file chips and citation fragments', () => {
    const leaked = [
      'Language-specified (most exporters syntax-highlight these):',
      '',
      'Python',
      '',
      '```',
      'print(1)',
      '```',
      '',
      'Code',
      '',
      '# Image Group',
      '',
      '4',
      '',
      'Rates rose in 2023 -1-4 and fell later -5-6-12.',
      'This sentence has a footnote.1 Another one.',
      'report.md',
      'MD',
    ].join('\n');
    expect(chromeLines(leaked)).toEqual([
      'Python',
      'Code',
      '4',
      'Rates rose in 2023 -1-4 and fell later -5-6-12.',
      'This sentence has a footnote.1 Another one.',
      'MD',
    ]);
  });

  it('passes clean answers, code inside fences, and a one-line numeric answer', () => {
    const clean =
      'Use Python 3.12 for this.\n\n```\npython\nCopy\n4\n```\n\n| USA | 4 |\n- GPT-5.3 is newer.';
    expect(chromeLines(clean)).toEqual([]);
    expect(chromeLines('4')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('finds a sentence broken around an inline element, not lists or code', () => {
    const split = 'It features a quick\nlink to deadrat.in\nto fulfill your request.';
    expect(splitSentences(split)).toHaveLength(2);
    expect(splitSentences('Intro:\n- one\n- two\n\n```\nfoo\nbar\n```')).toEqual([]);
  });
});

describe('expectations', () => {
  it('reads shared and beside-the-page expectations, and rejects bad ones by name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'saved-pages-'));
    mkdirSync(path.join(dir, 'grok'));
    writeFileSync(path.join(dir, 'grok', 'a.html'), '<div></div>');
    writeFileSync(path.join(dir, 'grok', 'b.html'), '<div></div>');
    writeFileSync(
      path.join(dir, 'grok', 'b.expect.json'),
      JSON.stringify({ site: 'grok', assistantTurns: 2, lastAnswer: 'Yes.' }),
    );
    const pages = discoverSavedPages(dir);
    expect(pages.map((p) => [p.id, p.site, p.expect?.assistantTurns ?? null])).toEqual([
      ['grok/a.html', 'grok', null],
      ['grok/b.html', 'grok', 2],
    ]);
    expect(() => parseExpectation({ turns: [['x', 'hi']] }, 'grok', 'grok/c.html')).toThrow(
      'saved-page expectations for grok/c.html: turns[0] must be',
    );
    expect(() => parseExpectation({ assistantTurn: 1 }, 'grok', 'grok/c.html')).toThrow(
      'unknown field "assistantTurn"',
    );
  });

  it('serves pages without their scripts, fragments inside a page of our own', () => {
    const full =
      '<!doctype html><html><body><p>Hi</p><script>document.body.remove()</script></body></html>';
    expect(pageHtml(full, 'x')).toBe('<!doctype html><html><body><p>Hi</p></body></html>');
    expect(pageHtml('<div>Hi</div><script src="a.js"></script>', 'x')).toContain(
      '<body><div>Hi</div></body>',
    );
    // A saved fragment after a header comment, full of empty comments, is still a fragment.
    const fragment = `<!-- saved 2026-01-01 -->\n<div>${'<!---->'.repeat(5000)}Hi</div>`;
    expect(pageHtml(fragment, 'x')).toMatch(/^<!doctype html>/);
    expect(pageHtml('<!-- c -->\n<!DOCTYPE html><html></html>', 'x')).toMatch(/^<!-- c -->/);
  });
});
