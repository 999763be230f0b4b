// ESLint rule: every folder and file name of a linted file, from the project root down,
// is kebab-case (`mapping-session.ts`, `job-poller-sandbox.test.ts`), so a camelCase or
// PascalCase name fails `npx eslint .` instead of waiting for a reviewer.
import { relative, sep } from 'node:path';

/** Lower-case words joined by '-', dot-separated parts allowed (`.test.ts`, `.d.ts`). */
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

export function kebabCase(name) {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
}

/** @type {import('eslint').Rule.RuleModule} */
export const kebabCaseFileNames = {
  meta: {
    type: 'suggestion',
    docs: { description: 'File and folder names are kebab-case.' },
    schema: [],
    messages: { notKebabCase: '"{{name}}" in {{path}} is not kebab-case: name it "{{suggestion}}".' },
  },
  create(context) {
    const path = relative(context.cwd, context.filename);
    // Files outside the project (lintText without a path) have nothing to hold to.
    if (path === '' || path.startsWith('..')) return {};
    return {
      Program(node) {
        for (const name of path.split(sep)) {
          if (KEBAB_CASE.test(name)) continue;
          context.report({
            node,
            loc: { line: 1, column: 0 },
            messageId: 'notKebabCase',
            data: { name, path: path.split(sep).join('/'), suggestion: kebabCase(name) },
          });
        }
      },
    };
  },
};

export default {
  meta: { name: 'getsales-local' },
  rules: { 'kebab-case-file-names': kebabCaseFileNames },
};
