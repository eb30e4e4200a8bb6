import { patientCards, patients, patientSearchKeys } from '../schema';
import { defineProjector } from './define';
import { deleteSearchKeys, writeSearchKeys } from './patient-search';
import { deleteRowsWhere, insertRowIfAbsent, upsertRow } from './rows';

export const patientProjector = defineProjector({
  type: 'patient',
  tables: [patients, patientCards, patientSearchKeys],
  project(tx, doc, { replacing }) {
    upsertRow(tx, patients, {
      id: doc._id,
      clinicCode: doc.clinic_code,
      name: doc.name,
      sex: doc.sex,
      birthDate: doc.birth_date,
      ethnicity: doc.ethnicity ?? null,
      idType: doc.id_type ?? null,
      idNumber: doc.id_number ?? null,
      phone: doc.phone ?? null,
      divisionCode: doc.address?.division_code ?? null,
      addressDetail: doc.address?.detail ?? null,
      feeCategory: doc.insurance?.fee_category ?? null,
      insuranceNumber: doc.insurance?.number ?? null,
      mergedInto: doc.merged_into ?? null,
      createdAt: doc.created_at,
      updatedAt: doc.updated_at,
    });
    if (replacing) deleteRowsWhere(tx, patientCards, patientCards.patientId, doc._id);
    for (const card of doc.cards) insertRowIfAbsent(tx, patientCards, { kind: card.kind, number: card.number, patientId: doc._id });
    writeSearchKeys(tx, doc._id, doc, replacing);
  },
  remove(tx, id) {
    deleteRowsWhere(tx, patients, patients.id, id);
    deleteRowsWhere(tx, patientCards, patientCards.patientId, id);
    deleteSearchKeys(tx, id);
  },
});
