import type { ClinicOrm } from '../orm';
import { statement } from './statements';

/** What an import records about the list it adds. */
export interface NewIcdVersion {
  readonly codeSystem: string;
  readonly version: string;
  readonly title: string;
  readonly source: string;
  readonly importedAt: string;
  readonly importedBy: string;
}

export interface IcdVersionRow extends NewIcdVersion {
  readonly id: number;
  readonly codeCount: number;
  readonly current: boolean;
}

export interface IcdCodeRow {
  readonly code: string;
  readonly name: string;
  readonly initials: string;
}

/** An ICD code as found in one version (resolving a stored diagnosis). */
export interface IcdCodeInVersion extends IcdCodeRow {
  readonly versionId: number;
}

const VERSION_COLUMNS =
  'id, code_system AS codeSystem, version, title, source, imported_at AS importedAt, imported_by AS importedBy, code_count AS codeCount, current';

type RawVersion = Omit<IcdVersionRow, 'current'> & { current: number };
const toVersion = (row: RawVersion): IcdVersionRow => ({ ...row, current: row.current === 1 });

export function icdQueries(db: ClinicOrm) {
  const sqlite = db.$client;
  return {
    versions(): IcdVersionRow[] {
      return statement<[], RawVersion>(db, `SELECT ${VERSION_COLUMNS} FROM icd_versions ORDER BY id`).all().map(toVersion);
    },

    currentVersion(codeSystem: string): IcdVersionRow | null {
      const row = statement<[string], RawVersion>(
        db,
        `SELECT ${VERSION_COLUMNS} FROM icd_versions WHERE code_system = ? AND current = 1 ORDER BY id DESC LIMIT 1`,
      ).get(codeSystem);
      return row ? toVersion(row) : null;
    },

    codesOf(versionId: number): IcdCodeRow[] {
      return statement<[number], IcdCodeRow>(db, 'SELECT code, name, initials FROM icd_codes WHERE version_id = ? ORDER BY code').all(versionId);
    },

    /** The code in every version of its system that has it, newest version first. */
    findCode(codeSystem: string, code: string): IcdCodeInVersion[] {
      return statement<[string, string], IcdCodeInVersion>(
        db,
        `SELECT c.version_id AS versionId, c.code, c.name, c.initials FROM icd_codes c JOIN icd_versions v ON v.id = c.version_id
         WHERE c.code = ? AND v.code_system = ? ORDER BY c.version_id DESC`,
      ).all(code, codeSystem);
    },

    /** Codes of `versionId` that are not in `otherVersionId` (what a new version retires or adds). */
    countMissingFrom(versionId: number, otherVersionId: number): number {
      return statement<[number, number], { n: number }>(
        db,
        'SELECT count(*) AS n FROM icd_codes a WHERE a.version_id = ? AND NOT EXISTS (SELECT 1 FROM icd_codes b WHERE b.version_id = ? AND b.code = a.code)',
      ).get(versionId, otherVersionId)!.n;
    },

    /**
     * A whole list as a new current version, in one transaction with prepared statements: either
     * every code is stored and the version becomes current, or nothing changes.
     */
    addVersion(version: NewIcdVersion, codes: ReadonlyArray<IcdCodeRow>): IcdVersionRow {
      const insertVersion = sqlite.prepare(
        `INSERT INTO icd_versions (code_system, version, title, source, imported_at, imported_by, code_count, current)
         VALUES (@codeSystem, @version, @title, @source, @importedAt, @importedBy, @codeCount, 1)`,
      );
      const retireOthers = sqlite.prepare('UPDATE icd_versions SET current = 0 WHERE code_system = ? AND id <> ?');
      const insertCode = sqlite.prepare('INSERT INTO icd_codes (version_id, code, name, initials) VALUES (?, ?, ?, ?)');
      return sqlite.transaction(() => {
        const id = Number(insertVersion.run({ ...version, codeCount: codes.length }).lastInsertRowid);
        for (const code of codes) insertCode.run(id, code.code, code.name, code.initials);
        retireOthers.run(version.codeSystem, id);
        return { id, ...version, codeCount: codes.length, current: true };
      })();
    },

    /** Runs `work` in one transaction (nested calls become savepoints). */
    transaction<T>(work: () => T): T {
      return sqlite.transaction(work)();
    },

    crosswalkCount(): number {
      return statement<[], { n: number }>(db, 'SELECT count(*) AS n FROM icd_crosswalk').get()!.n;
    },

    replaceCrosswalk(pairs: ReadonlyArray<{ glCode: string; ybCode: string }>): void {
      const insert = sqlite.prepare('INSERT INTO icd_crosswalk (gl_code, yb_code) VALUES (?, ?)');
      sqlite.transaction(() => {
        sqlite.prepare('DELETE FROM icd_crosswalk').run();
        for (const pair of pairs) insert.run(pair.glCode, pair.ybCode);
      })();
    },

    /** The 医保版 code a 国临版 code settles as, or null. */
    mapGlToYb(glCode: string): string | null {
      return statement<[string], { ybCode: string }>(db, 'SELECT yb_code AS ybCode FROM icd_crosswalk WHERE gl_code = ?').get(glCode)?.ybCode ?? null;
    },
  };
}
