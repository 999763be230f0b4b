import { fileURLToPath } from 'node:url';
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
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) } },
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
  {
    // Each domain word has one home (src/shared/vocabulary.ts, src/core/key-value-port.ts):
    // a second definition could drift from it without the compiler noticing.
    files: ['src/**/*.ts', 'webview/**/*.ts'],
    ignores: ['src/shared/vocabulary.ts', 'src/core/key-value-port.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        {
          selector: "TSUnionType:has(> TSLiteralType[literal.value='contacts']):has(> TSLiteralType[literal.value='companies'])",
          message: "Use RecordKind from src/shared/vocabulary.ts instead of spelling out 'contacts' | 'companies'.",
        },
        {
          selector: "ArrayExpression:has(> Literal[value='contacts']):has(> Literal[value='companies'])",
          message: 'Use RECORD_KINDS from src/shared/vocabulary.ts.',
        },
        {
          selector: ':matches(TSTypeAliasDeclaration, TSInterfaceDeclaration)[id.name=/^(RecordKind|ImportKind|JobEntity|ColumnMapping|ColumnSuggestion|IdentifierStatus|ImportStatus|ImportType|ExportStatus|ExportType|KeyValuePort)$/]',
          message: 'This word is defined once, in src/shared/vocabulary.ts (KeyValuePort: src/core/key-value-port.ts): import it from there.',
        },
      ],
    },
  },
  { files: ['src/core/**', 'src/sandbox/**', 'src/shared/**', 'bench/**', 'scripts/**', 'test/unit/**', 'test/webview/**'], rules: noVscode },
  { files: ['webview/**'], rules: noNode },
);
