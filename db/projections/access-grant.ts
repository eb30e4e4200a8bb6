import { accessGrantCases, accessGrants } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, insertRowIfAbsent, upsertRow } from './rows';

export const accessGrantProjector = defineProjector({
  type: 'access_grant',
  tables: [accessGrants, accessGrantCases],
  project(tx, doc, { replacing }) {
    upsertRow(tx, accessGrants, {
      id: doc._id,
      granteeUsername: doc.grantee.username,
      granteeName: doc.grantee.display_name,
      purpose: doc.purpose,
      reason: doc.reason,
      approvedBy: doc.approved_by.username,
      approvedByName: doc.approved_by.display_name,
      approvedAt: doc.approved_at,
      validFrom: doc.valid_from,
      validUntil: doc.valid_until,
      status: doc.status,
      revokedAt: doc.revoked?.at ?? null,
    });
    if (replacing) deleteRowsWhere(tx, accessGrantCases, accessGrantCases.grantId, doc._id);
    for (const caseNumber of doc.case_numbers) insertRowIfAbsent(tx, accessGrantCases, { grantId: doc._id, caseNumber });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, accessGrants, accessGrants.id, id);
    deleteRowsWhere(tx, accessGrantCases, accessGrantCases.grantId, id);
  },
});
