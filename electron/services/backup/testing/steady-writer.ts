/**
 * A second process writing patients into a clinic database without pause, one document per
 * transaction, printing the number of the last one committed: the consistency test's other writer.
 * `node --import tsx steady-writer.ts <database file>`
 */
import { openClinicDatabase } from '../../../../db/open';
import { makePatient, putDocs } from '../../../../db/testing/fixtures';

const handle = openClinicDatabase(process.argv[2], { slowQueryLog: false });
let n = 0;
setInterval(() => {
  for (let i = 0; i < 5; i += 1) {
    n += 1;
    putDocs(handle.store, [makePatient(100_000 + n, { name: `写入者${n}` })]);
  }
  process.stdout.write(`${n}\n`);
}, 2);
