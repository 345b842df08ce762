/**
 * The Firefox build: `web-ext lint` finds no errors in dist/firefox, and in headless Firefox ESR
 * (web-ext's own runner) the test build's content script runs on a fixture page and hears from
 * the background event page. The fixture page reports what the content script published through
 * a beacon to the fixture server, since nothing else can look into an extension's world there.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webExt from 'web-ext';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';
import { localBackend, runFirefox, seedTestSettings } from '../helpers/firefox-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer } from '../helpers/llm-server.ts';

interface LintResult {
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; message: string; file?: string }[];
}

describe('Firefox build', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('passes web-ext lint with no errors', async () => {
    const result = (await webExt.cmd.lint(
      { sourceDir: resolve('dist/firefox'), output: 'none', selfHosted: true, boring: true },
      { shouldExitProgram: false },
    )) as LintResult;
    expect(result.errors).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  it('runs the content script in headless Firefox ESR and reaches the background', async () => {
    const runner = await runFirefox(
      resolve('dist/test/firefox'),
      server.url('/pages/basic.html?crosscheck-site=chatgpt'),
    );
    try {
      const beacon = await server.waitForBeacon(
        (b) => (JSON.parse(b.get('state') ?? '{}') as { connected?: boolean }).connected === true,
        90_000,
      );
      const state = JSON.parse(beacon.get('state') ?? '{}') as {
        site: string;
        settings: { enabled: boolean; siteEnabled: boolean };
      };
      expect(state.site).toBe('chatgpt');
      expect(state.settings).toEqual({ enabled: true, siteEnabled: true, sensitivity: 'balanced' });
    } finally {
      runner.exit();
    }
  });

  it('checks an answer end to end: samples, the model in the event page, page highlights', async () => {
    const llm = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    const extension = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-ext-'));
    cpSync('dist/test/firefox', extension, { recursive: true });
    const backend = localBackend(llm.url);
    seedTestSettings(extension, { backend });
    const runner = await runFirefox(
      extension,
      server.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&beacon=1'),
    );
    try {
      const beacon = await server.waitForBeacon((b) => {
        const state = JSON.parse(b.get('state') ?? '{}') as { run?: { phase: string } | null };
        return state.run?.phase === 'done' || state.run?.phase === 'error';
      }, 150_000);
      const state = JSON.parse(beacon.get('state') ?? '{}') as {
        run: { phase: string; message?: string };
        highlights: number;
      };
      expect(state.run, state.run.message).toMatchObject({ phase: 'done' });
      expect(llm.requests.reduce((sum, r) => sum + r.n, 0)).toBe(4);
      // The page's own CSS.highlights registry holds the content script's ranges.
      const drawn = await server.waitForBeacon((b) => {
        const texts = Object.values(
          JSON.parse(b.get('highlights') ?? '{}') as Record<string, string[]>,
        );
        return texts.flat().length > 0;
      }, 10_000);
      const ranges = Object.values(
        JSON.parse(drawn.get('highlights') ?? '{}') as Record<string, string[]>,
      ).flat();
      expect(ranges.length).toBe(state.highlights);
      for (const text of ranges) expect(text.trim().length).toBeGreaterThan(0);
    } finally {
      runner.exit();
      await llm.stop();
      rmSync(extension, { recursive: true, force: true });
    }
  });
});
