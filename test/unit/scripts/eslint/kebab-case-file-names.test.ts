/**
 * The kebab-case file name rule, through the project's own ESLint config: a camelCase or
 * PascalCase file or folder under src/, webview/ or test/ fails lint, naming the fix.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..', '..');

/** The rule's messages for a file at this path (relative to the repository root). */
async function fileNameErrors(path: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: join(root, 'eslint.config.mjs'),
    // These paths exist in no tsconfig: lint them untyped, the rule needs no types.
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
  const [result] = await eslint.lintText('export const answer = 42;\n', { filePath: join(root, path) });
  assert.ok(result, 'ESLint linted the text');
  const fatal = result.messages.filter((message) => message.fatal === true);
  assert.deepEqual(fatal, [], 'the text parses');
  return result.messages.filter((message) => message.ruleId === 'local/kebab-case-file-names').map((message) => message.message);
}

describe('lint rule: kebab-case file names', () => {
  it('fails a camelCase file name under src/ and says what to call it', async () => {
    assert.deepEqual(await fileNameErrors('src/core/badName.ts'), ['"badName.ts" in src/core/badName.ts is not kebab-case: name it "bad-name.ts".']);
  });

  it('fails PascalCase files and folders under webview/ and test/', async () => {
    assert.deepEqual(await fileNameErrors('webview/MappingScreen.ts'), ['"MappingScreen.ts" in webview/MappingScreen.ts is not kebab-case: name it "mapping-screen.ts".']);
    assert.deepEqual(await fileNameErrors('test/unit/jobStore/store.test.ts'), ['"jobStore" in test/unit/jobStore/store.test.ts is not kebab-case: name it "job-store".']);
  });

  it('passes kebab-case names, test and ui suffixes included', async () => {
    assert.deepEqual(await fileNameErrors('src/core/import/mapping-screen/mapping-session.ts'), []);
    assert.deepEqual(await fileNameErrors('test/unit/core/jobs/job-poller-sandbox.test.ts'), []);
    assert.deepEqual(await fileNameErrors('test/ui/sign-in.ui.ts'), []);
  });

  it('leaves files outside src/, webview/ and test/ alone', async () => {
    assert.deepEqual(await fileNameErrors('bench/someBench.ts'), []);
  });
});
