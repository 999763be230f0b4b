import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  { files: ['src/core/**', 'src/sandbox/**', 'src/shared/**', 'bench/**', 'scripts/**', 'test/unit/**', 'test/webview/**'], rules: noVscode },
  { files: ['webview/**'], rules: noNode },
);
