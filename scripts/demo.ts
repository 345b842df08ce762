/**
 * `npm run demo`: Crosscheck working end to end with no account and no key. Builds the extension
 * (local mode: it also runs on 127.0.0.1), starts the demo chat page and a replay backend that
 * answers with real recorded gpt-3.5-turbo samples (demo/data/PROVENANCE.md), configures that
 * backend through the options page as a user would, and opens Chromium on the demo page.
 *
 * With a display it opens a normal window and runs until Ctrl-C. Without one (or with
 * --headless) it asks one question, prints the findings, saves screenshots of the highlighted
 * answer and of an open card to test-artifacts/demo/, and exits.
 *
 * Options: --headless, --no-build, --question=<id> (default total-quality-management), --out=<folder>,
 * --wikibio=<n>: a long answer instead, the n-th WikiBio passage of the development data with its
 * real samples; headless, it also prints each sentence's human label beside its underline.
 * --dark and --width=<px> (headless) take the screenshots in the dark scheme or at that width.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startReplayServer, type ReplayServer } from '../demo/replay-server.ts';
import { COLOUR, NO_COLOUR, renderReport, wantsColour } from '../src/cli/render.ts';
import type { AnalysisReport } from '../src/core/types.ts';
import { shownFlags } from '../src/shared/report-reading.ts';
import type { RunStatus } from '../src/shared/run-status.ts';
import { outDirFor } from './build-flags.ts';
import { printLabelled, wikibioQuestion } from './demo-wikibio.ts';
import { CHROMIUM, QUIET_CHROMIUM_ARGS, extensionArgs } from './chromium.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const wikibioOption = option('wikibio');
const labelled = wikibioOption === undefined ? null : wikibioQuestion(Number(wikibioOption));
const question = labelled?.question.id ?? option('question') ?? 'total-quality-management';
const outDir = option('out') ?? 'test-artifacts/demo';
const extensionDir = resolve(outDirFor('chrome', 'local'));
const RUN_TIMEOUT_MS = 180_000;

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const step of cleanups.splice(0).reverse())
    await Promise.resolve(step()).catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log('\nStopping the demo…');
    void cleanUp().then(() => process.exit(0));
  });
}

function build(): void {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', '--mode=local', '--browser=chrome'],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('The build failed; see above.');
}

async function launch(): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'crosscheck-demo-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    // A long answer is screenshotted whole.
    viewport: headless
      ? { width: Number(option('width') ?? 1280), height: labelled ? 2000 : 900 }
      : null,
    colorScheme: args.includes('--dark') ? 'dark' : 'light',
    args: [...QUIET_CHROMIUM_ARGS, ...extensionArgs(extensionDir)],
  });
  cleanups.push(() => context.close());
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** What a user does once: pick "Other OpenAI-compatible server", enter the address, Save. */
async function configureBackend(
  context: BrowserContext,
  extensionId: string,
  replay: ReplayServer,
) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await options.selectOption('#preset', 'custom');
  await options.fill('#base-url', `${replay.url}/v1`);
  await options.fill('#model', 'gpt-3.5-turbo');
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByText('Saved.').waitFor({ timeout: 10_000 });
  await options.close();
}

async function waitForRun(worker: Worker, pageUrl: string): Promise<RunStatus> {
  const until = Date.now() + RUN_TIMEOUT_MS;
  let last = '';
  while (Date.now() < until) {
    const run = await worker.evaluate(async (url) => {
      const { tabs } = (await chrome.storage.session.get('tabs')) as {
        tabs?: Record<string, { url: string; run: { phase: string } }>;
      };
      return Object.values(tabs ?? {}).find((t) => t.url === url)?.run ?? null;
    }, pageUrl);
    const phase = run ? (run as RunStatus).phase : 'waiting';
    if (phase !== last) {
      console.log(`  … ${phase}`);
      last = phase;
    }
    if (run && (phase === 'done' || phase === 'error')) return run as RunStatus;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No result within ${RUN_TIMEOUT_MS / 1000} s`);
}

/** Hovers the first highlighted sentence so its card opens. */
async function openFirstCard(page: Page): Promise<boolean> {
  const point = await page.evaluate(() => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('crosscheck-')) continue;
      for (const range of highlight as Iterable<Range>) {
        const rect = range.getClientRects()[0];
        if (rect)
          return { x: rect.left + Math.min(10, rect.width / 2), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  });
  if (!point) return false;
  // A click opens the full card (a resting pointer only previews it).
  await page.mouse.click(point.x, point.y);
  // The overlay's shadow root is closed in this build, so there is nothing to wait on.
  await page.waitForTimeout(400);
  return true;
}

function printFindings(report: AnalysisReport): void {
  const style = wantsColour(process.stdout) ? COLOUR : NO_COLOUR;
  const shown = shownFlags(report);
  const likely = shown.filter((f) => f.level === 'likely').length;
  console.log(
    `\nFindings: ${shown.length} sentence(s) underlined (${likely} likely wrong, ${shown.length - likely} uncertain), consensus: answer ${report.consensus.index} (${report.consensus.index === 0 ? 'the chatbot’s answer' : `sample ${report.consensus.index}`})\n`,
  );
  console.log(renderReport(report, style));
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) build();
  const replay = await startReplayServer({
    port: 0,
    delayMs: headless ? 150 : 600,
    extraQuestions: labelled ? [labelled.question] : [],
  });
  cleanups.push(() => replay.close());
  const { context, worker, extensionId } = await launch();
  await configureBackend(context, extensionId, replay);

  const page = await context.newPage();
  const pageUrl = `${replay.url}/?crosscheck-site=demo${headless ? `&q=${question}&fast=1` : ''}`;
  await page.goto(pageUrl);

  if (!headless) {
    console.log(`\nCrosscheck demo: ${pageUrl}`);
    console.log('Pick a question in the Chromium window; Crosscheck highlights where the recorded');
    console.log('samples disagree. Press Ctrl-C here to stop.');
    await new Promise<void>((done) => context.on('close', () => done()));
    return;
  }

  console.log(`Asking the demo question "${question}"…`);
  const run = await waitForRun(worker, pageUrl);
  if (run.phase === 'error') throw new Error(`The run failed: ${run.message}`);
  if (run.phase !== 'done') throw new Error(`Unexpected run phase ${run.phase}`);
  printFindings(run.report);
  if (labelled) printLabelled(run.report, labelled);

  mkdirSync(outDir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, 'highlighted-answer.png') });
  const opened = await openFirstCard(page);
  await page.screenshot({ path: join(outDir, 'card.png') });
  console.log(
    `\nScreenshots: ${join(outDir, 'highlighted-answer.png')}${opened ? `, ${join(outDir, 'card.png')}` : ' (no highlight to hover)'}`,
  );
}

main().then(cleanUp, async (error: unknown) => {
  console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
  await cleanUp();
  process.exitCode = 1;
});
