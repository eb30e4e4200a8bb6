/**
 * 常用模板 and 常用语 through the router: a doctor's own, the department's shared by its doctors,
 * phrases per part of the note, 删除 hiding a template, and a version-1 template (plain phrases)
 * read as phrases for every part.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/api';
import { EXAMPLE_NOTE_TEMPLATE_V1 } from '../../../shared/docs/examples';
import { openRegistrationApp, type RegistrationTestApp } from '../../ipc/testing/registration-fixtures';

let t: RegistrationTestApp;
let zhao = '';
beforeEach(async () => {
  t = await openRegistrationApp();
  const login = await t.call('auth.login', { username: 'dr.zhao', password: 'Doctor2026' });
  if (!login.ok) throw new Error(login.error.message);
  zhao = login.value.sessionToken;
});
afterEach(() => t.close());

const save = (input: Partial<InputOf<'outpatient.saveTemplate'>>, session = t.doctor) =>
  t.call('outpatient.saveTemplate', { scope: 'personal', name: '感冒', fields: {}, phrases: [], retired: false, ...input }, session);
const names = async (session: string) => {
  const listed = await t.call('outpatient.templates', {}, session);
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.templates.map((template) => `${template.name}${template.editable ? '' : '（只读）'}`).sort();
};

describe('常用模板', () => {
  it('keeps a personal template to its owner and shares a department template with the department’s doctors', async () => {
    expect((await save({ name: '高血压复诊', fields: { plan: '低盐饮食' } })).ok).toBe(true);
    expect((await save({ scope: 'department', name: '内科初诊' })).ok).toBe(true);
    expect(await names(t.doctor)).toEqual(['内科初诊', '高血压复诊']);
    expect(await names(zhao)).toEqual(['内科初诊']);
    expect(await save({ scope: 'department', departmentCode: '05', name: '外科' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('renames and edits one’s own, refuses another doctor’s personal one, and 删除 hides it', async () => {
    const made = await save({ name: '高血压复诊', phrases: [{ section: 'physical_exam', text: '心肺未见异常' }] });
    if (!made.ok) throw new Error(made.error.message);
    const renamed = await save({ id: made.value.id, rev: made.value.rev, name: '高血压随访', phrases: [{ section: null, text: '嘱按时服药' }] });
    expect(renamed).toMatchObject({ ok: true, value: { id: made.value.id, name: '高血压随访', phrases: [{ section: null, text: '嘱按时服药' }] } });
    // A stale revision is a conflict, not a silent overwrite.
    expect(await save({ id: made.value.id, rev: made.value.rev, name: '旧' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await save({ id: made.value.id, name: '抢', phrases: [] }, zhao)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect((await save({ id: made.value.id, rev: renamed.value.rev, name: '高血压随访', retired: true })).ok).toBe(true);
    expect(await names(t.doctor)).toEqual([]);
  });

  it('refuses an empty name or phrase', async () => {
    expect(await save({ name: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await save({ phrases: [{ section: 'plan', text: '' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('reads a template written by the older program: its phrases are offered in every part', async () => {
    const [written] = t.app.context.data.store.bulkDocs([{ ...EXAMPLE_NOTE_TEMPLATE_V1, owner_username: 'dr.li', clinic_code: 'qingshan' }]);
    expect(written.ok).toBe(true);
    const listed = await t.call('outpatient.templates', {}, t.doctor);
    expect(listed).toMatchObject({
      ok: true,
      value: { templates: [{ name: '高血压复诊', phrases: [{ section: null, text: '心肺未见异常' }], editable: true }] },
    });
  });
});
