import { describe, expect, it } from 'vitest';
import { blockingFindings, checkPrescription } from './checks';
import { computeQuantity } from './quantity';
import type { PrescriptionDraft, RxDrug, RxItem } from './types';

const amoxicillin: RxDrug = {
  code: 'AMX025',
  genericName: '阿莫西林胶囊',
  drugClass: '青霉素类',
  strengthValue: 0.25,
  strengthUnit: 'g',
  unit: '粒',
  packageSize: 24,
  packageUnit: '盒',
  antibioticGrade: 'unrestricted',
};
const amlodipine: RxDrug = {
  ...amoxicillin,
  code: 'AML5',
  genericName: '苯磺酸氨氯地平片',
  drugClass: '钙通道阻滞剂',
  strengthValue: 5,
  strengthUnit: 'mg',
  unit: '片',
  packageSize: 7,
  antibioticGrade: null,
};
const cefoperazone: RxDrug = {
  ...amoxicillin,
  code: 'CFP1',
  genericName: '头孢哌酮舒巴坦',
  drugClass: '头孢菌素类',
  strengthValue: 1,
  unit: '支',
  packageSize: 1,
  antibioticGrade: 'special',
};

const item = (drug: RxDrug, over: Partial<RxItem> = {}): RxItem => ({ drug, dose: 0.5, doseUnit: 'g', route: 'po', frequency: 'tid', days: 3, ...over });
const draft = (items: RxItem[], over: Partial<PrescriptionDraft> = {}): PrescriptionDraft => ({
  kind: 'ordinary',
  items,
  allergies: [],
  prescriberGrade: 'restricted',
  ...over,
});
const codes = (d: PrescriptionDraft) => checkPrescription(d).map((f) => `${f.severity}:${f.code}`);

describe('quantity from dose, frequency, days and package', () => {
  it('computes units and whole packages', () => {
    expect(computeQuantity(item(amoxicillin))).toEqual({ unitsPerDose: 2, administrations: 9, units: 18, packages: 1 });
    expect(computeQuantity(item(amoxicillin, { days: 7 }))).toMatchObject({ units: 42, packages: 2 });
    expect(computeQuantity(item(amlodipine, { dose: 1, doseUnit: '片', frequency: 'qd', days: 7 }))).toMatchObject({ units: 7, packages: 1 });
    expect(computeQuantity(item(amlodipine, { dose: 2500, doseUnit: 'μg', frequency: 'qd', days: 7 }))).toMatchObject({ unitsPerDose: 0.5, units: 4 });
    expect(computeQuantity(item(amoxicillin, { frequency: 'st' }))).toMatchObject({ administrations: 1, units: 2 });
  });

  it('cannot compute 必要时 or a dose unit that does not fit', () => {
    expect(computeQuantity(item(amoxicillin, { frequency: 'prn' }))).toBeNull();
    expect(computeQuantity(item(amoxicillin, { doseUnit: 'ml' }))).toBeNull();
  });
});

describe('prescription checks', () => {
  it('passes a plain prescription', () => {
    expect(checkPrescription(draft([item(amoxicillin), item(amlodipine, { dose: 5, doseUnit: 'mg', frequency: 'qd' })]))).toEqual([]);
  });

  it('warns of a recorded allergy by class or by name, answerable', () => {
    const withAllergy = draft([item(amoxicillin)], { allergies: [{ substance: '青霉素' }] });
    const findings = checkPrescription(withAllergy);
    expect(findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['warning:allergy']);
    expect(findings[0].message).toContain('青霉素');
    expect(blockingFindings(findings, [])).toHaveLength(1);
    expect(blockingFindings(findings, [findings[0].key])).toHaveLength(0);
    expect(codes(draft([item(amoxicillin)], { allergies: [{ substance: '阿莫西林过敏' }] }))).toEqual(['warning:allergy']);
    expect(codes(draft([item(amoxicillin)], { allergies: [{ substance: '磺胺类' }] }))).toEqual([]);
  });

  it('warns of the same drug twice, or the same substance in another form', () => {
    expect(codes(draft([item(amoxicillin), item(amoxicillin)]))).toEqual(['warning:duplicate_drug']);
    const other: RxDrug = { ...amoxicillin, code: 'AMX05', genericName: '阿莫西林片', unit: '片' };
    expect(codes(draft([item(amoxicillin), item(other)]))).toEqual(['warning:duplicate_drug']);
  });

  it('refuses more than 7 days for ordinary and more than 3 for emergency prescriptions (RX-01)', () => {
    expect(codes(draft([item(amlodipine, { dose: 5, doseUnit: 'mg', frequency: 'qd', days: 30 })]))).toContain('refusal:too_many_days');
    expect(codes(draft([item(amoxicillin, { days: 7 })]))).toEqual([]);
    expect(codes(draft([item(amoxicillin, { days: 4 })], { kind: 'emergency' }))).toEqual(['refusal:too_many_days']);
    expect(checkPrescription(draft([item(amoxicillin, { days: 4 })], { kind: 'emergency' }))[0].message).toContain('急诊处方一般不超过 3 天');
  });

  it('refuses an antibiotic above the doctor’s grade, and any antibiotic without a grade', () => {
    expect(codes(draft([item(cefoperazone, { dose: 1, frequency: 'bid' })]))).toEqual(['refusal:antibiotic_grade']);
    expect(codes(draft([item(cefoperazone, { dose: 1, frequency: 'bid' })], { prescriberGrade: 'special' }))).toEqual([]);
    expect(codes(draft([item(amoxicillin)], { prescriberGrade: 'none' }))).toEqual(['refusal:antibiotic_grade']);
  });

  it('refuses negative, zero and absurd quantities, and warns of large ones', () => {
    expect(codes(draft([item(amoxicillin, { dose: -1 })]))).toContain('refusal:bad_dose');
    expect(codes(draft([item(amoxicillin, { dose: Number.NaN })]))).toContain('refusal:bad_dose');
    expect(codes(draft([item(amoxicillin, { days: 0 })]))).toContain('refusal:bad_days');
    expect(codes(draft([item(amoxicillin, { days: 2.5 })]))).toContain('refusal:bad_days');
    expect(codes(draft([item(amoxicillin, { quantity: -2 })]))).toEqual(['refusal:bad_quantity']);
    expect(codes(draft([item(amoxicillin, { quantity: 500 })]))).toEqual(['refusal:bad_quantity']);
    expect(codes(draft([item(amoxicillin, { quantity: 30 })]))).toEqual(['warning:large_quantity']);
    expect(codes(draft([item(amoxicillin, { dose: 5 })]))).toEqual(['warning:large_quantity']);
    expect(codes(draft([item(amoxicillin, { frequency: 'prn' })]))).toEqual(['refusal:bad_quantity']);
    expect(codes(draft([item(amoxicillin, { frequency: 'prn', quantity: 1 })]))).toEqual([]);
    expect(codes(draft([item(amoxicillin, { doseUnit: 'ml' })]))).toEqual(['refusal:bad_dose']);
    expect(codes(draft([]))).toEqual(['refusal:bad_quantity']);
  });
});
