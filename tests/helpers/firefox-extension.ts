/**
 * Starts Firefox ESR, headless, with an unpacked extension installed as a temporary add-on
 * through web-ext's own runner, on a fresh profile, kept off the network. The one way every
 * Firefox test starts it; and how a copy of the test build is pointed at the local backend.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';
import { settingsFromPreset } from '../../src/shared/presets.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxRun {
  /** Quits Firefox and removes its profile. */
  exit(): void;
}

export async function runFirefox(extensionDir: string, startUrl: string): Promise<FirefoxRun> {
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-'));
  process.env.MOZ_HEADLESS = '1';
  const runner = await webExt.cmd.run(
    {
      sourceDir: resolve(extensionDir),
      firefox: FIREFOX,
      firefoxProfile: profile,
      startUrl: [startUrl],
      noInput: true,
      noReload: true,
      args: ['-headless'],
      // No update checks, telemetry or default-browser prompt: nothing to reach out for.
      pref: {
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'extensions.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
      },
    },
    { shouldExitProgram: false },
  );
  return {
    exit(): void {
      runner.exit();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The local test backend at `llmUrl` (tests/helpers/llm-server.ts) as an OpenAI-compatible one. */
export function localBackend(llmUrl: string) {
  return settingsFromPreset('openai', {
    presetId: 'custom',
    baseUrl: `${llmUrl}/v1`,
    model: 'recorded-model',
  });
}

/**
 * Seeds a copy of the test build with settings: the test build stores its packaged
 * test-settings.json at startup (see src/background/test-seed.ts).
 */
export function seedTestSettings(extensionDir: string, settings: Record<string, unknown>): void {
  writeFileSync(join(extensionDir, 'test-settings.json'), JSON.stringify(settings));
}
