/**
 * The bundled model in Chrome's offscreen document runs in a pool of dedicated workers (one wasm
 * thread each): the workers start from the packaged build, load the model from the extension's
 * own files, share a call out between them and give back the vectors Node gives, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../helpers/chromium-extension.ts';
import { createNodeEmbedder } from '../../src/embedding/node-embedder.ts';
import { CONVERSION_SENTENCES } from '../unit/model-sentences.ts';

describe('embedding workers in Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension('dist/test/chrome');
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Dedicated workers anywhere in the browser (only the offscreen document starts any). */
  const workerTargets = async (): Promise<number> => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/icons/icon-16.png`);
    const cdp = await browser.context.newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    await page.close();
    return targetInfos.filter((t) => t.type === 'worker').length;
  };

  it('embeds in up to two workers and matches the Node vectors in order', async () => {
    expect(await workerTargets()).toBe(0);
    const texts = [...CONVERSION_SENTENCES];
    await browser.worker.evaluate('globalThis.__name ??= (f) => f');
    const vectors = await browser.worker.evaluate(async (all: string[]) => {
      const embed = async (batch: string[]): Promise<number[][]> => {
        const reply = (await chrome.runtime.sendMessage({
          crosscheck: 1,
          type: 'off/embed',
          payload: { texts: batch },
        })) as { ok: boolean; error?: string; value?: { vectors: number[][] } };
        if (!reply.ok) throw new Error(reply.error);
        return reply.value!.vectors;
      };
      await chrome.offscreen.createDocument({
        url: 'src/offscreen/index.html',
        reasons: [chrome.offscreen.Reason.WORKERS],
        justification: 'test',
      });
      // The first call loads the first worker's model; the second worker loads after it.
      const first = await embed(all.slice(0, 1));
      await new Promise((resolve) => setTimeout(resolve, 3000));
      return [...first, ...(await embed(all.slice(1)))];
    }, texts);

    const cores = await browser.worker.evaluate(() => navigator.hardwareConcurrency);
    expect(await workerTargets()).toBe(Math.min(2, cores));

    const node = createNodeEmbedder();
    const expected = await node.embed(texts);
    await node.dispose();
    expect(vectors).toHaveLength(texts.length);
    const cosines = vectors.map((v, i) => v.reduce((s, x, k) => s + x * expected[i]![k]!, 0));
    // As in embedding-wasm.test.ts: the int8 layers may round a last bit apart.
    expect(Math.min(...cosines)).toBeGreaterThan(0.9999);
  });
});
