import { paperLoans } from '../schema';
import { defineProjector } from './define';
import { deleteRowsWhere, upsertRow } from './rows';

export const paperLoanProjector = defineProjector({
  type: 'paper_loan',
  tables: [paperLoans],
  project(tx, doc) {
    upsertRow(tx, paperLoans, {
      id: doc._id,
      caseNumber: doc.case_number,
      borrowerName: doc.borrower.name,
      borrowerUnit: doc.borrower.unit,
      purpose: doc.purpose,
      approverName: doc.approver_name,
      lentAt: doc.lent_at,
      lentBy: doc.lent_by.display_name,
      dueDate: doc.due_date,
      status: doc.status,
      returnedAt: doc.returned?.at ?? null,
    });
  },
  remove(tx, id) {
    deleteRowsWhere(tx, paperLoans, paperLoans.id, id);
  },
});
