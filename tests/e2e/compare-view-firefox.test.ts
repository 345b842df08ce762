/**
 * The compare view in the built extension in headless Firefox ESR: a real run against two
 * scripted OpenAI-compatible servers on 127.0.0.1 that answer differently (the main backend and
 * one other voice, from the packaged test settings), then a page script (fixtures/pages/compare-driver.js)
 * drives the view the way Firefox tests can — from the page, through the test build's open
 * shadow root — and reports what it saw: opened from the bar with focus in it, on the sample
 * that disagrees most, switched by arrow key, still open and working after the page re-renders
 * the answer, closed by Escape with focus back on its button, and every sample named with its
 * source in the view, the card and the summary.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';
import { localBackend, runFirefox, seedTestSettings } from '../helpers/firefox-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer } from '../helpers/llm-server.ts';

/** The other voice's answers: it disagrees about the opening year. */
const OTHER_SAYS = [
  'The Brooklyn Bridge opened in 1885 and was designed by John A. Roebling.',
  'It opened in 1885; Washington Roebling completed it after his father died.',
];

/** "Sample 2 · other-model" → "other-model". */
const sourceOf = (label: string): string =>
  label.split(' · ')[1]?.replace('most different', '') ?? '';

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

  it('opens, switches samples, survives a re-render, closes with Escape, and labels sources', async () => {
    const llm = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    const other = await startLlmServer({
      passages: [{ person: 'Brooklyn Bridge', keywords: ['brooklyn'], samples: OTHER_SAYS }],
    });
    const extension = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-compare-'));
    cpSync('dist/test/firefox', extension, { recursive: true });
    const backend = localBackend(llm.url);
    const otherVoices = [
      {
        id: 'v-other',
        samples: 2,
        backend: { ...backend, baseUrl: `${other.url}/v1`, model: 'other-model' },
      },
    ];
    seedTestSettings(extension, { backend, otherVoices, otherVoicesMode: 'always' });
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
      // 4 from the main voice, 2 from the other, each named with its model.
      expect(samples).toBe(6);
      const sources = seen.opened.choices.map(sourceOf);
      expect(sources.filter((s) => s === 'recorded-model')).toHaveLength(4);
      expect(sources.filter((s) => s === 'other-model')).toHaveLength(2);
      expect(other.requests.length).toBeGreaterThan(0);
      expect(seen.opened.expanded).toBe('true');
      expect(seen.opened.rows).toBeGreaterThan(3);
      // The default is marked as the sample that disagrees most; the title names it.
      const first = Number(seen.opened.sample);
      const label = `Sample ${first + 1} · ${sources[first]}`;
      expect(seen.opened.choices[first]).toBe(`${label}most different`);
      expect(seen.opened.title).toBe(`Your answer beside ${label}`);
      // The summary says whether the disagreement is within one model or between models.
      expect(seen.sourceReading).toMatch(/model/);
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
        sources.map((source, i) => `Sample ${i + 1} · ${source}`).sort(),
      );
    } finally {
      runner.exit();
      await llm.stop();
      await other.stop();
      rmSync(extension, { recursive: true, force: true });
    }
  });
});
