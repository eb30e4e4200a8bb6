import { noteTemplates } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const noteTemplateProjector = defineProjector({
  type: 'note_template',
  tables: [noteTemplates],
  project(tx, doc) {
    upsertRow(tx, noteTemplates, {
      id: doc._id,
      scope: doc.scope,
      ownerUsername: doc.owner_username ?? null,
      departmentCode: doc.department_code ?? null,
      name: doc.name,
      retired: doc.retired,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, noteTemplates, noteTemplates.id, id);
  },
});
