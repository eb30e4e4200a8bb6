/**
 * A small RFC 4180 CSV reader for the code tables in shared/data (UTF-8, header row, written by
 * Python's csv module). Pure: it takes the text, so the main process can read the file from disk and
 * the renderer can receive it over IPC or bundle it.
 */

/** Rows of fields. Handles quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (quoted) throw new SyntaxError('CSV ends inside a quoted field');
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Records keyed by the header's column names. Throws when a required column is missing, so a
 * replaced or re-exported data file fails loudly at load time rather than as empty names later.
 */
export function parseCsvRecords<K extends string>(text: string, required: ReadonlyArray<K>, fileLabel: string): Array<Readonly<Record<K, string>>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${fileLabel}: file is empty`);
  const index = required.map((name) => header.indexOf(name));
  const missing = required.filter((_, i) => index[i] < 0);
  if (missing.length > 0) throw new Error(`${fileLabel}: missing column(s) ${missing.join(', ')}`);
  const records: Array<Readonly<Record<K, string>>> = [];
  for (const [n, row] of rows.entries()) {
    if (row.length === 1 && row[0] === '') continue; // blank line
    if (row.length !== header.length) throw new Error(`${fileLabel}: row ${n + 2} has ${row.length} fields, header has ${header.length}`);
    const record = {} as Record<K, string>;
    required.forEach((name, i) => {
      record[name] = row[index[i]];
    });
    records.push(record);
  }
  return records;
}
