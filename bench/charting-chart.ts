/**
 * Charting figures of the doctor's workstation, as measure functions for `bench/charting.ts`:
 * opening a patient with 200 past visits (chart and history, target ≤ 50 ms) and saving a note.
 */
import { ulid } from 'ulid';
import {
  EXAMPLE_CLINIC_SETTINGS,
  EXAMPLE_DEPARTMENT,
  EXAMPLE_ENCOUNTER,
  EXAMPLE_OUTPATIENT_NOTE,
  EXAMPLE_PATIENT,
  EXAMPLE_PRESCRIPTION,
  EXAMPLE_USER,
} from '../shared/docs/examples';
import { noteContent } from '../shared/docs/outpatient-note';
import { bindClinicData } from '../electron/app/bind-data';
import { openChart, patientHistory } from '../electron/services/outpatient/chart';
import { saveNote } from '../electron/services/outpatient/notes';
import type { Actor } from '../electron/services/sessions';
import type { ChartingBench } from './charting';
import type { BenchContext } from './run';
import { nowMs, percentile } from './stats';

const ACTOR: Actor = { username: 'li.ming', displayName: '李明', roles: ['doctor'], departmentCodes: ['NK'], workstation: 'W01' };
const PAST_VISITS = 200;

function seed(bench: ChartingBench): { data: ReturnType<typeof bindClinicData>; openVisit: string } {
  const data = bindClinicData(bench.db, '');
  const docs: Array<Record<string, unknown>> = [EXAMPLE_CLINIC_SETTINGS, EXAMPLE_DEPARTMENT, EXAMPLE_USER, EXAMPLE_PATIENT];
  for (let i = 0; i < PAST_VISITS; i += 1) {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const encounter = `encounter:${ulid()}`;
    docs.push({ ...EXAMPLE_ENCOUNTER, _id: encounter, visit_date: day, visit_number: `W01-${day.replaceAll('-', '')}-0001`, status: 'completed' });
    docs.push({ ...EXAMPLE_OUTPATIENT_NOTE, _id: `outpatient_note:${ulid()}`, encounter_id: encounter, status: 'signed' });
    docs.push({ ...EXAMPLE_PRESCRIPTION, _id: `prescription:${ulid()}`, encounter_id: encounter, status: 'signed' });
  }
  const openVisit = `encounter:${ulid()}`;
  docs.push({ ...EXAMPLE_ENCOUNTER, _id: openVisit, status: 'in_progress', doctor_username: ACTOR.username, visit_number: 'W01-20250301-0009' });
  data.store.bulkDocs(docs as never);
  return { data, openVisit };
}

function emit(ctx: BenchContext, metric: string, samples: number[]): void {
  ctx.emit(`${metric}.p50`, percentile(samples, 50), 'ms');
  ctx.emit(`${metric}.p95`, percentile(samples, 95), 'ms');
}

/** Opening the visit of a patient with 200 past visits: the chart (banner, note, draft) and the history timeline. */
export async function measureOpenPatient(ctx: BenchContext, bench: ChartingBench): Promise<void> {
  const { data, openVisit } = seed(bench);
  const samples: number[] = [];
  for (let round = 0; round < 30; round += 1) {
    const t0 = nowMs();
    const chart = openChart(data, ACTOR, openVisit);
    patientHistory(data, chart.banner.id);
    samples.push(nowMs() - t0);
  }
  emit(ctx, 'chart.open_patient_200_visits', samples);
}

/** Saving the open visit's note (create, then updates), each in its own transaction with its projection. */
export async function measureSaveNote(ctx: BenchContext, bench: ChartingBench): Promise<void> {
  const { data, openVisit } = seed(bench);
  const icd = () => ({ retired: false });
  const content = noteContent.parse(EXAMPLE_OUTPATIENT_NOTE);
  const samples: number[] = [];
  let note: { id: string; rev: string } | null = null;
  for (let round = 0; round < 100; round += 1) {
    const t0 = nowMs();
    const saved = saveNote(data, icd, ACTOR, {
      encounterId: openVisit,
      noteId: note?.id,
      rev: note?.rev,
      content: { ...content, chief_complaint: `头晕 ${round} 天` },
    });
    samples.push(nowMs() - t0);
    note = { id: saved.id, rev: saved.rev };
  }
  emit(ctx, 'chart.save_note', samples);
}
