/** The CSV pre-flight and mapping engine's public surface. */
export * from './catalogue';
export { type CsvDialect, type CsvDelimiter, type CsvEncoding, type CsvNotice, type CsvNoticeCode, delimiterLabel, encodingLabel, needsUploadCopy } from './dialect';
export { MAX_UPLOAD_BYTES, PREVIEW_ROW_COUNT, describeSize } from './limits';
export { readFirstView, type FirstView, type PreviewRow } from './first-view';
export { runFullPass, type FullPassOptions, type FullPassResult, type RaggedRow } from './full-pass';
export { removeUploadCopy, uploadFileName } from './upload-copy';
export { validateRows, summarizeValidation, type ValidateRowsOptions, type ValidationReport, type ValidationItem } from './validate-rows';
export { type RowIssue, type RowIssueCode } from './row-checks';
export { proposeMapping, type ColumnSuggestion, type MappingProposal, type ProposeMappingInput, type SuggestionSource } from './header-match';
export { checkMapping, checkApiColumns, fieldLabel, type IdentifierStatus, type MappingCheck, type MappingIssue, type MappingIssueCode } from './mapping-rules';
export { toApiColumns, fromApiColumns, type ApiColumns, type ColumnMapping } from './mapping';
export { MappingMemory, headerFingerprint, MAPPING_MEMORY_KEY, type KeyValuePort } from './mapping-memory';
export { formatCsvRow, formatCsvCell } from './csv-format';
export { isEmail, classifyLinkedIn, type LinkedInVerdict } from './value-checks';
