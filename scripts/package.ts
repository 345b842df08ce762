/**
 * `npm run package`: zips dist/chrome and dist/firefox into store-ready archives in
 * dist/packages (run `npm run build` first) and prints each zip's size.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import webExt from 'web-ext';

const OUT = 'dist/packages';
mkdirSync(OUT, { recursive: true });
for (const browser of ['chrome', 'firefox'] as const) {
  const sourceDir = `dist/${browser}`;
  if (!existsSync(`${sourceDir}/manifest.json`)) {
    throw new Error(`${sourceDir} is not built: run npm run build first`);
  }
  const filename = `crosscheck-${browser}.zip`;
  await webExt.cmd.build(
    { sourceDir, artifactsDir: OUT, filename, overwriteDest: true },
    { shouldExitProgram: false },
  );
  const size = statSync(`${OUT}/${filename}`).size;
  console.log(`${OUT}/${filename}  ${(size / 1024 / 1024).toFixed(2)} MB`);
}
