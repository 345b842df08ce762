/**
 * A downloaded embedding model in Firefox, whose event page hosts the model itself: the test
 * build is seeded (test-settings.json, see src/background/test-seed.ts) with a backend, the
 * remote test model as `embeddingModel`, and a 127.0.0.1 stand-in for the Hugging Face hub
 * serving the bundled model as `crosscheck-test/use-lite-remote`. A capture must finish, with the
 * model's files fetched from that server by transformers.js in Firefox. (Firefox's options page
 * cannot be driven from here; the Chromium test covers the download through the UI.)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL } from '../../src/shared/bundled-model.ts';
import { TEST_MODEL_HOST_KEY } from '../../src/shared/model-host.ts';
import { DEFAULT_MODELS_DIR } from '../../src/embedding/node-embedder.ts';
import { BROOKLYN_PASSAGE } from '../fixtures/pipeline/brooklyn-samples.ts';
import { localBackend, runFirefox, seedTestSettings } from '../helpers/firefox-extension.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { startLlmServer, type LlmServer } from '../helpers/llm-server.ts';
import { startModelHubServer, type ModelHubServer } from '../helpers/model-hub-server.ts';

const REPO = 'crosscheck-test/use-lite-remote';

describe('a downloaded embedding model in Firefox', () => {
  let fixtures: FixtureServer;
  let llm: LlmServer;
  let hub: ModelHubServer;
  let extension: string;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    llm = await startLlmServer({ passages: [BROOKLYN_PASSAGE] });
    hub = await startModelHubServer({
      repo: REPO,
      dir: join(DEFAULT_MODELS_DIR, BUNDLED_MODEL.modelId),
    });
    extension = mkdtempSync(join(tmpdir(), 'crosscheck-firefox-ext-'));
    cpSync('dist/test/firefox', extension, { recursive: true });
  });

  afterAll(async () => {
    await Promise.all([fixtures?.close(), llm?.stop(), hub?.close()]);
    rmSync(extension, { recursive: true, force: true });
  });

  it('checks an answer with the model fetched from the hub stand-in', async () => {
    const backend = localBackend(llm.url);
    seedTestSettings(extension, {
      backend,
      embeddingModel: { id: REPO },
      [TEST_MODEL_HOST_KEY]: hub.host,
    });
    const runner = await runFirefox(
      extension,
      fixtures.url('/sites/chatgpt/conversation.html?crosscheck-site=chatgpt&stream=1&beacon=1'),
    );
    try {
      const beacon = await fixtures.waitForBeacon((b) => {
        const state = JSON.parse(b.get('state') ?? '{}') as { run?: { phase: string } | null };
        return state.run?.phase === 'done' || state.run?.phase === 'error';
      }, 150_000);
      const state = JSON.parse(beacon.get('state') ?? '{}') as {
        run: { phase: string; message?: string };
      };
      expect(state.run, state.run.message).toMatchObject({ phase: 'done' });
      console.log(`hub requests from Firefox: ${hub.requests.join(', ')}`);
      expect(hub.requests).toContain(`GET /${REPO}/resolve/main/onnx/model.onnx`);
      expect(hub.requests).toContain(`GET /${REPO}/resolve/main/tokenizer.json`);
    } finally {
      runner.exit();
    }
  });
});
