/**
 * Embedding speed where the extension really runs it in Chrome: the offscreen document, called
 * from the service worker over extension messaging (so the figures include that hop). Needs the
 * test build (`npm run build:test`). Cold load is document creation plus the first embedding.
 * Runnable alone: `npx tsx bench/speed-offscreen.ts`.
 */
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../tests/helpers/chromium-extension.ts';
import { benchmarkSentences } from './speed-embedding.ts';

export interface OffscreenSpeed {
  coldLoadMs: number;
  perSentenceBatch1Ms: number;
  perSentenceBatch32Ms: number;
  /** Extension pages (the offscreen document among them) are cross-origin isolated. */
  isolated: boolean;
  cores: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchOffscreenSpeed(
  rounds = 5,
  log: (line: string) => void = console.log,
): Promise<OffscreenSpeed> {
  const browser = await launchWithExtension('dist/test/chrome');
  try {
    const sentences = benchmarkSentences(1 + 64 * rounds);
    // tsx (esbuild keepNames) wraps named functions in __name(); give the worker a no-op one.
    await browser.worker.evaluate('globalThis.__name ??= (f) => f');
    const result = await browser.worker.evaluate(
      async ({ sentences, rounds }) => {
        // Distinct texts throughout: the embedder's cache must not answer for the model.
        let next = 0;
        const embed = async (texts: string[]): Promise<void> => {
          const reply = (await chrome.runtime.sendMessage({
            crosscheck: 1,
            type: 'off/embed',
            payload: { texts },
          })) as { ok: boolean; error?: string };
          if (!reply.ok) throw new Error(reply.error);
        };
        const t0 = performance.now();
        await chrome.offscreen.createDocument({
          url: 'src/offscreen/index.html',
          reasons: [chrome.offscreen.Reason.WORKERS],
          justification: 'benchmark',
        });
        await embed([sentences[next++]!]);
        const coldLoadMs = performance.now() - t0;
        const batch1: number[] = [];
        const batch32: number[] = [];
        for (let r = 0; r < rounds; r++) {
          const start = performance.now();
          for (let i = 0; i < 32; i++) await embed([sentences[next++]!]);
          batch1.push((performance.now() - start) / 32);
        }
        for (let r = 0; r < rounds; r++) {
          const chunk = sentences.slice(next, next + 32);
          next += 32;
          const start = performance.now();
          await embed(chunk);
          batch32.push((performance.now() - start) / 32);
        }
        return { coldLoadMs, batch1, batch32 };
      },
      { sentences, rounds },
    );
    // The offscreen document is not a page playwright can reach; every extension page gets the
    // same COOP/COEP headers, so an options page answers for it.
    const probe = await browser.context.newPage();
    await probe.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    const { isolated, cores } = await probe.evaluate(() => ({
      isolated: globalThis.crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
    }));
    await probe.close();
    const speed = {
      isolated,
      cores,
      coldLoadMs: result.coldLoadMs,
      perSentenceBatch1Ms: median(result.batch1),
      perSentenceBatch32Ms: median(result.batch32),
    };
    log(
      `embedding speed (use-lite, headless Chromium, offscreen document, wasm SIMD, ` +
        `threads as src/embedding/extension-embedder.ts sets; ${speed.cores} cores; ` +
        `cross-origin isolated: ${isolated ? 'yes' : 'no'})`,
    );
    log(
      `  cold load (create document + model + first sentence): ${speed.coldLoadMs.toFixed(0)} ms`,
    );
    log(`  batch of 1:  ${speed.perSentenceBatch1Ms.toFixed(2)} ms/sentence (median of ${rounds})`);
    log(
      `  batch of 32: ${speed.perSentenceBatch32Ms.toFixed(2)} ms/sentence (median of ${rounds})`,
    );
    return speed;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchOffscreenSpeed();
}
