/**
 * The compare view in the built extension in headless Firefox ESR: a real run against a scripted
 * OpenAI-compatible server on 127.0.0.1, then a page script (fixtures/pages/compare-driver.js)
 * drives the view the way Firefox tests can — from the page, through the test build's open
 * shadow root — and reports what it saw: opened from the bar with focus in it, on the sample
 * that disagrees most, switched by arrow key, still open and working after the page re-renders
 * the answer, closed by Escape with focus back on its button, and the samples named in the card.
 *
 * Sources: nothing can seed a status into Firefox's background from the test, so until the
 * background fills `sources` this run has none and every label is "Sample n" (the source labels
 * are checked in Firefox by the harness screenshots test and in Chromium with seeded sources).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromPreset } from '../../src/sampling/presets.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';
import { runFirefox } from '../helpers/firefox-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer } from '../helpers/llm-server.ts';

interface Seen {
  error?: string;
  sourceReading: string | null;
  highlightsBefore: number;
  opened: { sample: string; expanded: string; choices: string[]; rows: number; title: string };
  switched: { sample: string; focused: string | null };
  rerendered: {
    hostConnected: boolean;
    open: boolean;
    sample: string | null;
    highlights: number;
    sampleAfterKey: string | null;
  };
  escaped: { open: boolean; focusOnToggle: boolean };
  cardTags: string[];
}

describe('the compare view in Firefox', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('opens, switches samples, survives a re-render and closes with Escape', async () => {
    const llm = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    // The test build stores packaged test-settings.json at startup (see test-seed.ts).
    const extension = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-compare-'));
    cpSync('dist/test/firefox', extension, { recursive: true });
    const backend = settingsFromPreset('openai', {
      presetId: 'custom',
      baseUrl: `${llm.url}/v1`,
      model: 'recorded-model',
    });
    writeFileSync(join(extension, 'test-settings.json'), JSON.stringify({ backend }));
    const runner = await runFirefox(
      extension,
      server.url(
        '/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&beacon=1&driver=compare',
      ),
    );
    try {
      const beacon = await server.waitForBeacon((b) => b.has('compare'), 170_000);
      const seen = JSON.parse(beacon.get('compare')!) as Seen;
      expect(seen.error).toBeUndefined();
      const samples = seen.opened.choices.length;
      expect(samples).toBe(4);
      expect(seen.opened.expanded).toBe('true');
      expect(seen.opened.rows).toBeGreaterThan(3);
      // The default is marked as the sample that disagrees most; the title names it.
      const first = Number(seen.opened.sample);
      expect(seen.opened.choices[first]).toBe(`Sample ${first + 1}most different`);
      expect(seen.opened.title).toBe(`Your answer beside Sample ${first + 1}`);
      // No sources in this run: nothing said about them.
      expect(seen.sourceReading).toBeNull();
      // ArrowRight: the next sample, focus on its choice.
      const second = (first + 1) % samples;
      expect(seen.switched).toEqual({ sample: String(second), focused: String(second) });
      // After the page re-renders the answer: still open on that sample, highlights back on the
      // new nodes, and ArrowLeft still switches.
      expect(seen.highlightsBefore).toBeGreaterThan(0);
      expect(seen.rerendered).toEqual({
        hostConnected: true,
        open: true,
        sample: String(second),
        highlights: seen.highlightsBefore,
        sampleAfterKey: String(first),
      });
      expect(seen.escaped).toEqual({ open: false, focusOnToggle: true });
      expect(seen.cardTags.sort()).toEqual(
        Array.from({ length: samples }, (_, i) => `Sample ${i + 1}`),
      );
    } finally {
      runner.exit();
      await llm.stop();
      rmSync(extension, { recursive: true, force: true });
    }
  });
});
