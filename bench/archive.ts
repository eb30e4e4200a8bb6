/**
 * The record room at a county's size: `npm run bench -- archive --size N [--data-dir DIR]` (default
 * 20,000 notes; the issue's figure is --size 1000000).
 *
 * Builds (or reuses, given --data-dir) a database of N archived notes straight into the projection
 * tables the search reads (outpatient_notes, archive_cases, record_text and its FTS5 index), in bulk
 * transactions of 10,000, with progress on stderr; the notes' text comes from the seeded corpus of
 * db/search/corpus.ts. Then measures:
 * - full-text search p50/p95/p99 through the query the service runs (bm25, one row per record, case
 *   join, sealed-case filter), for single words, single characters, Latin tokens and word pairs;
 * - structured search (department + date range, doctor, 病案号, QC grade);
 * - writing archive_case documents through the document store and its projection (the write an
 *   archiving makes; its quality checks are the archive service's and not in this figure);
 * - OCR: seconds per page and character accuracy of tesseract on generated pages of known text.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openClinicDatabase, type ClinicDatabase } from '../db/open';
import { recordsSearchQueries, type RecordFilters } from '../db/queries/records-search';
import { FTS_TABLE } from '../db/search/fts-tables';
import { generatedNote, LATIN_TOKENS, MEDICAL_WORDS, seededRandom, SINGLE_CHARACTERS, ulidFor } from '../db/search/corpus';
import { noteText } from '../db/search/record-text';
import { ftsExpression, indexTokens, queryPhrases } from '../db/search/tokens';
import { EXAMPLE_ARCHIVE_CASE } from '../shared/docs/examples';
import type { DocumentOf } from '../shared/docs';
import { pagesOfFile } from '../electron/services/scans/page-files';
import { recognisePage } from '../electron/services/scans/tesseract';
import { characterAccuracy, knownTextPdf } from '../electron/services/scans/testing/known-page';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

const BATCH = 10_000;
const GRADES = ['甲', '甲', '甲', '乙', '丙'] as const;

function flag(args: ReadonlyArray<string>, name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const caseNumberOf = (n: number) => `bench-2025-W01-${String(n).padStart(7, '0')}`;

function build(db: ClinicDatabase, size: number, ctx: BenchContext): void {
  const { sqlite } = db;
  const random = seededRandom(20261203);
  const note = sqlite.prepare(
    `INSERT INTO outpatient_notes (id, encounter_id, patient_id, department_code, doctor_username, visit_type, visit_at, onset_date, chief_complaint, status, diagnosis_count, updated_at)
     VALUES (?, ?, ?, ?, ?, 'first', ?, NULL, ?, 'signed', 0, ?)`,
  );
  const text = sqlite
    .prepare<[string, string, string]>(
      "INSERT INTO record_text (doc_id, source, record_id, patient_id, machine_read) VALUES (?, 'note', ?, ?, 0) RETURNING rowid",
    )
    .pluck();
  const tokens = sqlite.prepare(`INSERT INTO ${FTS_TABLE} (rowid, terms) VALUES (?, ?)`);
  const archived = sqlite.prepare(
    `INSERT INTO archive_cases (case_number, doc_id, clinic_code, patient_id, encounter_id, kind, department_code, doctor_username, visit_date, diagnosis_codes,
       document_count, qc_grade, qc_review_id, archived_at, archived_by, workstation_id, retention_until)
     VALUES (?, ?, 'bench', ?, ?, 'visit', ?, ?, ?, '', 3, ?, NULL, ?, 'bai.lan', 'W01', '2040-12-31')`,
  );
  const started = nowMs();
  for (let from = 0; from < size; from += BATCH) {
    sqlite.transaction(() => {
      for (let n = from; n < Math.min(size, from + BATCH); n += 1) {
        const doc = generatedNote(n, random) as unknown as DocumentOf<'outpatient_note'>;
        note.run(doc._id, doc.encounter_id, doc.patient_id, doc.department_code, doc.doctor_username, doc.visit_at, doc.chief_complaint, doc.updated_at);
        const rowid = text.get(doc._id, doc._id, doc.patient_id) as number;
        tokens.run(rowid, indexTokens(noteText(doc).text));
        const caseNumber = caseNumberOf(n);
        archived.run(
          caseNumber,
          `archive_case:${caseNumber}`,
          doc.patient_id,
          doc.encounter_id,
          doc.department_code,
          doc.doctor_username,
          doc.visit_at.slice(0, 10),
          GRADES[n % GRADES.length],
          doc.visit_at,
        );
      }
    })();
    const done = Math.min(size, from + BATCH);
    ctx.progress(`已生成 ${done} / ${size} 份病历（${Math.round(done / ((nowMs() - started) / 1000))} 份/秒）`);
  }
  sqlite.exec(`INSERT INTO ${FTS_TABLE} (${FTS_TABLE}) VALUES ('optimize')`);
  ctx.emit('build.notes', size, 'docs');
  ctx.emit('build.s', (nowMs() - started) / 1000, 's');
}

function measure(ctx: BenchContext, metric: string, count: number, run: (i: number) => unknown): void {
  for (let i = 0; i < 20; i += 1) run(i + count);
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = nowMs();
    run(i);
    ms.push(nowMs() - t0);
  }
  for (const p of [50, 95, 99]) ctx.emit(`${metric}.p${p}_ms`, percentile(ms, p), 'ms');
}

async function measureOcr(ctx: BenchContext): Promise<void> {
  const random = seededRandom(99);
  const known = Array.from({ length: 3 }, () =>
    Array.from({ length: 12 }, () => MEDICAL_WORDS.slice(0, 40)[Math.floor(random() * 40)] + '，' + MEDICAL_WORDS[Math.floor(random() * MEDICAL_WORDS.length)]),
  );
  const pages = await pagesOfFile('bench.pdf', Buffer.from(await knownTextPdf(known)));
  let seconds = 0;
  let accuracy = 0;
  for (const [i, page] of pages.entries()) {
    const t0 = nowMs();
    let read: string;
    try {
      read = await recognisePage(page.bytes);
    } catch {
      ctx.progress('本机没有 tesseract：不测文字识别');
      return;
    }
    seconds += (nowMs() - t0) / 1000;
    accuracy += characterAccuracy(known[i].join(''), read);
  }
  ctx.emit('ocr.seconds_per_page', seconds / pages.length, 's');
  ctx.emit('ocr.character_accuracy', accuracy / pages.length, 'ratio');
}

function measureArchiving(ctx: BenchContext, db: ClinicDatabase): void {
  const count = 2000;
  // A year of its own per run, so a reused data folder takes new case numbers.
  const runYear = Math.floor(Date.now() / 1000);
  const at = new Date().toISOString();
  const docs = Array.from({ length: count }, (_, n) => {
    const caseNumber = `bench-${2030 + (runYear % 60)}-W01-${String(n).padStart(5, '0')}`;
    return {
      ...EXAMPLE_ARCHIVE_CASE,
      _id: `archive_case:${caseNumber}`,
      caseNumber,
      created_at: at,
      updated_at: at,
      encounterId: `encounter:${ulidFor(10_000_000 + n)}`,
    };
  });
  const t0 = nowMs();
  for (let i = 0; i < count; i += 100) {
    const results = db.store.bulkDocs(docs.slice(i, i + 100));
    if (results.some((r) => !r.ok)) throw new Error(JSON.stringify(results.find((r) => !r.ok)));
  }
  ctx.emit('archive.case_document_write.docs_per_s', count / ((nowMs() - t0) / 1000), 'docs/s');
}

export default async function run(ctx: BenchContext): Promise<void> {
  const size = ctx.size ?? 20_000;
  const dataDir = flag(ctx.args, '--data-dir') ?? mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-archive-'));
  const file = path.join(dataDir, 'archive-bench.sqlite');
  const reuse = existsSync(file);
  const db = openClinicDatabase(file, { slowQueryLog: false });
  try {
    if (reuse) ctx.progress(`沿用 ${file}`);
    else build(db, size, ctx);
    const notes = db.sqlite.prepare<[], number>('SELECT count(*) FROM outpatient_notes').pluck().get() ?? 0;
    ctx.emit('corpus.notes', notes, 'docs');
    ctx.emit('db.file_size.mb', db.store.info().fileSizeBytes / 1e6, 'MB');
    const queries = recordsSearchQueries(db.orm);
    const visible: RecordFilters = { canSeeSealed: false };
    const random = seededRandom(5);
    const pick = <T>(list: ReadonlyArray<T>) => list[Math.floor(random() * list.length)];
    const kinds: Record<string, ReadonlyArray<string>> = {
      word: Array.from({ length: 300 }, () => pick(MEDICAL_WORDS)),
      single_character: Array.from({ length: 100 }, () => pick(SINGLE_CHARACTERS)),
      latin_token: Array.from({ length: 100 }, () => pick(LATIN_TOKENS)),
      two_words: Array.from({ length: 300 }, () => `${pick(MEDICAL_WORDS)} ${pick(MEDICAL_WORDS)}`),
    };
    for (const [kind, list] of Object.entries(kinds)) {
      ctx.progress(`全文检索：${kind}`);
      measure(ctx, `search.full_text.${kind}`, list.length - 20, (i) => queries.fullText(ftsExpression(queryPhrases(list[i % list.length])), visible, 20));
    }
    const days = Array.from({ length: 28 }, (_, d) => `2025-0${1 + (d % 9)}-${String(1 + d).padStart(2, '0')}`);
    measure(ctx, 'search.structured.department_date', 200, (i) =>
      queries.notes({ ...visible, departmentCode: ['NK', 'WK', 'EK'][i % 3], dateFrom: days[i % 28], dateTo: days[i % 28] }, 50),
    );
    measure(ctx, 'search.structured.doctor', 200, (i) => queries.notes({ ...visible, doctorUsername: i % 2 ? 'li.ming' : 'wang.hua' }, 50));
    measure(ctx, 'search.structured.case_number', 200, (i) => queries.notes({ ...visible, caseNumber: caseNumberOf((i * 7919) % Math.max(1, notes)) }, 50));
    measure(ctx, 'search.structured.qc_grade', 200, (i) => queries.notes({ ...visible, qcGrade: GRADES[i % GRADES.length] }, 50));
    measureArchiving(ctx, db);
    await measureOcr(ctx);
  } finally {
    db.close();
  }
}
