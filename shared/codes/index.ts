export { parseCsv, parseCsvRecords } from './csv';
export * from './divisions';
export * from './dictionaries';
