import { drugs } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const drugProjector = defineProjector({
  type: 'drug',
  tables: [drugs],
  project(tx, doc) {
    upsertRow(tx, drugs, {
      id: doc._id,
      code: doc.code,
      genericName: doc.generic_name,
      initials: doc.initials,
      form: doc.form,
      strengthValue: doc.strength_value,
      strengthUnit: doc.strength_unit,
      unit: doc.unit,
      packageSize: doc.package_size,
      packageUnit: doc.package_unit,
      drugClass: doc.drug_class,
      defaultDose: doc.default_dose,
      defaultDoseUnit: doc.default_dose_unit,
      defaultRoute: doc.default_route,
      defaultFrequency: doc.default_frequency,
      antibioticGrade: doc.antibiotic_grade,
      essential: doc.essential,
      active: doc.active,
      updatedAt: doc.updated_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, drugs, drugs.id, id);
  },
});
