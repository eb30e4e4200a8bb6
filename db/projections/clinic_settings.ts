import { clinicSettings } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const clinicSettingsProjector = defineProjector({
  type: 'clinic_settings',
  tables: [clinicSettings],
  project(tx, doc) {
    upsertRow(tx, clinicSettings, {
      id: doc._id,
      clinicCode: doc.clinic_code,
      name: doc.name,
      code: doc.code,
      divisionCode: doc.division_code ?? null,
      patientIdKey: doc.patient_id_key,
      feeCategories: doc.fee_categories,
      updatedAt: doc.updated_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, clinicSettings, clinicSettings.id, id);
  },
});
