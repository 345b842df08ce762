import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/cli/load-embedder.ts';

describe('loadEmbedder', () => {
  const empty = mkdtempSync(join(tmpdir(), 'crosscheck-no-model-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('says to run npm run build:model when the model is not built, with no fallback', async () => {
    await expect(loadEmbedder(empty)).rejects.toThrow(
      /embedding model is not built .*onnx\/model\.onnx.*Run `npm run build:model` first/,
    );
  });
});
