import { pageSets, recordText } from '../schema';
import { pageText } from '../search/record-text';
import { defineProjector } from './define';
import { projectText, removeText } from './fts';
import { deleteRowsWhere, upsertRow } from './rows';

export const pageSetProjector = defineProjector({
  type: 'page_set',
  tables: [pageSets],
  project(tx, doc) {
    upsertRow(tx, pageSets, {
      id: doc._id,
      patientId: doc.patient_id,
      encounterId: doc.encounter_id,
      caseNumber: doc.case_number,
      title: doc.title,
      pageCount: doc.pages.length,
      status: doc.status,
      updatedAt: doc.updated_at,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, pageSets, pageSets.id, id);
  },
});

/** A page's machine-read text lives only in the full-text index (the document keeps the text itself). */
export const pageTextProjector = defineProjector({
  type: 'page_text',
  tables: [recordText],
  project(tx, doc, context) {
    projectText(tx, doc._id, pageText(doc), context);
  },
  remove(tx, id) {
    removeText(tx, id);
  },
});
