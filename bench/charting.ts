/**
 * `npm run bench -- charting`: the doctor's workstation figures, one measure function per figure,
 * all on one fresh database. To add a figure, write `async function measureX(ctx, bench)` and list
 * it in MEASURES. Prints JSON lines; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openClinicDatabase, type ClinicDatabase } from '../db/open';
import { clinicQueries, type ClinicQueries } from '../db/queries';
import { searchInitials } from '../shared/codes';
import type { DrugDoc } from '../shared/docs';
import { DrugSearch } from '../electron/services/dictionary/drug-search';
import { IcdDictionary } from '../electron/services/dictionary/icd-dictionary';
import { measureOpenPatient, measureSaveNote } from './charting-chart';
import { measureSigning } from './charting-signing';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

export interface ChartingBench {
  readonly db: ClinicDatabase;
  readonly queries: ClinicQueries;
}

type Measure = (ctx: BenchContext, bench: ChartingBench) => Promise<void>;

/** Times `work` over every query, `rounds` times, and emits p50 and p95 in ms. */
function emitLatency(ctx: BenchContext, metric: string, queries: ReadonlyArray<string>, rounds: number, work: (query: string) => unknown): void {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const t0 = nowMs();
      work(query);
      samples.push(nowMs() - t0);
    }
  }
  ctx.emit(`${metric}.p50`, percentile(samples, 50), 'ms');
  ctx.emit(`${metric}.p95`, percentile(samples, 95), 'ms');
}

/** What a doctor types, keystroke by keystroke: codes, initials, names (one outside the BMP). */
const typed = (words: ReadonlyArray<string>): string[] =>
  words.flatMap((word) =>
    Array.from(word).map((_, i) =>
      Array.from(word)
        .slice(0, i + 1)
        .join(''),
    ),
  );
const ICD_QUERIES = typed([
  'I10',
  'E11.900',
  'e119',
  'J06',
  'K29.5',
  'gxy',
  'tnb',
  'sgxy',
  'jxshxdgr',
  'mxwy',
  '高血压',
  '糖尿病',
  '肺炎',
  '上呼吸道感染',
  '慢性胃炎',
  '错𬌗',
  '炎',
  '2型',
]);

async function measureIcdSearch(ctx: BenchContext, bench: ChartingBench): Promise<void> {
  const dictionary = new IcdDictionary(bench.queries.icd);
  let t0 = nowMs();
  dictionary.ensureLoaded();
  ctx.emit('icd.starter_load.ms', nowMs() - t0, 'ms');
  t0 = nowMs();
  const codes = dictionary.current('yb2')?.index.size ?? 0;
  ctx.emit('icd.index_build.ms', nowMs() - t0, 'ms');
  ctx.emit('icd.codes', codes, 'codes');
  emitLatency(ctx, 'icd.search', ICD_QUERIES, 20, (query) => dictionary.search(query, 'yb2', 20));
}

const DRUG_NAMES = [
  '阿莫西林胶囊',
  '头孢氨苄片',
  '布洛芬缓释胶囊',
  '对乙酰氨基酚片',
  '苯磺酸氨氯地平片',
  '硝苯地平控释片',
  '二甲双胍片',
  '格列美脲片',
  '阿司匹林肠溶片',
  '奥美拉唑肠溶胶囊',
  '蒙脱石散',
  '氯雷他定片',
  '复方甘草片',
  '维生素C片',
  '葡萄糖注射液',
  '氯化钠注射液',
  '左氧氟沙星片',
  '阿奇霉素片',
  '厄贝沙坦片',
  '辛伐他汀片',
];
const DRUG_QUERIES = typed(['amxl', 'bls', '阿莫', '地平', 'ejsg', '注射液', 'asp', 'DRUG0042']);

async function measureDrugSearch(ctx: BenchContext, bench: ChartingBench): Promise<void> {
  const count = ctx.size ?? 2000;
  const now = new Date('2026-11-01T08:00:00+08:00').toISOString();
  const docs: DrugDoc[] = Array.from({ length: count }, (_, i) => {
    const name = `${DRUG_NAMES[i % DRUG_NAMES.length]}${i >= DRUG_NAMES.length ? `（${Math.floor(i / DRUG_NAMES.length)}厂）` : ''}`;
    const code = `DRUG${String(i).padStart(4, '0')}`;
    return {
      _id: `drug:${code}`,
      type: 'drug',
      schema_version: 1,
      clinic_code: 'bench01',
      created_at: now,
      created_by: 'admin',
      updated_at: now,
      updated_by: 'admin',
      code,
      generic_name: name,
      initials: searchInitials(name).slice(0, 60),
      form: '片剂',
      strength_value: 0.25,
      strength_unit: 'g',
      unit: '片',
      package_size: 24,
      package_unit: '盒',
      drug_class: null,
      default_dose: 0.5,
      default_dose_unit: 'g',
      default_route: 'po',
      default_frequency: 'tid',
      antibiotic_grade: null,
      essential: i % 3 === 0,
      active: true,
    };
  });
  const results = bench.db.store.bulkDocs(docs);
  if (results.some((r) => !r.ok)) throw new Error('drug documents were refused');
  ctx.emit('drugs.count', count, 'drugs');
  const search = new DrugSearch(bench.queries.drugs, bench.db.store);
  emitLatency(ctx, 'drugs.search', DRUG_QUERIES, 20, (query) => search.search(query, 20));
  // The same queries in SQL alone (no index in memory), for comparison.
  emitLatency(ctx, 'drugs.search_sql', DRUG_QUERIES, 5, (query) => bench.queries.drugs.search(query, 20));
  search.close();
}

/** Signing keeps its own database (a note type declared for the run), 500 signed notes. */
const measureSignAndVerify: Measure = (ctx) => measureSigning(ctx, { notes: 500 });

const MEASURES: ReadonlyArray<Measure> = [measureIcdSearch, measureDrugSearch, measureOpenPatient, measureSaveNote, measureSignAndVerify];

export default async function run(ctx: BenchContext): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-charting-'));
  const db = openClinicDatabase(path.join(dir, 'clinic.sqlite'), { slowQueryLog: false });
  try {
    const bench: ChartingBench = { db, queries: clinicQueries(db.orm) };
    for (const measure of MEASURES) {
      ctx.progress(measure.name);
      await measure(ctx, bench);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
