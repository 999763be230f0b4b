/** Mapping CSV columns to GetSales fields: the field catalogue, header matching, the rules and the memory. */
export * from './catalogue';
export { proposeMapping, type ColumnSuggestion, type MappingProposal, type ProposeMappingInput, type SuggestionSource } from './header-match';
export { checkMapping, checkApiColumns, fieldLabel, type IdentifierStatus, type MappingCheck, type MappingIssue, type MappingIssueCode } from './mapping-rules';
export { toApiColumns, fromApiColumns, type ApiColumns, type ColumnMapping, type MappingOverride } from './column-mapping';
export { MappingMemory, headerFingerprint, MAPPING_MEMORY_KEY, type KeyValuePort } from './mapping-memory';
