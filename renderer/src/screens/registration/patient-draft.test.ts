import { describe, expect, it } from 'vitest';
import {
  checkPatientDraft,
  draftFromCard,
  draftFromSearch,
  EMPTY_PATIENT_DRAFT,
  normalizeBirthDate,
  PATIENT_NAME_MAX,
  patientFieldErrors,
  toPatientForm,
  withIdNumber,
} from './patient-draft';

const TODAY = '2025-03-14';

describe('new-patient draft', () => {
  it('is filled from a card, card number kept', () => {
    const draft = draftFromCard({
      cardKind: 'social_security',
      name: '张建国',
      sex: '1',
      birthDate: '1962-11-02',
      ethnicity: '01',
      idNumber: '330783196211022131',
      cardNumber: 'A33078300098765',
      insuranceNumber: '330783196211022131',
      divisionCode: '330783',
    });
    expect(checkPatientDraft(draft, TODAY)).toEqual({});
    expect(toPatientForm(draft, 'rural')).toMatchObject({
      name: '张建国',
      sex: '1',
      birthDate: '1962-11-02',
      idType: '01',
      idNumber: '330783196211022131',
      address: { divisionCode: '330783', detail: '' },
      insurance: { feeCategory: 'rural', number: '330783196211022131' },
      cards: [{ kind: 'social_security', number: 'A33078300098765' }],
      allergies: [],
    });
  });

  it('takes birth date and sex from a valid ID number, and converts a legacy one on leaving', () => {
    expect(withIdNumber(EMPTY_PATIENT_DRAFT, '330783195603141282')).toMatchObject({ birthDate: '1956-03-14', sex: '2' });
    expect(withIdNumber(EMPTY_PATIENT_DRAFT, '330783560314128', true)).toMatchObject({ idNumber: '330783195603141282', birthDate: '1956-03-14' });
    expect(withIdNumber({ ...EMPTY_PATIENT_DRAFT, idType: '03' }, 'E12345678')).toMatchObject({ idNumber: 'E12345678', birthDate: '' });
  });

  it('puts each mistake at its field, in Chinese', () => {
    const errors = checkPatientDraft(
      { ...EMPTY_PATIENT_DRAFT, idNumber: '330783195603141283', birthDate: '1956-02-30', phone: '1390579123', emergencyName: '王大', divisionCode: '33' },
      TODAY,
    );
    expect(Object.keys(errors).sort()).toEqual(['address.divisionCode', 'birthDate', 'emergencyContact.relationship', 'idNumber', 'name', 'phone', 'sex']);
    expect(errors.idNumber).toMatch(/校验位/);
    expect(errors.birthDate).toBe('日历上没有 1956-02-30 这一天，请核对出生日期');
    expect(checkPatientDraft({ ...EMPTY_PATIENT_DRAFT, birthDate: '1956/3' }).birthDate).toBe('出生日期格式不对，请写成 1956-03-14 这样');
  });

  it('refuses a name over the limit and says the limit, never cutting it', () => {
    const long = '阿'.repeat(PATIENT_NAME_MAX + 1);
    expect(PATIENT_NAME_MAX).toBe(40);
    expect(checkPatientDraft({ ...EMPTY_PATIENT_DRAFT, name: long }).name).toBe('姓名最多 40 个字，现在是 41 个字，请核对');
    expect(checkPatientDraft({ ...EMPTY_PATIENT_DRAFT, name: '阿'.repeat(40) }).name).toBeUndefined();
    expect(toPatientForm({ ...EMPTY_PATIENT_DRAFT, name: long }).name).toBe(long);
  });

  it('flags a birth date or sex that disagrees with the ID number', () => {
    const draft = { ...withIdNumber({ ...EMPTY_PATIENT_DRAFT, name: '王秀英' }, '330783195603141282'), sex: '1' };
    expect(checkPatientDraft(draft, TODAY)).toEqual({ sex: '性别与身份证号码不一致：号码显示为女性，请核对后修改。' });
  });

  it('accepts birth dates typed without dashes', () => {
    expect(normalizeBirthDate('19560314')).toBe('1956-03-14');
    expect(normalizeBirthDate('1956/3/4')).toBe('1956-03-04');
    expect(normalizeBirthDate('1956年3月4日')).toBe('1956-03-04');
  });

  it('carries the search text to the right field', () => {
    expect(draftFromSearch('李桂兰').name).toBe('李桂兰');
    expect(draftFromSearch('13905791234').phone).toBe('13905791234');
    expect(draftFromSearch('330783195603141282')).toMatchObject({ idNumber: '330783195603141282', sex: '2' });
    expect(draftFromSearch('lgl')).toBe(EMPTY_PATIENT_DRAFT);
  });

  it('maps server field paths onto the form', () => {
    expect(patientFieldErrors({ 'patient.idNumber': 'x', patientId: 'y' })).toEqual({ idNumber: 'x', patientId: 'y' });
  });
});
