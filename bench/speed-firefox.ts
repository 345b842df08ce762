/**
 * A check's time in Firefox with the bundled model in two workers against on the background
 * page's own thread: headless Firefox ESR through web-ext, the test build, the chat fixture page
 * and a local backend that answers at once, timed from the first "sampling" status to "done".
 * The on-thread runs use a copy of the build with the workers switched off in its background
 * bundle. Needs `npm run build:test`. Figures are printed, never asserted.
 *
 * Run: npx tsx bench/speed-firefox.ts [rounds=3]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROOKLYN_PASSAGE } from '../tests/fixtures/pipeline/brooklyn-samples.ts';
import { localBackend, runFirefox, seedTestSettings } from '../tests/helpers/firefox-extension.ts';
import { startFixtureServer, type FixtureServer } from '../tests/helpers/fixture-server.ts';
import { startLlmServer, type Passage } from '../tests/helpers/llm-server.ts';
import { benchmarkSentences } from './speed-embedding.ts';

const BUILD = 'dist/test/firefox';
const WORKERS_ON = 'bundledInWorkers: true';
const PAGE = '/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&beacon=1';

/** Eight samples of 40 distinct sentences each (about 2,000 characters), for the large case. */
function longPassage(): Passage {
  const sentences = benchmarkSentences(8 * 40);
  return {
    ...BROOKLYN_PASSAGE,
    samples: Array.from({ length: 8 }, (_, k) => sentences.slice(k * 40, k * 40 + 40).join(' ')),
  };
}

const phaseIs =
  (...phases: string[]) =>
  (beacon: URLSearchParams): boolean => {
    const state = JSON.parse(beacon.get('state') ?? '{}') as { run?: { phase: string } | null };
    return phases.includes(state.run?.phase ?? '');
  };

async function timeOneCheck(
  server: FixtureServer,
  passage: Passage,
  inWorkers: boolean,
): Promise<number> {
  const llm = await startLlmServer({ passages: [passage] });
  const extension = mkdtempSync(join(tmpdir(), 'crosscheck-speed-firefox-'));
  try {
    cpSync(BUILD, extension, { recursive: true });
    const background = join(extension, 'src/background/firefox.js');
    const code = readFileSync(background, 'utf8');
    if (!code.includes(WORKERS_ON)) throw new Error(`${BUILD} has no "${WORKERS_ON}" to switch`);
    if (!inWorkers) writeFileSync(background, code.replace(WORKERS_ON, 'bundledInWorkers: false'));
    const backend = localBackend(llm.url);
    seedTestSettings(extension, { backend, sampleCount: passage.samples.length });
    server.beacons.length = 0;
    const firefox = await runFirefox(extension, server.url(PAGE));
    try {
      await server.waitForBeacon(phaseIs('sampling'), 150_000);
      const start = Date.now();
      const end = await server.waitForBeacon(phaseIs('done', 'error'), 150_000);
      if (phaseIs('error')(end)) throw new Error(`the check failed: ${end.get('state')}`);
      return Date.now() - start;
    } finally {
      firefox.exit();
    }
  } finally {
    await llm.stop();
    rmSync(extension, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const server = await startFixtureServer();
  try {
    for (const [name, passage] of [
      ['8 long samples (40 sentences each)', longPassage()],
      ['4 short samples (Brooklyn Bridge)', BROOKLYN_PASSAGE],
    ] as const) {
      const times = { workers: [] as number[], thread: [] as number[] };
      // Alternating, so a change in the machine's load falls on both.
      for (let r = 0; r < rounds; r++) {
        times.workers.push(await timeOneCheck(server, passage, true));
        times.thread.push(await timeOneCheck(server, passage, false));
      }
      const range = (v: number[]) => `${Math.min(...v)}–${Math.max(...v)} ms`;
      console.log(
        `${name}: two workers ${range(times.workers)}, background page's thread ${range(times.thread)}`,
      );
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`[speed-firefox] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
