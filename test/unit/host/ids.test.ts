// The id table and the manifest name the same commands, views, context keys and
// settings: an id missing on either side is a menu that does nothing or a command the
// user cannot reach.
import { describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_KEYS, MAPPING_VIEW_TYPE, SETTINGS_SECTION, SETTING_KEYS, VIEWS, allCommandIds } from '../../../src/host/ids';

interface Manifest {
  readonly activationEvents?: readonly string[];
  readonly contributes: {
    readonly commands: readonly { readonly command: string }[];
    readonly views: Readonly<Record<string, readonly { readonly id: string }[]>>;
    readonly viewsWelcome?: readonly { readonly view: string; readonly when?: string; readonly contents: string }[];
    readonly menus: Readonly<Record<string, readonly { readonly command: string; readonly when?: string }[]>>;
    readonly configuration: { readonly properties: Readonly<Record<string, unknown>> };
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const { contributes } = manifest;

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Every `when` clause of the manifest: menus and welcome content. */
function whenClauses(): string[] {
  const menuItems = Object.values(contributes.menus).flat();
  return [...menuItems, ...(contributes.viewsWelcome ?? [])].flatMap((item) => (item.when === undefined ? [] : [item.when]));
}

describe('the id table and package.json', () => {
  it('name the same commands', () => {
    assert.deepEqual(sorted(allCommandIds()), sorted(contributes.commands.map((entry) => entry.command)));
  });

  it('has no id twice', () => {
    const ids = allCommandIds();
    assert.equal(new Set(ids).size, ids.length);
  });

  it('menus and welcome links name only contributed commands', () => {
    const known = new Set<string>(allCommandIds());
    const inMenus = Object.values(contributes.menus).flat().map((item) => item.command);
    const inLinks = (contributes.viewsWelcome ?? []).flatMap((item) => [...item.contents.matchAll(/\(command:([\w.]+)\)/g)].map((match) => match[1] ?? ''));
    assert.deepEqual([...inMenus, ...inLinks].filter((id) => !known.has(id)), []);
  });

  it('name the same views', () => {
    const contributed = Object.values(contributes.views).flat().map((view) => view.id);
    assert.deepEqual(sorted(Object.values(VIEWS)), sorted(contributed));
    const inWhen = [...whenClauses().join(' ').matchAll(/\bview == ([\w.]+)/g)].map((match) => match[1] ?? '');
    const welcomed = (contributes.viewsWelcome ?? []).map((item) => item.view);
    assert.deepEqual(sorted([...inWhen, ...welcomed]), sorted(Object.values(VIEWS)));
  });

  it('use the same context keys in `when` clauses', () => {
    const views = new Set<string>(Object.values(VIEWS));
    const used = [...whenClauses().join(' ').matchAll(/\bgetsales\.\w+\b/g)].map((match) => match[0]).filter((key) => !views.has(key));
    assert.deepEqual(sorted(used), sorted(Object.values(CONTEXT_KEYS)));
  });

  it('name the same settings', () => {
    assert.deepEqual(sorted(SETTING_KEYS.map((key) => `${SETTINGS_SECTION}.${key}`)), sorted(Object.keys(contributes.configuration.properties)));
  });

  it('activate the extension for a mapping screen restored after a reload', () => {
    assert.ok(manifest.activationEvents?.includes(`onWebviewPanel:${MAPPING_VIEW_TYPE}`));
  });
});
