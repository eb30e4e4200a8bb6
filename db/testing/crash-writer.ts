/**
 * Child process of db/store/crash.test.ts: opens the database file, prepares a batch of 10,000
 * patient documents, says "writing", writes them in ONE bulkDocs call, says "done". The test kills
 * it somewhere in between.
 *   node --import tsx db/testing/crash-writer.ts <file> <batch-label>
 */
import { openClinicDatabase } from '../open';
import { makePatient } from './fixtures';

const [file, label] = process.argv.slice(2);
if (!file || !label) throw new Error('usage: crash-writer.ts <file> <batch-label>');

const db = openClinicDatabase(file, { slowQueryLog: false });
const docs = Array.from({ length: 10_000 }, (_, i) => makePatient(i, { created_by: label }));
process.stdout.write('writing\n');
const results = db.store.bulkDocs(docs);
if (!results.every((r) => r.ok)) throw new Error('a document was refused');
process.stdout.write('done\n');
db.close();
