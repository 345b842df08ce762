import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
      'no-restricted-imports': [
        'error',
        { patterns: ['webextension-polyfill', 'preact*', '../content/*', '../background/*'] },
      ],
    },
  },
);
