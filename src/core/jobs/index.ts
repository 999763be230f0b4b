/** The jobs feature's public surface: the store, the poller, and the words for a job. */
export * from './job';
export { JobStore, JOBS_STORAGE_KEY, type JobChange, type JobStoreOptions, type NewExportJob, type NewImportJob, type NewPartsJob } from './job-store';
export { currentChildren, describeParts, needsRunning, nextPart, parentPatch, partLabel, partList, partTitle, partRowErrors, partStateOf, type ChildLookup } from './parent-job';
export { JobPoller, WrongConnectionError, goneMessage, type JobPollerOptions, type JobRemote, type PollTarget } from './job-poller';
export { FIRST_POLL_MS, firstPollDelay, nextPollDelay, type PollDelayPolicy, type PollOutcome } from './poll-delay';
export { importPatch, importStartPatch, exportPatch, metricsPatch } from './remote-state';
export { discoverRecentExports, discoverRecentImports, RECENT_EXPORTS_LIMIT, RECENT_IMPORTS_LIMIT, type ExportLister, type ImportLister } from './discover';
export { describeCounts, describeJob, finishedSentence, formatDuration, statusLabel } from './describe';
export { Emitter, type Disposable, type Event } from './emitter';
