/**
 * The front desk at a million patients: `npm run bench -- registration --size N [--days D] [--data-dir DIR]`.
 *
 * Builds a demo clinic of N patients (default 100,000) as a bulk load (fillDemoClinic: bulkDocs of
 * documents, then one projection rebuild with its indexes built at the end) with D days of visits (default 14;
 * 0 for patients only), or reuses the clinic already in --data-dir. Then measures, through the
 * service layer, search latency per kind of key typed, and, through the router (permission check,
 * audit event included), registration commit, visit registration and the duplicate check.
 * Baseline in the same run: a naive scan of the patients table (`name LIKE 'x%'`).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDivisions } from '../shared/codes';
import { makeResidentId } from '../shared/identity';
import { nameSearchKeys } from '../shared/pinyin';
import { createClinicApp, DATABASE_FILE } from '../electron/app/clinic-app';
import { DEMO_PASSWORD, fillDemoClinic } from '../electron/demo/fill';
import { searchPatients } from '../electron/services/patients/patient-search';
import { readClinicSettings } from '../electron/services/setup';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

const SAMPLE = 650;
const WARMUP = 50;

function flag(args: ReadonlyArray<string>, name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

interface Sampled {
  readonly name: string;
  readonly sex: string;
  readonly birth_date: string;
  readonly id_number: string | null;
  readonly phone: string | null;
  readonly card: string | null;
}

/** Random patients, read straight from the file (a second, read-only connection). */
function samplePatients(file: string, count: number): { patients: Sampled[]; visitNumbers: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    const max = db.prepare<[], number>('SELECT max(rowid) FROM patients').pluck().get() ?? 0;
    const byRowid = db.prepare<[number], Sampled>(
      `SELECT name, sex, birth_date, id_number, phone,
              (SELECT number FROM patient_cards c WHERE c.patient_id = p.id LIMIT 1) AS card
       FROM patients p WHERE rowid = ? AND merged_into IS NULL`,
    );
    const patients: Sampled[] = [];
    let seed = 12345;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let tries = 0; patients.length < count && tries < count * 10; tries += 1) {
      const row = byRowid.get(1 + (next() % max));
      if (row) patients.push(row);
    }
    const visitNumbers = db.prepare<[number], string>('SELECT visit_number FROM encounters ORDER BY random() LIMIT ?').pluck().all(count);
    return { patients, visitNumbers };
  } finally {
    db.close();
  }
}

/**
 * Each query twice: the first pass touches these patients' pages for the first time (a random
 * patient of a million is rarely in SQLite's page cache), the second is the steady state of a desk
 * that keeps finding the same people. The warm-up runs other queries of the kind, not these.
 */
function measure(ctx: BenchContext, metric: string, queries: ReadonlyArray<string>, run: (q: string) => void): void {
  if (queries.length <= WARMUP) return;
  for (const q of queries.slice(0, WARMUP)) run(q);
  const measured = queries.slice(WARMUP);
  for (const pass of ['', '.repeat']) {
    const ms: number[] = [];
    for (const q of measured) {
      const t0 = nowMs();
      run(q);
      ms.push(nowMs() - t0);
    }
    for (const p of [50, 95, 99]) ctx.emit(`${metric}${pass}.p${p}_ms`, percentile(ms, p), 'ms');
  }
}

async function measureAsync(ctx: BenchContext, metric: string, count: number, run: (i: number) => Promise<void>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t0 = nowMs();
    await run(i);
    ms.push(nowMs() - t0);
  }
  for (const p of [50, 95, 99]) ctx.emit(`${metric}.p${p}_ms`, percentile(ms, p), 'ms');
}

export default async function run(ctx: BenchContext): Promise<void> {
  const size = ctx.size ?? 100_000;
  const days = Number(flag(ctx.args, '--days') ?? 14);
  const given = flag(ctx.args, '--data-dir');
  const dataDir = given ?? mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-registration-'));
  const file = path.join(dataDir, DATABASE_FILE);
  const reuse = existsSync(file);
  const app = await createClinicApp({ dataDir, version: 'bench', log: (line) => ctx.progress(line) });
  try {
    const { data } = app.context;
    if (!reuse || !readClinicSettings(data)) {
      const divisions = loadDivisions(readFileSync(path.join(import.meta.dirname, '..', 'shared', 'data', 'divisions_cn.csv'), 'utf8'));
      ctx.progress(`生成演示机构：${size} 名患者，${days} 天的就诊…`);
      const summary = await fillDemoClinic(app, {
        patients: size,
        daysBack: days,
        seed: 'bench',
        clinicDivision: '130582102',
        divisions,
        progress: (line) => ctx.progress(line),
      });
      ctx.emit('import.patients', summary.patients, 'docs');
      ctx.emit('import.encounters', summary.encounters, 'docs');
      ctx.emit('import.build_s', summary.ms / 1000, 's');
      ctx.emit('import.docs_per_s', (summary.patients + summary.encounters) / (summary.ms / 1000), 'docs/s');
    } else ctx.progress(`沿用 ${dataDir} 里已有的机构数据`);
    ctx.emit('db.file_size.mb', data.store.info().fileSizeBytes / 1e6, 'MB');

    const { patients, visitNumbers } = samplePatients(file, SAMPLE);
    ctx.emit('search.sampled_patients', patients.length, 'patients');
    const keys = patients.map((p) => nameSearchKeys(p.name));
    const kinds: Record<string, string[]> = {
      name: patients.map((p) => p.name),
      name_surname_only: patients.map((p) => Array.from(p.name)[0]),
      name_first_two: patients.map((p) => Array.from(p.name).slice(0, 2).join('')),
      pinyin_initials: keys.map((k) => k.initials),
      pinyin_first_letter: keys.map((k) => k.initials.slice(0, 1)),
      pinyin_full: keys.map((k) => k.full),
      pinyin_full_first_4: keys.map((k) => k.full.slice(0, 4)),
      id_number_full: patients.flatMap((p) => (p.id_number ? [p.id_number] : [])),
      id_number_last4: patients.flatMap((p) => (p.id_number ? [p.id_number.slice(-4)] : [])),
      phone: patients.flatMap((p) => (p.phone && p.phone.startsWith('1') ? [p.phone] : [])),
      card: patients.flatMap((p) => (p.card ? [p.card] : [])),
      visit_number: visitNumbers,
    };
    for (const [kind, queries] of Object.entries(kinds)) {
      ctx.progress(`查找：${kind}（${queries.length} 次）`);
      measure(ctx, `search.${kind}`, queries, (q) => searchPatients(data, q, 20));
    }

    // Baseline: what a plain table scan costs (LIKE is case-insensitive, so no index serves it).
    const raw = new Database(file, { readonly: true });
    const like = raw.prepare<[string], { id: string }>("SELECT id FROM patients WHERE name LIKE ? || '%' LIMIT 20");
    const likeMs: number[] = [];
    for (const name of kinds.name.slice(0, 20)) {
      const t0 = nowMs();
      like.all(name);
      likeMs.push(nowMs() - t0);
    }
    raw.close();
    ctx.emit('baseline.like_scan.name.p50_ms', percentile(likeMs, 50), 'ms');

    // Through the router, as the registration screen calls it (audit event written per call).
    const users = await app.router.invoke({ method: 'auth.login', input: { username: 'admin', password: DEMO_PASSWORD } });
    const adminToken = users.ok ? (users.value as { sessionToken: string }).sessionToken : '';
    const listed = await app.router.invoke({ method: 'admin.listUsers', input: {}, session: adminToken });
    const registrar = listed.ok ? (listed.value as Array<{ username: string; roles: string[] }>).find((u) => u.roles.includes('registrar')) : undefined;
    if (!registrar) throw new Error('演示数据里没有挂号员账号');
    const login = await app.router.invoke({ method: 'auth.login', input: { username: registrar.username, password: DEMO_PASSWORD } });
    const session = login.ok ? (login.value as { sessionToken: string }).sessionToken : '';
    const call = async (method: string, input: unknown) => {
      const result = await app.router.invoke({ method, input, session });
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    };

    ctx.progress('经路由查找（含审计记录）…');
    await measureAsync(ctx, 'search.router_with_audit.name', 300, async (i) => {
      await call('patients.search', { query: kinds.name[i % kinds.name.length] });
    });
    await measureAsync(ctx, 'duplicates.check', 300, async (i) => {
      const p = patients[i % patients.length];
      await call('patients.checkDuplicates', {
        name: p.name,
        sex: p.sex,
        birthDate: p.birth_date,
        ...(p.phone ? { phone: p.phone } : {}),
        ...(p.id_number ? { idNumber: p.id_number } : {}),
      });
    });
    const registered: string[] = [];
    const stamp = Date.now() % 900;
    await measureAsync(ctx, 'register.patient_commit', 200, async (i) => {
      const saved = (await call('patients.register', {
        patient: {
          name: i % 2 ? '测试新患者' : '新来患者',
          sex: '1',
          idNumber: makeResidentId('110101', `1990-01-${String(1 + (i % 28)).padStart(2, '0')}`, 2 * ((stamp + i) % 500) + 1),
        },
        acknowledgedDuplicates: true,
      })) as { id: string };
      registered.push(saved.id);
    });
    await measureAsync(ctx, 'register.visit_commit', 200, async (i) => {
      await call('visits.register', { patientId: registered[i], departmentCode: '03', visitType: 'first', feeCategory: 'resident' });
    });
  } finally {
    app.close();
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  }
}
