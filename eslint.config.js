import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Which folder of src/ may import which (also read by tests/unit/import-rules.test.ts). */
const LAYERS = JSON.parse(readFileSync(new URL('./src/layers.json', import.meta.url), 'utf8'));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One config block per folder and depth: a file `depth` folders below src/ reaches folder X
 * with exactly `depth` "../", so the pattern names X and nothing that merely shares its name.
 * Exceptions get a block of their own that lets through the one module they name.
 */
function layerRules() {
  const blocks = [];
  const folders = Object.keys(LAYERS.folders);
  const forbidden = (folder, depth, allow = []) => {
    const up = escape('../'.repeat(depth));
    const patterns = folders
      .filter((other) => other !== folder && !LAYERS.folders[folder].imports.includes(other))
      .map((other) => {
        const allowed = allow
          .filter((to) => to.startsWith(`${other}/`))
          .map((to) => `(?!${escape(to.slice(other.length + 1))}$)`)
          .join('');
        return {
          regex: `^${up}${escape(other)}/${allowed}`,
          message: `src/${folder} may not import src/${other} (src/layers.json).`,
        };
      });
    patterns.push({
      regex: `^${up}\\.\\./`,
      message: `src/${folder} may not import from outside src/.`,
    });
    if (LAYERS.folders[folder].packages.length > 0) {
      patterns.push({
        group: LAYERS.folders[folder].packages.flatMap((name) => [name, `${name}/*`]),
        message: `src/${folder} may not use this package (src/layers.json).`,
      });
    }
    return ['error', { patterns }];
  };
  for (const folder of folders) {
    for (let depth = 1; depth <= 4; depth++) {
      blocks.push({
        files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
        rules: { 'no-restricted-imports': forbidden(folder, depth) },
      });
    }
  }
  for (const exception of LAYERS.exceptions) {
    const [folder = ''] = exception.from.split('/');
    const depth = exception.from.split('/').length - 1;
    blocks.push({
      files: [`src/${exception.from}`],
      rules: { 'no-restricted-imports': forbidden(folder, depth, [exception.to]) },
    });
  }
  return blocks;
}

export default tseslint.config(
  {
    // Generated or copied at build time (model, onnxruntime), not our code.
    ignores: [
      'dist/**',
      'node_modules/**',
      'public/models/**',
      'public/ort/**',
      'test-artifacts/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core runs in Node, the extension and the CLI alike: no DOM, no extension API.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'navigator'],
    },
  },
  ...layerRules(),
);
