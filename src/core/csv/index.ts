/** Reading CSV: the pre-flight (encoding, dialect, header, rows), validation and the upload copy. */
export { type CsvDialect, type CsvDelimiter, type CsvEncoding, type CsvNotice, type CsvNoticeCode, delimiterLabel, encodingLabel, needsUploadCopy } from './dialect';
export { MAX_UPLOAD_BYTES, PREVIEW_ROW_COUNT, describeSize } from './limits';
export { readFirstView, type FirstView, type FirstViewOptions, type PreviewRow } from './first-view';
export { type EncodingGuess, LOW_CONFIDENCE } from './encoding-detect';
export { looksLikeFormula, neutraliseFormula } from './formula-cells';
export { countDataRows } from './count-rows';
export { runFullPass, type FormulaCells, type FullPassOptions, type FullPassResult, type RaggedRow } from './full-pass';
export { removeUploadCopy, uploadFileName } from './upload-copy';
export { validateRows, summarizeValidation, type ValidateRowsOptions, type ValidationReport, type ValidationItem } from './validate-rows';
export { type RowIssue, type RowIssueCode } from './row-checks';
export { formatCsvRow } from './csv-format';
export { isEmail, classifyLinkedIn, type LinkedInVerdict } from './value-checks';
