import type { DivisionIndex } from '../../shared/codes';
import type { UserDoc } from '../../shared/docs';
import type { ClinicApp } from '../app/clinic-app';
import { hashPassword } from '../services/passwords';
import { initializeClinic, readClinicSettings } from '../services/setup';
import { DEMO_DEPARTMENTS, estimateVisitsPerDay, generateEncounters, generatePatients, generateStaff } from './index';
import type { EncounterPatient } from './encounters';

export const DEMO_PASSWORD = 'Demo2026';
const BATCH = 1000;

export interface FillOptions {
  readonly patients: number;
  readonly daysBack: number;
  readonly seed: string;
  /** 9-digit township (or 6-digit county) where the demo clinic stands. */
  readonly clinicDivision: string;
  readonly divisions: DivisionIndex;
  readonly now?: Date;
  readonly progress?: (line: string) => void;
}

/**
 * Fills an empty clinic with demo data: settings and staff through the ordinary write path, then
 * patients and visits as a bulk load (bulkDocs in batches of 1,000, documents only, the projections
 * rebuilt once at the end; see ClinicData.bulkLoad). Patients and visits are streamed, so a million
 * patients never sit in memory as documents.
 */
export async function fillDemoClinic(app: ClinicApp, options: FillOptions) {
  const started = Date.now();
  const now = options.now ?? new Date();
  const { data } = app.context;
  const progress = options.progress ?? (() => {});
  if (readClinicSettings(data)) throw new Error('这个数据目录里已经有机构数据了；演示数据只写入空目录，请换一个 --data-dir');

  const clinicCode = 'demo01';
  await initializeClinic(
    data,
    {
      clinic: { name: '示范镇中心卫生院', code: clinicCode, divisionCode: options.clinicDivision },
      departments: DEMO_DEPARTMENTS.map((d) => ({ ...d })),
      admin: { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD },
      workstationId: 'GH1',
    },
    now,
  );
  const settings = readClinicSettings(data);
  if (!settings) throw new Error('初始设置没有写入');

  const staff = generateStaff({ seed: options.seed, clinicCode, now, departments: DEMO_DEPARTMENTS, passwordHash: await hashPassword(DEMO_PASSWORD) });
  writeAll(
    app,
    staff.filter((u) => u.username !== 'admin'),
  );
  const registrars = staff.filter((u: UserDoc) => u.roles.includes('registrar')).map((u) => u.username);

  const light: EncounterPatient[] = [];
  let rebuildShown = 0;
  const encounters = await data.bulkLoad(
    async () => {
      let batch: Array<Record<string, unknown> & { _id: string }> = [];
      let written = 0;
      let phaseStarted = Date.now();
      const flush = (label: string, total: number) => {
        writeAll(app, batch);
        written += batch.length;
        batch = [];
        if (written % 50_000 === 0 || written === total) {
          const rate = Math.round(written / ((Date.now() - phaseStarted) / 1000));
          progress(Number.isFinite(total) ? `${label} ${written}/${total}（${rate} 条/秒）` : `${label} ${written}（${rate} 条/秒）`);
        }
      };
      for (const patient of generatePatients(options.patients, {
        seed: options.seed,
        divisions: options.divisions,
        clinicCode,
        clinicDivision: options.clinicDivision,
        keyHex: settings.patient_id_key,
        now,
        registrars,
      })) {
        light.push({ _id: patient._id, birth_date: patient.birth_date, created_at: patient.created_at, sex: patient.sex, insurance: patient.insurance });
        batch.push(patient);
        if (batch.length === BATCH) flush('患者', options.patients);
      }
      if (batch.length > 0) flush('患者', options.patients);

      written = 0;
      phaseStarted = Date.now();
      let encounters = 0;
      for (const encounter of generateEncounters(light, {
        seed: options.seed,
        clinicCode,
        now,
        departments: DEMO_DEPARTMENTS.map((d) => ({ ...d, active: true })),
        staff,
        daysBack: options.daysBack,
        expectedVisitsPerDay: estimateVisitsPerDay(options.patients),
      })) {
        batch.push(encounter);
        encounters += 1;
        if (batch.length === BATCH) flush('就诊', Number.NaN);
      }
      if (batch.length > 0) flush('就诊', encounters);
      return encounters;
    },
    ({ done, total }) => {
      if (done - rebuildShown < 100_000 && done < total) return;
      rebuildShown = done;
      progress(`建立查询索引 ${done}/${total}`);
    },
  );
  return { patients: light.length, encounters, staff: staff.length, password: DEMO_PASSWORD, ms: Date.now() - started };
}

function writeAll(app: ClinicApp, docs: ReadonlyArray<Record<string, unknown> & { _id: string }>): void {
  const results = app.context.data.store.bulkDocs(docs);
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) throw new Error(`演示数据写入失败（${failed.id}）：${failed.reason}`);
}
