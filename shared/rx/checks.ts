/**
 * The checks a prescription passes before it is saved (REGULATIONS.md RX-01; issue: allergies, the
 * same drug twice, days, the doctor's antibiotic grade, impossible quantities). Pure: the screen
 * runs them while the doctor types, and the service runs them again before it saves.
 */
import { ANTIBIOTIC_GRADE_LABELS, PRESCRIBER_GRADE_LABELS, gradeAllows } from '../codes/drug-codes';
import { computeQuantity, unitsPerDose } from './quantity';
import type { PrescriptionDraft, PrescriptionKind, RxFinding, RxItem } from './types';

/** RX-01: an ordinary prescription covers at most 7 days, an emergency one at most 3. */
export const MAX_DAYS: Readonly<Record<PrescriptionKind, number>> = { ordinary: 7, emergency: 3 };
const KIND_LABELS: Readonly<Record<PrescriptionKind, string>> = { ordinary: '普通处方', emergency: '急诊处方' };
/** More than this many smallest units in one administration is asked about (10 片 at once). */
const LARGE_UNITS_PER_DOSE = 10;
/** More packages than this is asked about; more than the hard limit is refused. */
const LARGE_PACKAGES = 20;
const MAX_PACKAGES = 99;

const itemName = (item: RxItem, index: number): string => `第 ${index + 1} 项 ${item.drug.genericName}`;

/** Allergy text without the words around the substance: 青霉素类过敏 → 青霉素. */
const allergyStem = (text: string): string =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/(过敏史?|过敏|类|药物|药)$/g, '')
    .replace(/类$/, '');

function allergyMatch(item: RxItem, allergies: PrescriptionDraft['allergies']): string | null {
  const names = [item.drug.genericName, item.drug.drugClass ?? ''].filter((n) => n !== '');
  for (const allergy of allergies) {
    const stem = allergyStem(allergy.substance);
    if (stem.length < 2) continue;
    if (names.some((name) => name.includes(stem) || (allergyStem(name).length >= 2 && stem.includes(allergyStem(name))))) return allergy.substance;
  }
  return null;
}

function itemFindings(draft: PrescriptionDraft, item: RxItem, index: number): RxFinding[] {
  const findings: RxFinding[] = [];
  const name = itemName(item, index);
  const key = (code: RxFinding['code']) => `${code}:${item.drug.code}`;
  const refuse = (code: RxFinding['code'], message: string) => findings.push({ severity: 'refusal', code, key: key(code), itemIndex: index, message });
  const warn = (code: RxFinding['code'], message: string) => findings.push({ severity: 'warning', code, key: key(code), itemIndex: index, message });

  if (!Number.isFinite(item.dose) || item.dose <= 0) refuse('bad_dose', `${name}：单次剂量必须大于 0，请重新填写。`);
  else if (unitsPerDose(item.drug, item.dose, item.doseUnit) === null)
    refuse(
      'bad_dose',
      `${name}：剂量单位“${item.doseUnit}”与规格（${item.drug.strengthUnit}/${item.drug.unit}）对不上，请改用 ${item.drug.strengthUnit} 或 ${item.drug.unit}。`,
    );
  if (!Number.isInteger(item.days) || item.days <= 0) refuse('bad_days', `${name}：用药天数必须是正整数。`);
  else if (item.days > MAX_DAYS[draft.kind])
    refuse(
      'too_many_days',
      `${name}：${KIND_LABELS[draft.kind]}一般不超过 ${MAX_DAYS[draft.kind]} 天（《处方管理办法》），现在是 ${item.days} 天，请减少天数。`,
    );

  const computed = computeQuantity(item);
  const packages = item.quantity ?? computed?.packages;
  if (packages === undefined) {
    if (findings.length === 0) refuse('bad_quantity', `${name}：无法按“必要时”算出数量，请填写发药数量。`);
  } else if (!Number.isInteger(packages) || packages <= 0) refuse('bad_quantity', `${name}：发药数量必须是正整数（${item.drug.packageUnit}）。`);
  else if (packages > MAX_PACKAGES) refuse('bad_quantity', `${name}：${packages}${item.drug.packageUnit} 数量过大，不能开具，请核对剂量和天数。`);
  else if (packages > LARGE_PACKAGES) warn('large_quantity', `${name}：共 ${packages}${item.drug.packageUnit}，数量较大，请确认。`);
  if (computed && computed.unitsPerDose > LARGE_UNITS_PER_DOSE)
    warn('large_quantity', `${name}：每次 ${Number(computed.unitsPerDose.toFixed(2))}${item.drug.unit}，单次用量很大，请确认剂量没有写错。`);

  const allergy = allergyMatch(item, draft.allergies);
  if (allergy) warn('allergy', `${name}：患者有“${allergy}”过敏记录。请再次询问过敏史，确认后才能开具。`);

  const grade = item.drug.antibioticGrade;
  if (grade && !gradeAllows(draft.prescriberGrade, grade))
    refuse(
      'antibiotic_grade',
      `${name} 是${ANTIBIOTIC_GRADE_LABELS[grade]}抗菌药物，您的处方权是“${PRESCRIBER_GRADE_LABELS[draft.prescriberGrade]}”，不能开具，请由有相应处方权的医师开具。`,
    );
  return findings;
}

function duplicateFindings(items: ReadonlyArray<RxItem>): RxFinding[] {
  const findings: RxFinding[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const name = item.drug.genericName.replace(/(片|胶囊|颗粒|注射液|口服液|缓释片|肠溶片)$/, '');
    const earlier = seen.get(item.drug.code) ?? seen.get(name);
    if (earlier !== undefined) {
      const same = items[earlier].drug.code === item.drug.code;
      findings.push({
        severity: 'warning',
        code: 'duplicate_drug',
        key: `duplicate_drug:${item.drug.code}:${index}`,
        itemIndex: index,
        message: same
          ? `${itemName(item, index)} 与第 ${earlier + 1} 项是同一种药，请删去一项或确认需要分开开具。`
          : `${itemName(item, index)} 与第 ${earlier + 1} 项 ${items[earlier].drug.genericName} 成分相同，请确认不是重复用药。`,
      });
    } else {
      seen.set(item.drug.code, index);
      seen.set(name, index);
    }
  });
  return findings;
}

/** Every finding, refusals first, each item in order. */
export function checkPrescription(draft: PrescriptionDraft): RxFinding[] {
  const findings: RxFinding[] = [];
  if (draft.items.length === 0)
    findings.push({ severity: 'refusal', code: 'bad_quantity', key: 'empty', itemIndex: null, message: '处方里还没有药品，请至少开一种药。' });
  draft.items.forEach((item, index) => findings.push(...itemFindings(draft, item, index)));
  findings.push(...duplicateFindings(draft.items));
  return [...findings.filter((f) => f.severity === 'refusal'), ...findings.filter((f) => f.severity === 'warning')];
}

/** What stops a save: every refusal, and every warning the doctor has not answered. */
export function blockingFindings(findings: ReadonlyArray<RxFinding>, acknowledged: ReadonlyArray<string>): RxFinding[] {
  const answered = new Set(acknowledged);
  return findings.filter((f) => f.severity === 'refusal' || !answered.has(f.key));
}
