import { amendments, signatures } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const signatureProjector = defineProjector({
  type: 'signature',
  tables: [signatures],
  project(tx, doc) {
    upsertRow(tx, signatures, {
      id: doc._id,
      targetId: doc.target_id,
      targetType: doc.target_type,
      patientId: doc.patient_id,
      purpose: doc.purpose,
      signer: doc.signer.username,
      keyId: doc.key_id,
      signedAt: doc.signed_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, signatures, signatures.id, id);
  },
});

export const amendmentProjector = defineProjector({
  type: 'amendment',
  tables: [amendments],
  project(tx, doc) {
    upsertRow(tx, amendments, {
      id: doc._id,
      targetId: doc.target_id,
      patientId: doc.patient_id,
      sequence: doc.sequence,
      author: doc.author.username,
      createdAt: doc.created_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, amendments, amendments.id, id);
  },
});
