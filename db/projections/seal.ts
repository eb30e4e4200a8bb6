import { sealedDocuments, seals } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, insertRowIfAbsent, upsertRow } from './rows';

/** The 封存 list, and every sealed revision with its seal's state (an unsealed seal protects nothing). */
export const sealProjector = defineProjector({
  type: 'seal',
  tables: [seals, sealedDocuments],
  project(tx, doc, { replacing }) {
    const items = doc.stages.flatMap((stage) => stage.items.map((item) => ({ ...item, stage: stage.number })));
    upsertRow(tx, seals, {
      id: doc._id,
      patientId: doc.patient_id,
      caseNumbers: doc.case_numbers.join(' '),
      reason: doc.reason,
      sealedAt: doc.sealed_at,
      stageCount: doc.stages.length,
      itemCount: items.length,
      status: doc.status,
      unsealApprovedAt: doc.unseal_approval?.at ?? null,
      unsealedAt: doc.unsealed?.at ?? null,
    });
    if (replacing) deleteRowsWhere(tx, sealedDocuments, sealedDocuments.sealId, doc._id);
    for (const item of items)
      insertRowIfAbsent(tx, sealedDocuments, {
        sealId: doc._id,
        docId: item.id,
        rev: item.rev,
        stage: item.stage,
        caseNumber: item.case_number,
        sealStatus: doc.status,
      });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, seals, seals.id, id);
    deleteRowsWhere(tx, sealedDocuments, sealedDocuments.sealId, id);
  },
});
