import Database from 'better-sqlite3';
import { openClinicDatabase } from '../../../../db/open';

export interface DatabaseContents {
  /** Every document's winning revision and body, by id. */
  readonly documents: ReadonlyArray<readonly [string, string, string]>;
  /** Every row of every table (store and projections), in key order. */
  readonly tables: Readonly<Record<string, ReadonlyArray<unknown>>>;
}

/** What a database holds, in a form two databases can be compared by (`toEqual`). */
export function contentsOf(file: string): DatabaseContents {
  const handle = openClinicDatabase(file, { slowQueryLog: false });
  const documents: Array<readonly [string, string, string]> = [];
  try {
    for (let since = 0; ;) {
      const page = handle.store.changes({ since, limit: 500, includeDocs: true });
      for (const row of page.results) {
        documents.push([row.id, row.doc?._rev ?? '', JSON.stringify(row.doc ?? null)]);
        since = row.seq;
      }
      if (page.results.length < 500) break;
    }
  } finally {
    handle.close();
  }
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    const tables: Record<string, unknown[]> = {};
    // Rows in a fixed order whatever the table's width (the full-text index has one-column tables).
    for (const name of names) {
      const rows = db.prepare(`SELECT * FROM "${name}"`).all();
      tables[name] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value))).sort();
    }
    return { documents: documents.sort((a, b) => a[0].localeCompare(b[0])), tables };
  } finally {
    db.close();
  }
}
