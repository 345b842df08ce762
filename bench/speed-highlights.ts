/**
 * What a user waits for at the end of a check in Chrome: from the moment the last sample leaves
 * the local test backend to the moment the page shows its highlights (run done), for a ~300-word
 * answer and 4 samples of ~300 words (target ≤ 0.5 s). The whole product runs: the options page
 * configures the backend, the content script captures the answer on the ChatGPT fixture, the
 * service worker samples, the offscreen document embeds, the page draws.
 *
 * Each run has a fresh answer, fresh samples and a fresh model name, so no cache answers for the
 * model or the backend. The first run also pays the offscreen document's cold start unless that
 * finished while sampling; it is shown apart. The last sample "arrives" at its request's arrival
 * plus the server's fixed delay (the reply is written right after), so the figure errs long.
 * The fixture types the answer in ~0.1 s by default; `streamMs` makes it take about that long, as
 * a chat site does (a few seconds for 300 words), which the model's warm-up during streaming uses.
 * The test backend answers each request after 300 ms; a real backend takes seconds for ~300 words,
 * time in which the cold start can finish: `serverDelayMs` sets that delay.
 * Needs `npm run build:test`.
 * Runnable alone: `npx tsx bench/speed-highlights.ts [runs] [streamMs] [serverDelayMs]`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../tests/helpers/chromium-extension.ts';
import { startFixtureServer } from '../tests/helpers/fixture-server.ts';
import { startLlmServer, type Passage } from '../tests/helpers/llm-server.ts';
import { syntheticText } from './speed-analysis.ts';

export interface HighlightSpeed {
  /** Run 1, ms from last sample to highlights. */
  firstMs: number;
  /** Median of the later runs. */
  warmMs: number;
  warmRuns: number;
}

const SAMPLES = 4;
const DEFAULT_SERVER_DELAY_MS = 300;
const FIXTURE = 'tests/fixtures/sites/chatgpt/conversation.html';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The ChatGPT fixture with its last question and answer replaced by run `i`'s. */
function conversationPage(i: number, answer: string): string {
  const html = readFileSync(FIXTURE, 'utf8');
  const question = `Give me a short history of Vellmar${i}.`;
  const withQuestion = html.replace(
    /Give me a short history of the Brooklyn Bridge[^<]*/,
    `${question}\n`,
  );
  const answerHtml = answer
    .split(/(?<=\.) /)
    .map((s) => `<p>${s}</p>`)
    .join('\n');
  const replaced = withQuestion.replace(
    /(<div\s+class="markdown prose"\s+data-fixture-stream[^>]*>)[\s\S]*?(<\/div>\s*<\/div>\s*<\/div>\s*<div class="z-0)/,
    `$1\n${answerHtml}\n$2`,
  );
  if (replaced === withQuestion) throw new Error(`${FIXTURE} changed shape; update this bench`);
  return replaced;
}

export async function benchHighlightSpeed(
  runs = 4,
  log: (line: string) => void = console.log,
  streamMs = 0,
  serverDelayMs = DEFAULT_SERVER_DELAY_MS,
): Promise<HighlightSpeed> {
  const tick = 40;
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-bench-'));
  mkdirSync(join(root, 'sites', 'chatgpt'), { recursive: true });
  copyFileSync('tests/fixtures/sites/stream.js', join(root, 'sites', 'stream.js'));
  const passages: Passage[] = [];
  for (let i = 0; i < runs; i++) {
    // Seeds below 500 give every sentence its own year (syntheticText's years repeat every 500
    // seeds): with seeds 1000 apart, a third of a run's sentences were cached from the last run.
    const seed = 10 * (i + 1);
    writeFileSync(
      join(root, 'sites', 'chatgpt', `conversation-${i}.html`),
      conversationPage(i, syntheticText(seed)),
    );
    passages.push({
      person: `Vellmar${i}`,
      keywords: [`vellmar${i}`],
      samples: Array.from({ length: SAMPLES }, (_, s) => syntheticText(seed + s + 1)),
    });
  }
  const fixtures = await startFixtureServer(root);
  const llm = await startLlmServer({ delayMs: serverDelayMs, passages });
  const browser = await launchWithExtension('dist/test/chrome');
  try {
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const chars = syntheticText(10 * (i + 1)).length;
      const stream =
        streamMs > 0
          ? `tick=${tick}&chunk=${Math.max(1, Math.ceil(chars / (streamMs / tick)))}`
          : 'tick=10&chunk=200';
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
      await options.selectOption('#preset', 'custom');
      await options.fill('#base-url', `${llm.url}/v1`);
      await options.fill('#model', `bench-model-${i}`);
      await options.getByRole('button', { name: 'Save' }).click();
      await options.getByText('Saved.').waitFor();
      await options.close();

      llm.resetStats();
      const page = await browser.context.newPage();
      await page.goto(
        fixtures.url(
          `/sites/chatgpt/conversation-${i}.html?crosscheck-site=chatgpt&stream=1&${stream}`,
        ),
      );
      const shownAt = await page
        .waitForFunction(
          () => {
            const raw = document.documentElement.getAttribute('data-crosscheck-test');
            const state = raw
              ? (JSON.parse(raw) as { highlights: number; run: { phase: string } | null })
              : null;
            if (state?.run?.phase === 'error') return `error: ${raw}`;
            return state?.run?.phase === 'done' && state.highlights > 0 ? Date.now() : false;
          },
          undefined,
          { polling: 'raf', timeout: 60_000 },
        )
        .then((handle) => handle.jsonValue())
        .catch(async (error: unknown) => {
          const state = await page.getAttribute('html', 'data-crosscheck-test');
          throw new Error(`no highlights; content state ${state}`, { cause: error });
        });
      if (typeof shownAt !== 'number') throw new Error(String(shownAt));
      const sampled = llm.requests.reduce((n, r) => n + r.n, 0);
      if (sampled < SAMPLES) throw new Error(`only ${sampled} samples were asked for`);
      const lastSampleAt = Math.max(...llm.requests.map((r) => r.receivedAt)) + serverDelayMs;
      timings.push(shownAt - lastSampleAt);
      await page.close();
    }
    const warm = timings.slice(1);
    const result = { firstMs: timings[0]!, warmMs: median(warm), warmRuns: warm.length };
    log(
      `last sample → highlights shown (~300-word answer streamed in ~${streamMs || 100} ms, ${SAMPLES} samples answered after ${serverDelayMs} ms, headless Chromium, target ≤ 500 ms)`,
    );
    log(`  first check after browser start: ${result.firstMs.toFixed(0)} ms`);
    log(
      `  later checks: ${result.warmMs.toFixed(0)} ms (median of ${result.warmRuns}; all: ${warm.map((t) => t.toFixed(0)).join(', ')})`,
    );
    return result;
  } finally {
    await browser.close();
    await llm.stop();
    await fixtures.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchHighlightSpeed(
    Number(process.argv[2] ?? 4),
    console.log,
    Number(process.argv[3] ?? 0),
    Number(process.argv[4] ?? DEFAULT_SERVER_DELAY_MS),
  );
}
