/**
 * Every id that package.json `contributes` and the code share: commands, views, context
 * keys, settings, the webview panel type. Nothing else writes these strings; the unit
 * test test/unit/host/ids.test.ts checks this table and the manifest against each other
 * both ways. No `vscode` import, so plain Node tests can read it.
 */

/** Command ids by feature. The doc comment of each feature's commands file lists its arguments. */
export const COMMANDS = {
  connection: {
    signIn: 'getsales.signIn',
    signOut: 'getsales.signOut',
    trySandbox: 'getsales.trySandbox',
    disconnect: 'getsales.disconnect',
    showLogs: 'getsales.showLogs',
    checkApiCompatibility: 'getsales.checkApiCompatibility',
  },
  jobs: {
    refresh: 'getsales.jobs.refresh',
    clearFinished: 'getsales.jobs.clearFinished',
    refreshJob: 'getsales.jobs.refreshJob',
    retry: 'getsales.jobs.retry',
    remove: 'getsales.jobs.remove',
    copyUuid: 'getsales.jobs.copyUuid',
    reveal: 'getsales.jobs.reveal',
  },
  /** Keyed by entity where there is one per entity, so `COMMANDS.import[kind]` picks it. */
  import: {
    contacts: 'getsales.importContacts',
    companies: 'getsales.importCompanies',
    showErrors: 'getsales.import.showErrors',
    importFixedRows: 'getsales.import.importFixedRows',
    openSource: 'getsales.import.openSource',
    cancelParts: 'getsales.import.cancelParts',
  },
  export: {
    contacts: 'getsales.exportContacts',
    companies: 'getsales.exportCompanies',
    contactsFromCsv: 'getsales.exportContactsFromCsv',
    downloadAndOpen: 'getsales.export.downloadAndOpen',
    openAgain: 'getsales.export.openAgain',
    revealDownload: 'getsales.export.revealDownload',
    cancel: 'getsales.export.cancel',
  },
} as const;

type Values<T> = T[keyof T];
export type CommandId = Values<{ [Feature in keyof typeof COMMANDS]: Values<(typeof COMMANDS)[Feature]> }>;

/** Every command id in the table, for the manifest check. */
export function allCommandIds(): CommandId[] {
  return Object.values(COMMANDS).flatMap((feature): CommandId[] => Object.values(feature));
}

/** The name errors of activation are reported under (not a contributed command). */
export const ACTIVATION = 'getsales.activate';

export const VIEWS = {
  jobs: 'getsales.jobs',
} as const;

/** VS Code's own command that reveals and focuses a view. */
export const FOCUS_JOBS_VIEW = `${VIEWS.jobs}.focus`;

/** Context keys the manifest's `when` clauses read. */
export const CONTEXT_KEYS = {
  /** signedOut | account | sandbox */
  mode: 'getsales.mode',
  connected: 'getsales.connected',
  hasJobs: 'getsales.hasJobs',
} as const;

/** `contributes.configuration`: each setting is `${SETTINGS_SECTION}.${key}`. */
export const SETTINGS_SECTION = 'getsales';
export const SETTING_KEYS = ['apiBaseUrl', 'downloadFolder', 'pollIntervalSeconds', 'notifyOnCompletion', 'showMappingInEditor'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Status bar items (VS Code keeps the user's choice to hide one under its id). */
export const STATUS_BAR_ITEMS = {
  jobs: 'getsales.jobs.status',
  sandbox: 'getsales.connection.status',
} as const;

/** The mapping screen's panel type; `onWebviewPanel:<it>` in activationEvents revives it after a reload. */
export const MAPPING_VIEW_TYPE = 'getsalesCsv.mapping';
