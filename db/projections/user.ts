import { users } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const userProjector = defineProjector({
  type: 'user',
  tables: [users],
  project(tx, doc) {
    upsertRow(tx, users, {
      id: doc._id,
      clinicCode: doc.clinic_code,
      username: doc.username,
      displayName: doc.display_name,
      roles: doc.roles,
      departmentCodes: doc.department_codes,
      passwordHash: doc.password_hash,
      active: doc.active,
      createdAt: doc.created_at,
      updatedAt: doc.updated_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, users, users.id, id);
  },
});
