/** Today's registrations, and the queue in front of a department or a doctor. */
import type { VisitView } from '../../../shared/api';
import type { EncounterDoc } from '../../../shared/docs/encounter';
import { clinicDate } from '../../../shared/time/clinic-time';
import type { ClinicData } from '../clinic-data';
import { requireSettings } from '../patients/patient-records';
import type { EncounterRow } from '../../../db/queries';
import { byCallOrder, byRegistration, placeInDay, visitNames, visitView } from './visit-views';

type Status = EncounterDoc['status'];

function views(data: ClinicData, rows: ReadonlyArray<EncounterRow>, day: ReadonlyArray<EncounterRow>): VisitView[] {
  const names = visitNames(data, requireSettings(data));
  return rows.map((row) => visitView(data, row, data.documents.winningRev(row.id) ?? '', placeInDay(row, day), names));
}

/** The front desk's order: who is still to be called comes first, what is done sinks to the bottom. */
const LIST_GROUP: Readonly<Record<string, number>> = { waiting: 0, in_progress: 1, completed: 2, cancelled: 2 };

/** Today list: waiting in the order they will be called, then in consultation, then finished and cancelled, each by registration. */
export function byListOrder(a: EncounterRow, b: EncounterRow): number {
  const group = (LIST_GROUP[a.status] ?? 3) - (LIST_GROUP[b.status] ?? 3);
  if (group !== 0) return group;
  return a.status === 'waiting' ? byCallOrder(a, b) : byRegistration(a, b);
}

export function listVisits(
  data: ClinicData,
  filters: { date?: string; departmentCode?: string; doctorUsername?: string; status?: Status },
  now = new Date(),
): { date: string; visits: VisitView[]; counts: Record<Status, number> } {
  const date = filters.date ?? clinicDate(now, requireSettings(data).time_zone);
  const day = data.encounters.ofDay(date);
  const matching = day.filter(
    (v) => (!filters.departmentCode || v.departmentCode === filters.departmentCode) && (!filters.doctorUsername || v.doctorUsername === filters.doctorUsername),
  );
  const counts: Record<Status, number> = { waiting: 0, in_progress: 0, completed: 0, cancelled: 0 };
  for (const v of matching) if (v.status in counts) counts[v.status as Status] += 1;
  const shown = filters.status ? matching.filter((v) => v.status === filters.status) : matching;
  return { date, visits: views(data, [...shown].sort(byListOrder), day), counts };
}

/**
 * Who is waiting, in the order they will be called (emergencies first). For a doctor: the
 * patients registered to them plus those registered to the department without a doctor, which any
 * doctor of the department may call; positions are renumbered in that combined order.
 */
export function visitQueue(
  data: ClinicData,
  input: { departmentCode: string; doctorUsername?: string },
  now = new Date(),
): { date: string; waiting: VisitView[] } {
  const date = clinicDate(now, requireSettings(data).time_zone);
  const day = data.encounters.ofDay(date);
  const waiting = day
    .filter((v) => v.status === 'waiting' && v.departmentCode === input.departmentCode)
    .filter((v) => !input.doctorUsername || v.doctorUsername === input.doctorUsername || v.doctorUsername === null)
    .sort(byCallOrder);
  const list = views(data, waiting, day);
  return { date, waiting: input.doctorUsername ? list.map((v, i) => ({ ...v, queuePosition: i + 1 })) : list };
}
