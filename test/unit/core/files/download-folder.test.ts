/** Where downloads go: every form of the getsales.downloadFolder setting, with and without a workspace. */
import { strict as assert } from 'node:assert';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_DOWNLOAD_SUBFOLDER, resolveDownloadFolder } from '../../../../src/core/files/download-folder';

const WORKSPACE = '/work/project';
const STORAGE = '/home/ada/.vscode/globalStorage/getsales';
const HOME = '/home/ada';

describe('resolveDownloadFolder', () => {
  it('uses getsales-exports in the workspace folder when the setting is empty or blank', () => {
    assert.equal(DEFAULT_DOWNLOAD_SUBFOLDER, 'getsales-exports');
    assert.equal(resolveDownloadFolder({ setting: '', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), join(WORKSPACE, 'getsales-exports'));
    assert.equal(resolveDownloadFolder({ setting: '   ', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), join(WORKSPACE, 'getsales-exports'));
  });

  it("falls back to the extension's storage when no folder is open", () => {
    assert.equal(resolveDownloadFolder({ setting: '', workspaceFolder: undefined, storageFolder: STORAGE, home: HOME }), join(STORAGE, 'getsales-exports'));
    assert.equal(resolveDownloadFolder({ setting: 'out', workspaceFolder: undefined, storageFolder: STORAGE, home: HOME }), join(STORAGE, 'out'));
  });

  it('resolves a relative setting against the workspace folder, .. included', () => {
    assert.equal(resolveDownloadFolder({ setting: 'exports/csv', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), '/work/project/exports/csv');
    assert.equal(resolveDownloadFolder({ setting: '../shared', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), '/work/shared');
    assert.equal(resolveDownloadFolder({ setting: ' out ', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), '/work/project/out');
  });

  it('keeps an absolute setting, normalised', () => {
    assert.equal(resolveDownloadFolder({ setting: '/data/exports/', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), '/data/exports');
    assert.equal(resolveDownloadFolder({ setting: '/data/./a/../exports', workspaceFolder: undefined, storageFolder: STORAGE, home: HOME }), '/data/exports');
  });

  it('expands ~ and ~/ to the home folder, not the workspace', () => {
    assert.equal(resolveDownloadFolder({ setting: '~', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), HOME);
    assert.equal(resolveDownloadFolder({ setting: '~/Downloads/getsales', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), '/home/ada/Downloads/getsales');
  });

  it('does not treat ~name as the home folder', () => {
    assert.equal(resolveDownloadFolder({ setting: '~backup', workspaceFolder: WORKSPACE, storageFolder: STORAGE, home: HOME }), resolve(WORKSPACE, '~backup'));
  });

  it("uses the machine's home folder when none is given", () => {
    assert.equal(resolveDownloadFolder({ setting: '~/x', workspaceFolder: WORKSPACE, storageFolder: STORAGE }), join(homedir(), 'x'));
  });
});
