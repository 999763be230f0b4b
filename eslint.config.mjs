import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import local from './scripts/eslint/kebab-case-file-names.mjs';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: "'vscode' may only be imported under src/host/ and in src/extension.ts." }],
  }],
};

const noNode = {
  'no-restricted-imports': ['error', {
    paths: ['vscode', 'undici', 'papaparse'].map((name) => ({ name, message: 'Webview code runs in the browser and talks only to the host.' })),
    patterns: [{ group: ['node:*', '../src/core/*', '../src/host/*', '../src/sandbox/*'], message: 'Webview code runs in the browser and talks only to the host.' }],
  }],
};

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.tsbuild/', '.vscode-test/', 'media/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Typed rules: each file is checked in its own world's tsconfig (src/core, src/host,
    // webview, test, …), which the project service finds from the file's folder.
    files: ['src/**/*.ts', 'webview/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        // node:test's describe/it return promises the runner itself awaits.
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }],
      }],
    },
  },
  {
    files: ['src/**', 'webview/**', 'test/**'],
    plugins: { local },
    rules: { 'local/kebab-case-file-names': 'error' },
  },
  { files: ['src/core/**', 'src/sandbox/**', 'src/shared/**', 'bench/**', 'scripts/**', 'test/unit/**', 'test/webview/**'], rules: noVscode },
  { files: ['webview/**'], rules: noNode },
);
