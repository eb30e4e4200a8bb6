/**
 * The part of every dictionary import that does not depend on the dictionary: finding the columns
 * by their header (Chinese or English names), and the rejected-row report. A file either has the
 * columns it needs or is refused as a whole; a row either passes or is listed with its reason.
 */
import { parseCsv } from './csv';
import { decodeTextFile, type TextFileEncoding } from './text-file';

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** Chinese label used in messages. */
  readonly label: string;
  /** Header texts accepted for this column, compared without spaces and case. */
  readonly aliases: ReadonlyArray<string>;
  readonly required: boolean;
}

/** A data row: its line number in the file (1 = header) and its cells by column key. */
export interface TableRow<K extends string> {
  readonly line: number;
  readonly cells: Readonly<Record<K, string>>;
}

export interface RejectedRow {
  readonly line: number;
  /** The row's key (a code) or its first cells, so the administrator can find it. */
  readonly text: string;
  readonly reason: string;
}

/** Raw cells of a file: rows as read from CSV or from a worksheet, `null` for an undecodable line. */
export type RawTable = ReadonlyArray<ReadonlyArray<string> | null>;

export type TableResult<K extends string> =
  | { readonly ok: true; readonly rows: ReadonlyArray<TableRow<K>>; readonly rejected: ReadonlyArray<RejectedRow> }
  | { readonly ok: false; readonly message: string };

export const BAD_ENCODING_REASON = '这一行的字符编码有误（乱码），请检查原文件';

const normalizeHeader = (text: string): string => text.replace(/[\s\u3000_（）()]/g, '').toLowerCase();

/** Rows of a CSV file's bytes, each line decoded on its own (see text-file.ts). */
export function csvTable(
  bytes: Uint8Array,
): { readonly ok: true; readonly table: RawTable; readonly encoding: TextFileEncoding } | { readonly ok: false; readonly message: string } {
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) return decoded;
  // Quoted fields may span lines; rejoin the decodable text and parse it, keeping broken lines as null.
  const table: Array<ReadonlyArray<string> | null> = [];
  let pending = '';
  for (const line of decoded.lines) {
    if (line === null) {
      if (pending === '') table.push(null);
      continue;
    }
    pending = pending === '' ? line : `${pending}\n${line}`;
    if ((pending.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const [row] = parseCsv(pending);
    table.push(row ?? ['']);
    pending = '';
  }
  if (pending !== '') return { ok: false, message: '文件在一个引号里结束了（引号不成对），请检查最后几行。' };
  return { ok: true, table, encoding: decoded.encoding };
}

/**
 * Finds the columns in the first non-empty row and returns the data rows by key. Refuses the file
 * when it is empty or a required column is missing, naming what it expected.
 */
export function readTable<K extends string>(table: RawTable, columns: ReadonlyArray<ColumnSpec<K>>): TableResult<K> {
  const firstIndex = table.findIndex((row) => row !== null && row.some((cell) => cell.trim() !== ''));
  if (firstIndex < 0) return { ok: false, message: '文件是空的，没有任何内容。' };
  const header = (table[firstIndex] ?? []).map(normalizeHeader);
  const index = new Map<K, number>();
  for (const column of columns) {
    const at = header.findIndex((cell) => column.aliases.some((alias) => normalizeHeader(alias) === cell));
    if (at >= 0) index.set(column.key, at);
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  if (missing.length > 0) {
    const expected = missing.map((c) => `“${c.label}”（可写作 ${c.aliases.slice(0, 3).join(' / ')}）`).join('、');
    return { ok: false, message: `第一行表头缺少 ${expected} 列。请检查是不是选错了文件，或把表头改成这些名称。` };
  }
  const rows: Array<TableRow<K>> = [];
  const rejected: RejectedRow[] = [];
  for (let i = firstIndex + 1; i < table.length; i += 1) {
    const raw = table[i];
    const line = i + 1;
    if (raw === null) {
      rejected.push({ line, text: '', reason: BAD_ENCODING_REASON });
      continue;
    }
    if (raw.every((cell) => cell.trim() === '')) continue;
    const cells = {} as Record<K, string>;
    for (const column of columns) cells[column.key] = (raw[index.get(column.key) ?? -1] ?? '').trim();
    rows.push({ line, cells });
  }
  if (rows.length === 0 && rejected.length === 0) return { ok: false, message: '文件只有表头，没有数据行。' };
  return { ok: true, rows, rejected };
}

/** Text that shows lost characters: U+FFFD from a failed decode, `?` from a lossy re-encode, lone surrogates. */
export function looksGarbled(text: string): boolean {
  return /[\uFFFD?]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
