import type { AntibioticGrade, DoseUnit, FrequencyCodeName, RouteCode } from '../../shared/codes/drug-codes';
import type { ClinicOrm } from '../orm';
import { statement } from './statements';

/** A drug as the prescription screen and the rules read it (shared/rx RxDrug plus defaults). */
export interface DrugRow {
  readonly code: string;
  readonly genericName: string;
  readonly initials: string;
  readonly form: string;
  readonly strengthValue: number;
  readonly strengthUnit: DoseUnit;
  readonly unit: string;
  readonly packageSize: number;
  readonly packageUnit: string;
  readonly drugClass: string | null;
  readonly defaultDose: number | null;
  readonly defaultDoseUnit: string | null;
  readonly defaultRoute: RouteCode | null;
  readonly defaultFrequency: FrequencyCodeName | null;
  readonly antibioticGrade: AntibioticGrade | null;
  readonly essential: boolean;
  readonly active: boolean;
}

const COLUMNS = `code, generic_name AS genericName, initials, form, strength_value AS strengthValue, strength_unit AS strengthUnit, unit,
  package_size AS packageSize, package_unit AS packageUnit, drug_class AS drugClass, default_dose AS defaultDose,
  default_dose_unit AS defaultDoseUnit, default_route AS defaultRoute, default_frequency AS defaultFrequency,
  antibiotic_grade AS antibioticGrade, essential, active`;

type RawDrug = Omit<DrugRow, 'essential' | 'active'> & { essential: number; active: number };
const toDrug = (row: RawDrug): DrugRow => ({ ...row, essential: row.essential === 1, active: row.active === 1 });

/** LIKE patterns take the query literally. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function drugQueries(db: ClinicOrm) {
  return {
    /**
     * Active drugs for what was typed: exact code, then initials prefix, then names containing the
     * text (names starting with it first), shorter names first. A clinic list is a few thousand
     * rows, so the name part is a scan the index cannot help and does not need to.
     */
    search(query: string, limit: number): DrugRow[] {
      const text = query.trim();
      if (text === '') return [];
      const like = escapeLike(text);
      return statement<[string, string, string, string, string, string, number], RawDrug>(
        db,
        `SELECT ${COLUMNS} FROM drugs
         WHERE active = 1 AND (code = ? COLLATE NOCASE OR initials LIKE ? ESCAPE '\\' OR instr(generic_name, ?) > 0)
         ORDER BY CASE WHEN code = ? COLLATE NOCASE THEN 0 WHEN initials LIKE ? ESCAPE '\\' THEN 1 WHEN generic_name LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END,
                  length(generic_name), code
         LIMIT ?`,
      )
        .all(text, `${like.toLowerCase()}%`, text, text, `${like.toLowerCase()}%`, `${like}%`, limit)
        .map(toDrug);
    },

    byCode(code: string): DrugRow | null {
      const row = statement<[string], RawDrug>(db, `SELECT ${COLUMNS} FROM drugs WHERE code = ? LIMIT 1`).get(code);
      return row ? toDrug(row) : null;
    },

    /** Every drug, active first, for the administrator's list. */
    list(): DrugRow[] {
      return statement<[], RawDrug>(db, `SELECT ${COLUMNS} FROM drugs ORDER BY active DESC, initials, code`).all().map(toDrug);
    },
  };
}
