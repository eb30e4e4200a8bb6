/** The 门诊日志 as a file: XLSX (exceljs) for the office, or CSV (UTF-8 with BOM, so Excel reads the Chinese). */
import ExcelJS from 'exceljs';
import type { LogRow } from '../../../shared/api';
import type { ClinicData } from '../clinic-data';
import { LOG_COLUMNS, outpatientLog, type LogRange } from './outpatient-log';

const csvCell = (value: string) => {
  // A cell starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function logCsv(rows: ReadonlyArray<LogRow>): string {
  const lines = [LOG_COLUMNS.map((c) => c.title), ...rows.map((row) => LOG_COLUMNS.map((c) => row[c.key]))];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export async function logXlsx(rows: ReadonlyArray<LogRow>, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('门诊日志');
  sheet.columns = LOG_COLUMNS.map((c) => ({ header: c.title, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.headerFooter.oddHeader = title;
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function exportLog(data: ClinicData, range: LogRange & { format: 'xlsx' | 'csv' }) {
  const { rows } = outpatientLog(data, range);
  const span = range.from === range.to ? range.from : `${range.from}至${range.to}`;
  if (range.format === 'csv') {
    const text = logCsv(rows);
    return {
      fileName: `门诊日志_${span}.csv`,
      contentType: 'text/csv; charset=utf-8',
      base64: Buffer.from(text, 'utf8').toString('base64'),
      rows: rows.length,
    };
  }
  const bytes = await logXlsx(rows, `门诊日志 ${span}`);
  return {
    fileName: `门诊日志_${span}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: bytes.toString('base64'),
    rows: rows.length,
  };
}
