/**
 * `npm run build`: the bundled model (cached), the onnxruntime wasm files, then the Chrome and
 * Firefox builds (`dist/chrome`, `dist/firefox`). `--mode=local` or `--mode=test` makes those
 * builds instead (`dist/<mode>/<browser>`, see build-flags.ts); `--browser=chrome|firefox`
 * builds one.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { outDirFor, parseBrowser, parseMode, type TargetBrowser } from './build-flags.ts';
import { ORT_WASM_FILES, onnxruntimeWebDistDir } from './model/onnxruntime-web-bundling.ts';

const args = process.argv.slice(2);
const mode = parseMode(args.find((a) => a.startsWith('--mode='))?.slice('--mode='.length));
const only = args.find((a) => a.startsWith('--browser='))?.slice('--browser='.length);
const browsers: TargetBrowser[] = only ? [parseBrowser(only)] : ['chrome', 'firefox'];

function run(command: string, commandArgs: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, commandArgs, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(' ')} failed with exit code ${result.status}`);
  }
}

/**
 * The plain SIMD build of onnxruntime-web (about half the size of the asyncify/JSEP builds, which
 * only WebGPU needs). Packaged with the extension: nothing is fetched from a CDN.
 */
function copyWasmRuntime(): void {
  const from = onnxruntimeWebDistDir();
  mkdirSync('public/ort', { recursive: true });
  for (const file of ORT_WASM_FILES) {
    if (!existsSync(`${from}/${file}`)) {
      throw new Error(`${from}/${file} is missing: run npm ci first`);
    }
    copyFileSync(`${from}/${file}`, `public/ort/${file}`);
  }
}

run(process.execPath, ['--import', 'tsx', 'scripts/build-model.ts']);
copyWasmRuntime();
for (const browser of browsers) {
  console.log(`\nbuilding ${outDirFor(browser, mode)}`);
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    TARGET_BROWSER: browser,
    CROSSCHECK_MODE: mode,
  });
}
