/**
 * `npm run demo -- --patients N [--data-dir DIR] [--seed S] [--division CODE] [--days D]`
 * Fills a throw-away data folder with a believable township health centre: departments, staff,
 * N patients and a year of visits. Refuses a folder that already holds a clinic.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDivisions } from '../../shared/codes';
import { flagValue, resolveDataDir } from '../app/data-dir';
import { createClinicApp } from '../app/clinic-app';
import { APP_VERSION } from '../app/version';
import { fillDemoClinic } from '../demo/fill';
import { staffRoster } from '../demo/staff';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const patients = Number(flagValue(argv, '--patients') ?? 1000);
  if (!Number.isInteger(patients) || patients < 0) throw new Error('--patients 需要一个非负整数');
  const days = Number(flagValue(argv, '--days') ?? 365);
  const explicitDir = flagValue(argv, '--data-dir') ?? process.env.CLINIC_DATA_DIR;
  const dataDir = explicitDir ? resolveDataDir(argv, process.env) : mkdtempSync(path.join(os.tmpdir(), 'clinic-demo-'));
  const divisions = loadDivisions(readFileSync(new URL('../../shared/data/divisions_cn.csv', import.meta.url), 'utf8'));

  const app = await createClinicApp({ dataDir, version: APP_VERSION });
  try {
    const summary = await fillDemoClinic(app, {
      patients,
      daysBack: days,
      seed: flagValue(argv, '--seed') ?? 'demo',
      clinicDivision: flagValue(argv, '--division') ?? '130582102',
      divisions,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    console.log(`演示数据已生成：${dataDir}`);
    console.log(`  患者 ${summary.patients} 人，就诊 ${summary.encounters} 人次，员工 ${summary.staff} 人，用时 ${(summary.ms / 1000).toFixed(1)} 秒`);
    console.log(`  登录：admin / ${summary.password}（所有演示账号同一密码）；演示账号：`);
    const departments = new Map(app.context.data.departments.list().map((d) => [d.code, d.name]));
    for (const line of staffRoster(app.context.data.users.list(), departments)) console.log(`    ${line}`);
    console.log(`  启动：npm start -- --data-dir ${dataDir}`);
  } finally {
    app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`生成演示数据失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
