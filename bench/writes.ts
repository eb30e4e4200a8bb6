/**
 * Document writes per second: N patient documents (default 100,000) in batches of 1,000 through
 * the store's bulkDocs, projections included, on a fresh WAL file. Baseline in the same run: the
 * same JSON bodies inserted into a bare SQLite table (no revisions, no projections).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openClinicDatabase } from '../db/open';
import { loadDivisions } from '../shared/codes';
import type { PatientDoc } from '../shared/docs';
import { generatePatients } from '../electron/demo';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

const BATCH = 1000;

export default async function run(ctx: BenchContext): Promise<void> {
  const total = ctx.size ?? 100_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-writes-'));
  try {
    const divisions = loadDivisions(readFileSync(path.join(import.meta.dirname, '..', 'shared', 'data', 'divisions_cn.csv'), 'utf8'));
    ctx.progress(`生成 ${total} 份患者文档…`);
    const docs: PatientDoc[] = [
      ...generatePatients(total, {
        seed: 'bench',
        divisions,
        clinicCode: 'bench01',
        clinicDivision: '130582102',
        keyHex: 'ab'.repeat(32),
        now: new Date('2026-11-01T08:00:00+08:00'),
      }),
    ];

    const db = openClinicDatabase(path.join(dir, 'clinic.sqlite'), { slowQueryLog: false });
    const batchMs: number[] = [];
    const started = nowMs();
    for (let i = 0; i < docs.length; i += BATCH) {
      const t0 = nowMs();
      const results = db.store.bulkDocs(docs.slice(i, i + BATCH));
      batchMs.push(nowMs() - t0);
      const failed = results.find((r) => !r.ok);
      if (failed) throw new Error(`write failed: ${JSON.stringify(failed)}`);
      if ((i / BATCH) % 20 === 0) ctx.progress(`已写入 ${i + BATCH}/${total}`);
    }
    const seconds = (nowMs() - started) / 1000;
    const fileBytes = db.store.info().fileSizeBytes;
    db.close();

    const raw = new Database(path.join(dir, 'raw.sqlite'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO docs (id, body) VALUES (?, ?)');
    const insertBatch = raw.transaction((slice: PatientDoc[]) => {
      for (const doc of slice) insert.run(doc._id, JSON.stringify(doc));
    });
    const rawStarted = nowMs();
    for (let i = 0; i < docs.length; i += BATCH) insertBatch(docs.slice(i, i + BATCH));
    const rawSeconds = (nowMs() - rawStarted) / 1000;
    raw.close();

    ctx.emit('writes.docs_per_s', total / seconds, 'docs/s');
    ctx.emit('writes.batch.p50_ms', percentile(batchMs, 50), 'ms');
    ctx.emit('writes.batch.p95_ms', percentile(batchMs, 95), 'ms');
    ctx.emit('writes.baseline_raw_sqlite.docs_per_s', total / rawSeconds, 'docs/s');
    ctx.emit('writes.ratio_vs_raw_sqlite', seconds / rawSeconds, 'x slower');
    ctx.emit('writes.file_size.mb', fileBytes / 1e6, 'MB');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
