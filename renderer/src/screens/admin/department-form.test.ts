import { describe, expect, it } from 'vitest';
import { checkDepartmentEdit, departmentEditDraft, toDepartmentUpdate, type DepartmentView } from './department-form';

describe('department editor', () => {
  const children: DepartmentView = { code: '07', name: '儿科', outpatient: true, active: true };

  it('starts from the department as listed and sends only what was changed', () => {
    const draft = departmentEditDraft(children);
    expect(draft).toEqual({ code: '07', name: '儿科', outpatient: true });
    expect(toDepartmentUpdate(children, draft)).toBeNull();
    expect(toDepartmentUpdate(children, { ...draft, name: ' 儿科 ' })).toBeNull();
    expect(toDepartmentUpdate(children, { ...draft, name: '儿童保健科 ' })).toEqual({ code: '07', name: '儿童保健科' });
    expect(toDepartmentUpdate(children, { ...draft, outpatient: false })).toEqual({ code: '07', outpatient: false });
  });

  it('asks for a name, within the contract length', () => {
    expect(checkDepartmentEdit(departmentEditDraft(children))).toEqual({});
    expect(checkDepartmentEdit({ code: '07', name: ' ', outpatient: true })).toEqual({ name: '请填写科室名称' });
    expect(checkDepartmentEdit({ code: '07', name: '科'.repeat(31), outpatient: true }).name).toBeTruthy();
  });
});
