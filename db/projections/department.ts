import { departments } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const departmentProjector = defineProjector({
  type: 'department',
  tables: [departments],
  project(tx, doc) {
    upsertRow(tx, departments, {
      id: doc._id,
      clinicCode: doc.clinic_code,
      code: doc.code,
      name: doc.name,
      outpatient: doc.outpatient,
      active: doc.active,
      updatedAt: doc.updated_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, departments, departments.id, id);
  },
});
