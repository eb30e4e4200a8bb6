/**
 * Possible duplicates of a record being registered or edited, shown before saving:
 *   same ID number · same name + birth date + sex · same phone and a similar name.
 * Records absorbed by a merge are shown as their survivor.
 */
import type { DuplicateReason, PatientHit } from '../../../shared/api';
import { checkPhone, validateResidentId } from '../../../shared/identity';
import { nameSearchKeys } from '../../../shared/pinyin';
import { nameKey, numberKey } from '../../../shared/search/patient-keys';
import type { ClinicData } from '../clinic-data';
import type { PatientRow } from '../../../db/queries';
import { departmentNames, hitOf, survivorOf } from './patient-hits';

export interface DuplicateQuery {
  readonly name?: string;
  readonly sex?: string;
  readonly birthDate?: string;
  readonly idNumber?: string;
  readonly phone?: string;
  readonly excludeId?: string;
}

export interface DuplicateCandidate {
  readonly patient: PatientHit;
  readonly reasons: DuplicateReason[];
  readonly reasonText: string;
}

const REASON_TEXT: Readonly<Record<DuplicateReason, string>> = {
  same_id_number: '证件号码相同',
  same_name_birth_sex: '姓名、出生日期、性别都相同',
  same_phone_similar_name: '电话相同且姓名相近',
};

/**
 * Names a registrar could have typed for one person: the same, one character different (秀英 /
 * 秀瑛), one character more or less, or the same sound (晓明 / 小明).
 */
export function similarNames(a: string, b: string): boolean {
  const x = Array.from(nameKey(a));
  const y = Array.from(nameKey(b));
  if (x.join('') === y.join('')) return true;
  if (x.length === y.length && x.length >= 2 && x.filter((c, i) => c !== y[i]).length <= 1) return true;
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  if (longer.length - shorter.length === 1 && shorter.length >= 2) {
    for (let skip = 0; skip < longer.length; skip += 1) {
      if (longer.filter((_, i) => i !== skip).join('') === shorter.join('')) return true;
    }
  }
  return nameSearchKeys(x.join('')).full === nameSearchKeys(y.join('')).full;
}

/** The ID number as stored: a valid resident number in its 18-character form, anything else as a number key. */
export function storedIdNumber(text: string): string {
  const parsed = validateResidentId(text);
  return parsed.ok ? parsed.id18 : numberKey(text);
}

export function findDuplicates(data: ClinicData, query: DuplicateQuery, today: string): DuplicateCandidate[] {
  const found = new Map<string, { row: PatientRow; reasons: Set<DuplicateReason> }>();
  const add = (rows: ReadonlyArray<PatientRow>, reason: DuplicateReason) => {
    for (const row of rows) {
      const shown = survivorOf(data, row);
      if (shown.id === query.excludeId) continue;
      const entry = found.get(shown.id) ?? { row: shown, reasons: new Set<DuplicateReason>() };
      entry.reasons.add(reason);
      found.set(shown.id, entry);
    }
  };

  if (query.idNumber && query.idNumber.trim().length >= 4) add(data.patients.byIdNumber(storedIdNumber(query.idNumber)), 'same_id_number');
  const name = query.name?.trim();
  if (name && query.birthDate && query.sex) add(data.patients.byNameAndBirth(name, query.birthDate, query.sex), 'same_name_birth_sex');
  if (name && query.phone) {
    const phone = checkPhone(query.phone);
    if (phone.ok)
      add(
        data.patients.byPhone(phone.normalized).filter((row) => similarNames(row.name, name)),
        'same_phone_similar_name',
      );
  }

  const departments = departmentNames(data);
  const order: DuplicateReason[] = ['same_id_number', 'same_name_birth_sex', 'same_phone_similar_name'];
  return [...found.values()]
    .map(({ row, reasons }) => {
      const list = order.filter((r) => reasons.has(r));
      return {
        patient: hitOf(
          data,
          row,
          { key: list[0] === 'same_id_number' ? 'id_number' : list[0] === 'same_name_birth_sex' ? 'name' : 'phone', exact: true },
          today,
          departments,
        ),
        reasons: list,
        reasonText: list.map((r) => REASON_TEXT[r]).join('；'),
      };
    })
    .sort(
      (a, b) => order.indexOf(a.reasons[0]) - order.indexOf(b.reasons[0]) || (b.patient.lastVisit?.date ?? '').localeCompare(a.patient.lastVisit?.date ?? ''),
    );
}
