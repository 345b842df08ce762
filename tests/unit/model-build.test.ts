/**
 * The model build: the pinned source package check, the stamp cache, the files written, and the
 * small encoders it is made of (protobuf varints, float16).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { buildUseLite, STAMP_FILE } from '../../scripts/model/build-use-lite.ts';
import { float16BitsToFloat32, float32ToFloat16Bits } from '../../scripts/model/float16.ts';
import { ProtobufWriter } from '../../scripts/model/protobuf-writer.ts';
import {
  EXPECTED_SHA256,
  locateSourcePackage,
  verifySourcePackage,
} from '../../scripts/model/source-package.ts';

const temp = mkdtempSync(join(tmpdir(), 'crosscheck-model-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the source package with selected files replaced, to test the checks. */
function fakePackage(name: string, version: string, files: Record<string, string | null>): string {
  const dir = join(temp, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }));
  const real = join(locateSourcePackage(), 'dist');
  for (const file of Object.keys(EXPECTED_SHA256)) {
    const replacement = files[file];
    if (replacement === null) continue;
    if (replacement !== undefined) writeFileSync(join(dir, 'dist', file), replacement);
    else copyFileSync(join(real, file), join(dir, 'dist', file));
  }
  return dir;
}

describe('source package check', () => {
  it('accepts the installed, pinned package', () => {
    const source = verifySourcePackage(locateSourcePackage());
    expect(source.version).toBe('0.2.0');
    expect(source.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names each changed or missing file', () => {
    const dir = fakePackage('changed', '0.2.0', { 'vocab.json': '[]', 'group1-shard7of7': null });
    expect(() => verifySourcePackage(dir)).toThrow(
      /vocab\.json has sha256 [0-9a-f]{64}, expected 1ad860b9/,
    );
    expect(() => verifySourcePackage(dir)).toThrow(/group1-shard7of7 is missing/);
  });

  it('refuses another version of the package', () => {
    const dir = fakePackage('other-version', '0.3.0', {});
    expect(() => verifySourcePackage(dir)).toThrow(
      /version 0\.3\.0 but the model build is pinned to 0\.2\.0/,
    );
  });

  it('says how to install it when it is not there', () => {
    expect(() => locateSourcePackage(temp)).toThrow(/is not installed.*npm ci/s);
  });
});

describe('buildUseLite', () => {
  const outDir = join(temp, 'models', 'use-lite');

  it('writes a model transformers.js and onnxruntime accept, then skips when up to date', async () => {
    const first = buildUseLite({ outDir });
    expect(first.skipped).toBe(false);
    const config = JSON.parse(readFileSync(join(outDir, 'config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 512 });
    const tokenizer = JSON.parse(readFileSync(join(outDir, 'tokenizer.json'), 'utf8')) as {
      model: { type: string; unk_id: number; vocab: [string, number][] };
    };
    expect(tokenizer.model).toMatchObject({ type: 'Unigram', unk_id: 0 });
    expect(tokenizer.model.vocab).toHaveLength(8000);
    const tokenizerConfig = JSON.parse(
      readFileSync(join(outDir, 'tokenizer_config.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(tokenizerConfig['model_max_length']).toBe(128);

    const session = await ort.InferenceSession.create(join(outDir, 'onnx', 'model.onnx'));
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask']);
    expect(session.outputNames).toEqual(['last_hidden_state', 'sentence_embedding']);
    const ids = new ort.Tensor(
      'int64',
      BigInt64Array.from([341n, 4125n, 311n, 6n, 0n, 0n]),
      [2, 3],
    );
    const mask = new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n, 1n, 0n, 0n]), [2, 3]);
    const out = await session.run({ input_ids: ids, attention_mask: mask });
    expect(out['last_hidden_state']!.dims).toEqual([2, 3, 512]);
    const hidden = out['last_hidden_state']!.data as Float32Array;
    // Every position carries the same unit sentence vector.
    expect(Array.from(hidden.subarray(512, 1024))).toEqual(Array.from(hidden.subarray(0, 512)));
    expect(Math.hypot(...hidden.subarray(0, 512))).toBeCloseTo(1, 5);
    await session.release();

    expect(buildUseLite({ outDir }).skipped).toBe(true);
  });

  it('rebuilds when the stamp differs or a file is missing', () => {
    const stampPath = join(outDir, STAMP_FILE);
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(stampPath, JSON.stringify({ ...stamp, converterVersion: -1 }));
    expect(buildUseLite({ outDir }).skipped).toBe(false);
    rmSync(join(outDir, 'NOTICE'));
    expect(buildUseLite({ outDir }).skipped).toBe(false);
    expect(readFileSync(join(outDir, 'NOTICE'), 'utf8')).toMatch(/Apache License, Version 2\.0/);
  });

  it('stores weights in float16 at about half the float32 size', () => {
    const fp32 = buildUseLite({ outDir: join(temp, 'fp32', 'use-lite'), storage: 'float32' });
    const fp16 = buildUseLite({ outDir, force: true });
    expect(fp16.onnxBytes).toBeLessThan(fp32.onnxBytes * 0.55);
  });
});

describe('encoders', () => {
  it('writes protobuf varints, including negative int64 as ten bytes', () => {
    expect(Array.from(new ProtobufWriter().int64(1, 300).finish())).toEqual([0x08, 0xac, 0x02]);
    const negative = new ProtobufWriter().int64(1, -1).finish();
    expect(negative).toHaveLength(11);
    expect(negative[10]).toBe(0x01);
  });

  it('rounds float32 to the nearest float16, ties to even', () => {
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(-2)).toBe(0xc000);
    expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
    expect(float32ToFloat16Bits(1e6)).toBe(0x7c00);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(float32ToFloat16Bits(2 ** -26)).toBe(0x0000);
    // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties go to the even mantissa (1).
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    // Half a unit in the last place: relative 2^-11 for normal halves, absolute 2^-25 below 2^-14.
    for (const x of [0.1, -0.3333, 3.14159, 1e-5, 123.456]) {
      const bound = Math.max(Math.abs(x) * 2 ** -11, 2 ** -25);
      expect(Math.abs(float16BitsToFloat32(float32ToFloat16Bits(x)) - x)).toBeLessThanOrEqual(
        bound,
      );
    }
  });
});
