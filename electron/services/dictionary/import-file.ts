/**
 * An uploaded dictionary file as rows of cells: CSV (UTF-8 or GB18030) or the first worksheet of
 * an XLSX workbook (exceljs). A file that is neither is refused as a whole, with a plain reason.
 */
import ExcelJS from 'exceljs';
import { ApiFailure } from '../../../shared/api';
import { csvTable, type RawTable } from '../../../shared/codes';

/** Over the 4 MB request cap once base64-encoded; official lists of code and name are about 1.5 MB. */
export const MAX_IMPORT_BYTES = 3 * 1024 * 1024;

export interface ImportTable {
  readonly table: RawTable;
  /** How the file was read, for the report: `CSV（UTF-8）`, `Excel 工作表“Sheet1”`. */
  readonly readAs: string;
}

const fail = (message: string): never => {
  throw new ApiFailure('VALIDATION_FAILED', message, [{ path: 'file', message }]);
};

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result);
  return '';
}

async function xlsxTable(bytes: Uint8Array): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail('这个文件不是有效的 Excel 工作簿（.xlsx）。如果是旧的 .xls 文件，请先用 Excel 或 WPS 另存为 .xlsx 或 CSV。');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fail('这个 Excel 工作簿里没有工作表。');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return { table, readAs: `Excel 工作表“${sheet.name}”` };
}

export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.length === 0) return fail('文件是空的（0 字节）。');
  if (bytes.length > MAX_IMPORT_BYTES) return fail('文件超过 3 MB。请只保留需要的列（如编码和名称）后另存为 CSV 再导入。');
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return xlsxTable(bytes);
  if (lower.endsWith('.xls')) return fail('不能读取旧的 .xls 格式。请用 Excel 或 WPS 另存为 .xlsx 或 CSV 后再导入。');
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return fail('只能导入 .csv 或 .xlsx 文件。');
  // A zip signature is a workbook renamed .csv: say so rather than report thousands of garbled rows.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return fail('这个文件其实是 Excel 工作簿，请把扩展名改回 .xlsx 后再导入。');
  const read = csvTable(bytes);
  if (!read.ok) return fail(read.message);
  return { table: read.table, readAs: `CSV（${read.encoding}）` };
}
