/** Mapping CSV columns to GetSales fields: the field catalogue, header matching, the rules and the memory. */
export * from './catalogue';
export { proposeMapping, withNote, type MappingProposal, type ProposeMappingInput } from './header-match';
export { checkMapping, checkApiColumns, fieldLabel, type MappingCheck, type MappingIssue, type MappingIssueCode } from './mapping-rules';
export { toApiColumns, fromApiColumns, type ApiColumns, type MappingOverride } from './column-mapping';
export { MappingMemory, headerFingerprint, MAPPING_MEMORY_KEY } from './mapping-memory';
export { readHeader, readHeaderLine, type HeaderAt, importLensTitle, mappedColumnsSummary, headerHints, type HeaderCell, type HeaderLine, type HeaderHint } from './header-line';
