/**
 * The ICD-10 dictionary of this database: search for new diagnoses in the current version of a
 * code system, and resolution of any stored code against the version it was written with
 * (REGULATIONS.md CD-08: a historic code is never rewritten, a retired one still resolves).
 */
import { ApiFailure } from '../../../shared/api';
import type { IcdCodeRow, IcdQueries, IcdVersionRow, NewIcdVersion } from '../../../db/queries';
import { DictionaryIndex, type IcdCodeSystem, type MatchKind, normalizeIcdCode, normalizeIcdQuery } from '../../../shared/codes';
import { loadStarterIcd, readStarterFiles, type StarterFiles } from './icd-starter';

export interface IcdHit {
  readonly code: string;
  readonly name: string;
  readonly codeSystem: IcdCodeSystem;
  readonly version: string;
  readonly matchedBy: MatchKind;
}

export interface IcdResolved {
  readonly code: string;
  readonly name: string;
  readonly codeSystem: IcdCodeSystem;
  /** The version the code was found in: the one asked for, else the newest that has it. */
  readonly version: string;
  readonly versionTitle: string;
  /** Not in the current version of its system: kept for old records, refused for new diagnoses. */
  readonly retired: boolean;
  /** For a 国临版 code, the 医保版 code it settles as (CD-08), when the crosswalk knows it. */
  readonly settlementCode: string | null;
}

interface LoadedVersion {
  readonly version: IcdVersionRow;
  readonly index: DictionaryIndex<IcdCodeRow>;
}

export class IcdDictionary {
  private readonly loaded = new Map<string, LoadedVersion | null>();

  constructor(
    private readonly icd: IcdQueries,
    private readonly starter: () => StarterFiles = readStarterFiles,
  ) {}

  /** Loads the starter list into an empty database (once per installation). */
  ensureLoaded(): void {
    loadStarterIcd(this.icd, this.starter);
  }

  /** The current version of a system, indexed once and kept until a new version is imported. */
  current(codeSystem: IcdCodeSystem): LoadedVersion | null {
    this.ensureLoaded();
    if (!this.loaded.has(codeSystem)) {
      const version = this.icd.currentVersion(codeSystem);
      this.loaded.set(codeSystem, version ? { version, index: new DictionaryIndex(this.icd.codesOf(version.id)) } : null);
    }
    return this.loaded.get(codeSystem) ?? null;
  }

  /** Forgets the index of a system whose current version changed. */
  invalidate(codeSystem: IcdCodeSystem): void {
    this.loaded.delete(codeSystem);
  }

  search(query: string, codeSystem: IcdCodeSystem, limit: number): IcdHit[] {
    const current = this.current(codeSystem);
    if (!current) return [];
    return current.index.search(query, limit, normalizeIcdQuery).map(({ entry, matchedBy }) => ({
      code: entry.code,
      name: entry.name,
      codeSystem,
      version: current.version.version,
      matchedBy,
    }));
  }

  resolve(codeSystem: IcdCodeSystem, code: string, version?: string): IcdResolved | null {
    this.ensureLoaded();
    const normalized = normalizeIcdCode(code);
    const versions = new Map(this.icd.versions().map((v) => [v.id, v]));
    const all = this.icd.findCode(codeSystem, normalized);
    const found = all.filter((row) => version === undefined || versions.get(row.versionId)?.version === version);
    const settlementCode = codeSystem === 'gl2' ? this.icd.mapGlToYb(normalized) : null;
    const row = found[0];
    if (!row) {
      // No 国临版 list imported yet: the crosswalk still names the code, by its 医保版 name.
      if (codeSystem !== 'gl2' || settlementCode === null || version !== undefined) return null;
      const target = this.resolve('yb2', settlementCode);
      return target && { ...target, code: normalized, codeSystem, version: '2.0', versionTitle: '国家临床版2.0（名称取自医保版）', settlementCode };
    }
    const inVersion = versions.get(row.versionId)!;
    const currentId = this.current(codeSystem)?.version.id;
    const retired = !all.some((r) => r.versionId === currentId);
    return { code: row.code, name: row.name, codeSystem, version: inVersion.version, versionTitle: inVersion.title, retired, settlementCode };
  }

  /** A new current version of its system (one transaction); the next search re-indexes. */
  store(version: NewIcdVersion, codes: ReadonlyArray<IcdCodeRow>): IcdVersionRow {
    this.ensureLoaded();
    const stored = this.icd.addVersion(version, codes);
    this.invalidate(version.codeSystem as IcdCodeSystem);
    return stored;
  }

  /**
   * A code for a new diagnosis: it must be in the current version of its system. Unknown and
   * retired codes are refused in words the doctor can act on (CD-08: old records keep theirs).
   */
  requireCurrent(codeSystem: IcdCodeSystem, code: string): IcdResolved {
    const found = this.resolve(codeSystem, code);
    if (!found)
      throw new ApiFailure('VALIDATION_FAILED', `诊断编码 ${code} 不在 ICD-10 字典里，请从诊断查找中重新选择。`, [
        { path: 'code', message: '没有这个诊断编码' },
      ]);
    if (found.retired)
      throw new ApiFailure('VALIDATION_FAILED', `诊断编码 ${found.code}（${found.name}）在当前版本中已停用，请重新查找并选择现行编码。`, [
        { path: 'code', message: '这个编码已停用' },
      ]);
    return found;
  }

  /**
   * The versions on file. It does not load the starter list: the administrator's screen opens on
   * login, and loading blocks for a second or two; the first search or import loads it.
   */
  versions(): IcdVersionRow[] {
    return this.icd.versions();
  }
}

const dictionaries = new WeakMap<IcdQueries, IcdDictionary>();

/** One dictionary per database connection, so every caller shares the index. */
export function icdDictionaryOf(icd: IcdQueries): IcdDictionary {
  let dictionary = dictionaries.get(icd);
  if (!dictionary) dictionaries.set(icd, (dictionary = new IcdDictionary(icd)));
  return dictionary;
}
