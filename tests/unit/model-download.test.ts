/**
 * The pure parts of optional embedding models: the catalogue, where downloads come from and what
 * permission they need, the wording of failures, and how progress events become the state the
 * options page shows. The download itself runs in tests/e2e/model-download.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_MODEL_ID,
  MODEL_CATALOGUE,
  TEST_MODELS,
  findModel,
  selectableModels,
} from '../../src/shared/model-catalogue.ts';
import {
  HUB_HOST,
  hostLabel,
  hostPermissionsFor,
  resolveModelHost,
} from '../../src/shared/model-host.ts';
import type { EmbeddingLoadProgress } from '../../src/shared/model-download.ts';
import {
  applyProgress,
  describeDownloadError,
  isWorthReporting,
  thinProgress,
  type ModelDownloadState,
} from '../../src/shared/model-download.ts';
import { REQUEST_CHECKS } from '../../src/shared/messages.ts';

describe('model catalogue', () => {
  it('lists the bundled model first, then remote hub models with unique ids', () => {
    expect(MODEL_CATALOGUE[0]).toMatchObject({ id: BUNDLED_MODEL_ID, source: 'bundled' });
    expect(MODEL_CATALOGUE.filter((m) => m.source === 'bundled')).toHaveLength(1);
    const ids = selectableModels(true).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const model of MODEL_CATALOGUE.slice(1)) {
      expect(model.source).toBe('remote');
      expect(model.id).toMatch(/^[\w-]+\/[\w.-]+$/);
      expect(model.downloadBytes).toBeGreaterThan(0);
      expect(model.dimensions).toBeGreaterThan(0);
    }
    expect(findModel('Xenova/all-MiniLM-L6-v2', false)?.dimensions).toBe(384);
    expect(findModel('Xenova/multilingual-e5-small', false)?.textPrefix).toBe('query: ');
  });

  it('offers the test model only when asked to', () => {
    expect(selectableModels(false)).toEqual(MODEL_CATALOGUE);
    expect(selectableModels(true)).toEqual([...MODEL_CATALOGUE, ...TEST_MODELS]);
  });
});

describe('model host', () => {
  it('uses the hub unless a test build names another host', () => {
    expect(resolveModelHost(undefined, true)).toBe(HUB_HOST);
    expect(resolveModelHost('http://127.0.0.1:4000/', false)).toBe(HUB_HOST);
    expect(resolveModelHost('http://127.0.0.1:4000/', true)).toBe('http://127.0.0.1:4000/');
    expect(resolveModelHost('not a url', true)).toBe(HUB_HOST);
    expect(resolveModelHost(42, true)).toBe(HUB_HOST);
  });

  it('asks for the hub and its download hosts, or just the test host', () => {
    expect(hostPermissionsFor(HUB_HOST)).toEqual(['https://huggingface.co/*', 'https://*.hf.co/*']);
    expect(hostPermissionsFor('http://127.0.0.1:4000/')).toEqual(['http://127.0.0.1/*']);
    expect(hostLabel(HUB_HOST)).toBe('huggingface.co');
    expect(hostLabel('http://127.0.0.1:4000/')).toBe('127.0.0.1:4000');
  });
});

describe('download errors', () => {
  it('says "are you offline?" when no server answered', () => {
    for (const reason of [
      'Could not load embedding model "x" from https://huggingface.co/: Failed to fetch',
      'NetworkError when attempting to fetch resource.',
      'fetch failed',
    ]) {
      const described = describeDownloadError('all-MiniLM-L6-v2', 'huggingface.co', reason);
      expect(described.error).toBe(
        'Could not download all-MiniLM-L6-v2 — are you offline? huggingface.co did not answer.',
      );
      expect(described.detail).toBe(reason);
    }
  });

  it('does not blame the network for other failures', () => {
    const described = describeDownloadError(
      'all-MiniLM-L6-v2',
      'huggingface.co',
      'Could not locate file: "https://huggingface.co/x/resolve/main/onnx/model_quantized.onnx".',
    );
    expect(described.error).toBe('Could not download all-MiniLM-L6-v2 from huggingface.co.');
    expect(described.error).not.toContain('offline');
  });
});

describe('download progress', () => {
  const progress = (file: string, value: number): EmbeddingLoadProgress => ({
    status: 'progress',
    file,
    progress: value,
  });

  it('passes status changes, new files and whole-percent steps only', () => {
    const forwarded: EmbeddingLoadProgress[] = [];
    const report = thinProgress((e) => forwarded.push(e));
    report({ status: 'initiate', file: 'config.json' });
    report(progress('onnx/model.onnx', 0.2));
    report(progress('onnx/model.onnx', 0.7));
    report(progress('onnx/model.onnx', 1.1));
    report({ status: 'progress_total', progress: 3 });
    report(progress('tokenizer.json', 1.5));
    report({ status: 'done', file: 'tokenizer.json' });
    expect(forwarded.map((e) => `${e.status} ${e.file} ${e.progress ?? ''}`)).toEqual([
      'initiate config.json ',
      'progress onnx/model.onnx 0.2',
      'progress onnx/model.onnx 1.1',
      'progress tokenizer.json 1.5',
      'done tokenizer.json ',
    ]);
    expect(isWorthReporting(null, progress('a', 5))).toBe(true);
  });

  it('turns events into the state the options page shows', () => {
    let state: Extract<ModelDownloadState, { phase: 'downloading' }> = {
      phase: 'downloading',
      modelId: 'm',
      file: null,
      progress: 0,
    };
    state = applyProgress(state, { status: 'initiate', file: 'onnx/model.onnx' });
    expect(state).toMatchObject({ file: 'onnx/model.onnx', progress: 0 });
    state = applyProgress(state, progress('onnx/model.onnx', 42.5));
    expect(state).toMatchObject({ file: 'onnx/model.onnx', progress: 42.5 });
    state = applyProgress(state, progress('onnx/model.onnx', 140));
    expect(state.progress).toBe(100);
    state = applyProgress(state, { status: 'ready' });
    expect(state.progress).toBe(100);
  });
});

describe('model messages', () => {
  it('checks download requests and offscreen model payloads', () => {
    expect(REQUEST_CHECKS['ui/model-download']({ modelId: 'Xenova/all-MiniLM-L6-v2' })).toBeNull();
    expect(REQUEST_CHECKS['ui/model-download']({ modelId: 3 })).toContain('modelId');
    expect(REQUEST_CHECKS['off/embed']({ texts: ['a'] })).toBeNull();
    expect(
      REQUEST_CHECKS['off/embed']({ texts: ['a'], model: { id: 'x', remoteHost: HUB_HOST } }),
    ).toBeNull();
    expect(REQUEST_CHECKS['off/embed']({ texts: ['a'], model: { id: 'x' } })).toContain(
      'remoteHost',
    );
    expect(
      REQUEST_CHECKS['off/model-progress']({
        modelId: 'x',
        event: { status: 'progress', progress: 5 },
      }),
    ).toBeNull();
    expect(
      REQUEST_CHECKS['off/model-progress']({ modelId: 'x', event: { status: 'exploded' } }),
    ).toContain('status');
  });
});
