/**
 * The Firefox build: `web-ext lint` finds no errors in dist/firefox, and in headless Firefox ESR
 * (web-ext's own runner) the test build's content script runs on a fixture page and hears from
 * the background event page. The fixture page reports what the content script published through
 * a beacon to the fixture server, since nothing else can look into an extension's world there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webExt from 'web-ext';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

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
    const profile = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-'));
    process.env.MOZ_HEADLESS = '1';
    const runner = await webExt.cmd.run(
      {
        sourceDir: resolve('dist/test/firefox'),
        firefox: FIREFOX,
        firefoxProfile: profile,
        startUrl: [server.url('/pages/basic.html?crosscheck-site=chatgpt')],
        noInput: true,
        noReload: true,
        args: ['-headless'],
        // Keep Firefox off the network: no update checks, telemetry or remote settings.
        pref: {
          'app.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'extensions.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'network.proxy.type': 0,
        },
      },
      { shouldExitProgram: false },
    );
    try {
      const beacon = await server.waitForBeacon(
        (b) => (JSON.parse(b.get('state') ?? '{}') as { connected?: boolean }).connected === true,
        90_000,
      );
      const state = JSON.parse(beacon.get('state') ?? '{}') as {
        site: string;
        settings: { enabled: boolean; sampleCount: number };
      };
      expect(state.site).toBe('chatgpt');
      expect(state.settings).toEqual({ enabled: true, siteEnabled: true, sampleCount: 4 });
    } finally {
      runner.exit();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
