import type { OutputOf } from '../../../../shared/api';
import type { UserList } from './admin-state';

type TodayVisits = OutputOf<'visits.listToday'>['visits'];

/** Who a department's stop concerns: today's patients not yet seen to the end there, and its staff. */
export interface StopConcerns {
  /** 张三（3号）: waiting or in consultation today, in queue order. */
  readonly patients: ReadonlyArray<string>;
  /** 王医生（wangys）: active accounts that belong to the department. */
  readonly staff: ReadonlyArray<string>;
}

export function stopConcerns(code: string, visits: TodayVisits, users: UserList): StopConcerns {
  const open = visits.filter((visit) => visit.department.code === code && (visit.status === 'waiting' || visit.status === 'in_progress'));
  return {
    patients: [...open].sort((a, b) => a.queueNumber - b.queueNumber).map((visit) => `${visit.patient.name}（${visit.queueNumber}号）`),
    staff: users.filter((user) => user.active && user.departmentCodes.includes(code)).map((user) => `${user.displayName}（${user.username}）`),
  };
}
