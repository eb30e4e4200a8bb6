import { caseSeals, sealedDocuments, seals } from '../schema';
import type { SealDoc } from '../../shared/docs';
import { defineProjector } from './define';
import type { ProjectionTx } from './types';
import { deleteRowsWhere, insertRowIfAbsent, upsertRow } from './rows';

/** The 封存 list, and every sealed revision with its seal's state (an unsealed seal protects nothing). */
export const sealProjector = defineProjector({
  type: 'seal',
  tables: [seals, sealedDocuments, caseSeals],
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
    for (const caseNumber of doc.case_numbers) markCase(tx, caseNumber, doc);
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
    deleteRowsWhere(tx, caseSeals, caseSeals.sealId, id);
    deleteRowsWhere(tx, sealedDocuments, sealedDocuments.sealId, id);
  },
});

/**
 * `case_seals` holds one row per case: the seal in force over it, or the last one lifted. A lifted
 * seal never displaces another seal's row, whatever order a rebuild projects them in.
 */
function markCase(tx: ProjectionTx, caseNumber: string, doc: SealDoc): void {
  const current = tx
    .prepared('select:case_seals:seal', () => tx.sqlite.prepare<[string], { seal_id: string }>('SELECT seal_id FROM case_seals WHERE case_number = ?'))
    .get(caseNumber);
  if (current !== undefined && current.seal_id !== doc._id && doc.status !== 'sealed') return;
  upsertRow(tx, caseSeals, { caseNumber, sealId: doc._id, state: doc.status, sealedAt: doc.sealed_at });
}
