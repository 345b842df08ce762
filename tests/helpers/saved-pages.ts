/**
 * Saved pages of the real chat sites (markup other people captured from the live sites; see
 * ../shared/sites/README.md), discovered on disk so that dropping in a newly saved page needs no
 * code: every `<folder>/<page>.html` under CROSSCHECK_SITES (default ../shared/sites) is a page,
 * the folder names the adapter unless the page's expectations say otherwise, and its
 * expectations live beside it (`<page>.expect.json`) or in
 * tests/fixtures/saved-sites-expectations.json under the key `<folder>/<page>.html`. A page with
 * no expectations still gets the generic checks (answers found, no page chrome in the text).
 *
 * Pages are served with their `<script>` elements removed: a full saved page can otherwise run
 * the site's own code offline and wipe its DOM (DeepSeek's share page does).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO, wrapFragment, type Route } from './page-harness.ts';

export const SITES = path.resolve(REPO, process.env.CROSSCHECK_SITES ?? '../shared/sites');
export const SHARED_EXPECTATIONS = path.join(REPO, 'tests/fixtures/saved-sites-expectations.json');

/** What a saved page must yield; every field but `site` is optional. */
export interface PageExpectation {
  /** Adapter id (defaults to the folder name). */
  site: string;
  /** Number of assistant turns the adapter must find. */
  assistantTurns?: number;
  /** Number of user turns the adapter must find. */
  userTurns?: number;
  /** Every turn in order: role ("u" or "a") and the start of its text as captured. */
  turns?: [role: 'u' | 'a', start: string][];
  /** The exact captured text of the last answer. */
  lastAnswer?: string;
  /** Whether the health check passes (false for fragments with no prompt); default true. */
  healthy?: boolean;
}

export interface SavedPage {
  /** `<folder>/<file>`, unique, used in test names and URLs. */
  id: string;
  file: string;
  site: string;
  /** Null when nothing says what the page holds: only the generic checks apply. */
  expect: PageExpectation | null;
}

/** Every saved page under `dir`, sorted, with its expectations; [] when the folder is absent. */
export function discoverSavedPages(dir = SITES): SavedPage[] {
  if (!existsSync(dir)) return [];
  const shared = readSharedExpectations();
  const pages: SavedPage[] = [];
  for (const folder of readdirSync(dir).sort()) {
    const folderPath = path.join(dir, folder);
    if (!statSync(folderPath).isDirectory()) continue;
    for (const name of readdirSync(folderPath).sort()) {
      if (!/\.html?$/i.test(name)) continue;
      const id = `${folder}/${name}`;
      const file = path.join(folderPath, name);
      const beside = file.replace(/\.html?$/i, '.expect.json');
      let expect: PageExpectation | null = null;
      if (existsSync(beside)) expect = parseExpectation(readJson(beside), folder, beside);
      else if (shared[id] !== undefined) expect = parseExpectation(shared[id], folder, id);
      pages.push({ id, file, site: expect?.site ?? folder, expect });
    }
  }
  return pages;
}

function readSharedExpectations(): Record<string, unknown> {
  if (!existsSync(SHARED_EXPECTATIONS)) return {};
  const raw = readJson(SHARED_EXPECTATIONS);
  if (!isRecord(raw)) throw new Error(`${SHARED_EXPECTATIONS}: expected an object keyed by page`);
  return raw;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks one expectation's shape, naming the page and the field when it is wrong. */
export function parseExpectation(raw: unknown, folder: string, where: string): PageExpectation {
  const fail = (msg: string): never => {
    throw new Error(`saved-page expectations for ${where}: ${msg}`);
  };
  if (!isRecord(raw)) return fail('expected an object');
  const known = new Set(['site', 'assistantTurns', 'userTurns', 'turns', 'lastAnswer', 'healthy']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && !key.startsWith('_')) fail(`unknown field "${key}"`);
  }
  const out: PageExpectation = { site: folder };
  if (raw.site !== undefined) {
    if (typeof raw.site !== 'string' || !raw.site) fail('"site" must be an adapter id');
    out.site = raw.site as string;
  }
  for (const key of ['assistantTurns', 'userTurns'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      fail(`"${key}" must be a whole number`);
    out[key] = v as number;
  }
  if (raw.turns !== undefined) {
    if (!Array.isArray(raw.turns)) fail('"turns" must be a list of [role, start]');
    out.turns = (raw.turns as unknown[]).map((t, i) => {
      if (!Array.isArray(t) || (t[0] !== 'u' && t[0] !== 'a') || typeof t[1] !== 'string')
        return fail(`turns[${i}] must be ["u" or "a", "start of its text"]`);
      return [t[0], t[1]] as ['u' | 'a', string];
    });
  }
  if (raw.lastAnswer !== undefined) {
    if (typeof raw.lastAnswer !== 'string') fail('"lastAnswer" must be a string');
    out.lastAnswer = raw.lastAnswer as string;
  }
  if (raw.healthy !== undefined) {
    if (typeof raw.healthy !== 'boolean') fail('"healthy" must be true or false');
    out.healthy = raw.healthy as boolean;
  }
  return out;
}

/** The saved markup with every `<script>` element removed. */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script\b[^>]*\/>/gi, '');
}

/** The page as served: a full saved document as it is, a fragment inside a minimal page. */
export function pageHtml(saved: string, title: string): string {
  const html = stripScripts(saved);
  return isDocument(html) ? html : wrapFragment(html, title);
}

/** Whether markup is a whole document: `<!doctype` or `<html` first, after any comments. */
function isDocument(html: string): boolean {
  // A loop, not one regular expression: a pattern over repeated comments backtracks without end
  // on pages full of Angular's empty comments.
  let at = 0;
  for (;;) {
    while (at < html.length && /\s/.test(html[at]!)) at++;
    if (!html.startsWith('<!--', at)) break;
    const end = html.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
  return /^<(?:!doctype|html)\b/i.test(html.slice(at, at + 10));
}

/** Serves each page at `/<id>` (folder/file), scripts removed; nothing else. */
export function savedPagesRoute(pages: readonly SavedPage[]): Route {
  const byId = new Map(pages.map((p) => [p.id, p]));
  return async (url) => {
    const page = byId.get(decodeURIComponent(url.pathname.slice(1)));
    if (!page) return null;
    const html = pageHtml(await readFile(page.file, 'utf8'), page.id);
    return { type: 'text/html; charset=utf-8', body: html };
  };
}

/** The URL path of a page on the server of `savedPagesRoute`. */
export function pagePath(page: SavedPage): string {
  return `/${page.id.split('/').map(encodeURIComponent).join('/')}`;
}

/** Words of code-block headers and controls, when one stands alone on a line. */
const CONTROL_WORDS =
  /^(?:copy|copy code|copied!?|code|edit|run|share|download|collapse|expand|show more|show less|retry|regenerate)$/i;
/** Language labels of code-block headers. */
const LANGUAGE_LABEL =
  /^(?:python|py|go|golang|bash|sh|shell|zsh|console|powershell|typescript|ts|tsx|javascript|js|jsx|json|yaml|yml|toml|xml|html|css|scss|sql|rust|java|kotlin|swift|c|cpp|c\+\+|c#|csharp|ruby|php|elixir|haskell|scala|lua|r|dart|markdown|md|text|plaintext|plain text|txt|diff|dockerfile|makefile)$/i;
/** A file type shown on an attachment chip. */
const FILE_TYPE = /^(?:md|pdf|csv|docx?|xlsx?|pptx?|txt|png|jpe?g|gif|svg|zip|json)$/i;
/** A counter badge: a lone small number. */
const BADGE = /^\+?\d{1,3}\+?$/;
/** Citation pill fragments ("-1-4", "-5-6-12") and footnote numbers glued to a sentence end. */
const CITATION_FRAGMENT = /(?:^|\s)-\d{1,3}(?:-\d{1,3})+(?=[\s.,;:]|$)|[a-z][.!?]\d{1,2}(?=\s|$)/;

/**
 * Lines of captured text that are page chrome, not what the answer says: lone language labels,
 * control words ("Copy"), counter badges, file-type chips, citation-marker fragments. Code inside
 * ``` fences is not looked at. A one-line text is never a badge (an answer may be just "4").
 */
export function chromeLines(text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  let inCode = false;
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode || !t) continue;
    if (
      CONTROL_WORDS.test(t) ||
      LANGUAGE_LABEL.test(t) ||
      FILE_TYPE.test(t) ||
      (BADGE.test(t) && lines.length > 1) ||
      CITATION_FRAGMENT.test(t)
    ) {
      found.push(line);
    }
  }
  return found;
}

/**
 * Sentences broken over two lines: a line that ends mid-sentence (a letter or comma) followed by
 * a line that starts in lower case, outside code, lists and tables. What the page shows inline
 * must stay on one line, or the segmenter judges the pieces as separate sentences.
 */
export function splitSentences(text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  let inCode = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim().startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    const next = lines[i + 1]!;
    if (/^\s*(?:[-|#>]|\d+\.)/.test(next)) continue;
    if (/[A-Za-z,]$/.test(line) && /^[a-z]/.test(next)) found.push(`${line}⏎${next}`);
  }
  return found;
}
