export { parseCsv, parseCsvRecords } from './csv';
export * from './divisions';
export * from './dictionaries';
export * from './icd';
export { DictionaryIndex, type IndexHit, type IndexedEntry, type MatchKind } from './dictionary-index';
export { searchInitials } from './search-initials';
export { csvTable, readTable, looksGarbled, BAD_ENCODING_REASON, type ColumnSpec, type RawTable, type RejectedRow, type TableRow } from './import-table';
export { decodeTextFile, type TextFileEncoding } from './text-file';
export * from './drug-codes';
