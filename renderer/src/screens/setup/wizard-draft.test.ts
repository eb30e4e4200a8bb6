import { describe, expect, it } from 'vitest';
import { setupInput } from '../../../../shared/api';
import {
  addDepartmentRow,
  checkStep,
  firstStepWithErrors,
  initialDraft,
  stepOfPath,
  toSetupInput,
  updateDepartmentRow,
  type WizardDraft,
} from './wizard-draft';

const filledIn: WizardDraft = {
  ...initialDraft(),
  clinicName: '东乡镇卫生院',
  clinicCode: 'dongxiang',
  adminDisplayName: '王建国',
  adminPassword: 'abc12345',
  adminPasswordAgain: 'abc12345',
};

describe('setup wizard draft', () => {
  it('starts with the usual township departments and a valid workstation id', () => {
    const draft = initialDraft();
    expect(draft.departments.map((row) => row.name)).toEqual(['内科', '外科', '妇产科', '儿科', '中医科', '预防保健科']);
    expect(new Set(draft.departments.map((row) => row.code)).size).toBe(draft.departments.length);
    expect(draft.workstationId).toBe('W01');
  });

  it('shapes a filled-in draft into input the contract accepts, leaving out an empty county key', () => {
    const input = toSetupInput(filledIn);
    expect(setupInput.strict().safeParse(input).success).toBe(true);
    expect('patientIdKey' in input).toBe(false);
    expect(toSetupInput({ ...filledIn, countyKey: ' ABCDEF0123456789 abcdef0123456789\n' }).patientIdKey).toBe('abcdef0123456789abcdef0123456789');
  });

  it('asks for the clinic fields in plain words before using the schema messages', () => {
    const errors = checkStep('clinic', { ...filledIn, clinicName: ' ', clinicCode: 'Bad Code', workstationId: '' });
    expect(errors['clinic.name']).toBe('请填写机构名称');
    expect(errors['clinic.code']).toContain('小写字母');
    expect(errors.workstationId).toBe('请填写工作站编号');
    expect(Object.keys(errors).every((path) => stepOfPath(path) === 'clinic')).toBe(true);
  });

  it('marks the second of two rows with the same department code, naming the first row', () => {
    const draft = updateDepartmentRow(filledIn, filledIn.departments[1].key, { code: '03' });
    expect(checkStep('departments', draft)['departments.1.code']).toBe('与第 1 行的编码重复');
  });

  it('flags an empty added row and a password typed differently twice', () => {
    const withEmptyRow = addDepartmentRow(filledIn);
    const last = withEmptyRow.departments.length - 1;
    expect(checkStep('departments', withEmptyRow)).toMatchObject({
      [`departments.${last}.code`]: '请填写科室编码',
      [`departments.${last}.name`]: '请填写科室名称',
    });
    expect(checkStep('admin', { ...filledIn, adminPasswordAgain: 'abc1234' })).toEqual({ 'admin.passwordAgain': '两次输入的密码不一样' });
    expect(checkStep('admin', { ...filledIn, adminPassword: 'short1', adminPasswordAgain: 'short1' })['admin.password']).toBe('密码至少 8 位');
  });

  it('sends server errors back to the earliest step that shows them', () => {
    expect(firstStepWithErrors({ 'admin.password': 'x', 'departments.0.code': 'y' })).toBe('departments');
    expect(firstStepWithErrors({ departments: '科室编码不能重复' })).toBe('departments');
    expect(firstStepWithErrors({ patientIdKey: 'z' })).toBe('clinic');
    expect(firstStepWithErrors({})).toBeNull();
  });

  it('finds nothing to fix in a complete draft', () => {
    expect(checkStep('review', filledIn)).toEqual({});
  });
});
