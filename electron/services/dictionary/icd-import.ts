/**
 * An administrator's import of an official ICD list (国家临床版 2.0 or 医保版 2.0) as a new version:
 * preview first (what was read, counts, the first rows, every rejected row and why), then apply
 * exactly what the preview showed, in one transaction. Old versions stay; codes missing from the
 * new list become retired, never deleted or renamed.
 */
import { ApiFailure } from '../../../shared/api';
import { type IcdCodeSystem, type RejectedRow, checkIcdList, searchInitials, ICD_CODE_SYSTEM_LABELS } from '../../../shared/codes';
import type { IcdCodeRow, IcdVersionRow } from '../../../db/queries';
import type { IcdDictionary } from './icd-dictionary';
import { readImportFile } from './import-file';
import { type ImportProgress, PendingImports, yieldToEventLoop } from './pending-imports';

/** Rejected rows listed in the preview; the count covers them all. */
const REJECTED_SHOWN = 500;
const FIRST_ROWS = 10;

export interface IcdImportRequest {
  readonly codeSystem: IcdCodeSystem;
  readonly version: string;
  readonly title: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface IcdImportPreview {
  readonly token: string;
  readonly codeSystem: IcdCodeSystem;
  readonly version: string;
  readonly title: string;
  readonly readAs: string;
  readonly counts: {
    readonly accepted: number;
    readonly rejected: number;
    /** Codes not in the current version of the system. */
    readonly added: number;
    /** Codes of the current version that this list lacks: they will be retired. */
    readonly retired: number;
    /** Codes in both whose name differs. */
    readonly renamed: number;
  };
  readonly firstRows: Array<{ readonly code: string; readonly name: string }>;
  readonly rejected: RejectedRow[];
}

interface PendingIcd {
  readonly request: Omit<IcdImportRequest, 'bytes'>;
  readonly codes: ReadonlyArray<IcdCodeRow>;
}

export class IcdImports {
  private readonly pending = new PendingImports<PendingIcd>();

  constructor(
    private readonly dictionary: IcdDictionary,
    private readonly progress: ImportProgress,
  ) {}

  async preview(request: IcdImportRequest): Promise<IcdImportPreview> {
    const { codeSystem, version } = request;
    if (this.dictionary.versions().some((v) => v.codeSystem === codeSystem && v.version === version)) {
      const message = `${ICD_CODE_SYSTEM_LABELS[codeSystem]} 已经有版本“${version}”，请填写新的版本号（例如加上修订日期）。`;
      throw new ApiFailure('DUPLICATE', message, [{ path: 'version', message }]);
    }
    this.progress.set('reading');
    try {
      const file = await readImportFile(request.fileName, request.bytes);
      const checked = checkIcdList(file.table);
      if (!checked.ok) throw new ApiFailure('VALIDATION_FAILED', checked.message, [{ path: 'file', message: checked.message }]);
      const codes: IcdCodeRow[] = [];
      for (const [i, entry] of checked.entries.entries()) {
        codes.push({ ...entry, initials: searchInitials(entry.name) });
        if (i % 2000 === 1999) {
          this.progress.set('checking', i + 1, checked.entries.length);
          await yieldToEventLoop();
        }
      }
      const counts = { accepted: codes.length, rejected: checked.rejected.length, ...this.compare(codeSystem, codes) };
      const { bytes: _bytes, ...kept } = request;
      const token = this.pending.put({ request: kept, codes });
      return {
        token,
        codeSystem,
        version,
        title: request.title,
        readAs: file.readAs,
        counts,
        firstRows: codes.slice(0, FIRST_ROWS).map(({ code, name }) => ({ code, name })),
        rejected: checked.rejected.slice(0, REJECTED_SHOWN),
      };
    } finally {
      this.progress.set('idle');
    }
  }

  /** Stores the previewed list as the new current version (one transaction) and re-indexes it. */
  apply(token: string, actor: string, now: Date = new Date()): IcdVersionRow {
    const { request, codes } = this.pending.take(token);
    this.progress.set('saving', 0, codes.length);
    try {
      const version = this.dictionary.store(
        {
          codeSystem: request.codeSystem,
          version: request.version,
          title: request.title,
          source: request.fileName,
          importedAt: now.toISOString(),
          importedBy: actor,
        },
        codes,
      );
      return version;
    } finally {
      this.progress.set('idle');
    }
  }

  private compare(codeSystem: IcdCodeSystem, codes: ReadonlyArray<IcdCodeRow>): { added: number; retired: number; renamed: number } {
    const current = this.dictionary.current(codeSystem);
    const before = new Map((current ? current.index.all() : []).map((e) => [e.code, e.name]));
    const incoming = new Set(codes.map((c) => c.code));
    let added = 0;
    let renamed = 0;
    for (const code of codes) {
      const name = before.get(code.code);
      if (name === undefined) added += 1;
      else if (name !== code.name) renamed += 1;
    }
    const retired = [...before.keys()].filter((code) => !incoming.has(code)).length;
    return { added, retired, renamed };
  }
}
