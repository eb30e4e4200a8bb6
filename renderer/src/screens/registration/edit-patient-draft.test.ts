import { describe, expect, it } from 'vitest';
import { changedFields, draftFromForm, reapplyEdits } from './edit-patient-draft';
import { toPatientForm } from './patient-draft';

const form = {
  name: '王秀英',
  sex: '2' as const,
  birthDate: '1948-05-02',
  phone: '13800000001',
  address: { divisionCode: '330783123', detail: '前村三组 8 号' },
  insurance: { feeCategory: 'resident', number: 'YB123456' },
  cards: [{ kind: 'clinic' as const, number: 'C001' }],
  allergies: [{ substance: '青霉素', reaction: '皮疹' }],
};

describe('edit-patient draft', () => {
  it('fills the form from a record and gives the same record back unchanged', () => {
    const draft = draftFromForm(form);
    expect(draft).toMatchObject({ name: '王秀英', phone: '13800000001', divisionCode: '330783123', feeCategory: 'resident', insuranceNumber: 'YB123456' });
    expect(toPatientForm(draft)).toMatchObject(form);
    expect(draftFromForm({ ...form, allergies: [] }).allergies).toEqual([{ substance: '', reaction: '' }]);
  });

  it('lays the registrar’s own edits over the latest record after a conflict', () => {
    const original = draftFromForm(form);
    const mine = { ...original, phone: '13700000000' };
    const latest = { ...original, addressDetail: '后村 1 号' };
    expect(changedFields(original, mine)).toEqual(['phone']);
    expect(reapplyEdits(latest, original, mine)).toMatchObject({ phone: '13700000000', addressDetail: '后村 1 号' });
  });
});
