import { auditEvents } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const auditProjector = defineProjector({
  type: 'audit',
  tables: [auditEvents],
  project(tx, doc) {
    upsertRow(tx, auditEvents, {
      id: doc._id,
      clinicCode: doc.clinic_code,
      workstation: doc.workstation,
      seq: doc.seq,
      at: doc.at,
      actor: doc.actor,
      action: doc.action,
      outcome: doc.outcome,
      targetIds: doc.target_ids,
      detail: doc.detail ?? null,
      prevHash: doc.prev_hash,
      hash: doc.hash,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, auditEvents, auditEvents.id, id);
  },
});
