/**
 * When a visit is 复诊: the rule the registration service enforces and the form shows, kept in one
 * place so the two always say the same thing.
 *
 * A 复诊 follows up an earlier visit to the same department: a patient seen in 内科 last week who
 * comes back to 内科 is 复诊; the same patient sent on to 外科 today is 初诊 there (the surgeon sees
 * them for the first time). The period is the clinic's (clinic settings `return_visit_days`),
 * 30 days unless set: long enough for a course of treatment and a check-up, short enough that a
 * patient back after months with a new complaint is seen afresh.
 */
export const DEFAULT_RETURN_VISIT_DAYS = 30;

export function returnVisitRule(days: number = DEFAULT_RETURN_VISIT_DAYS): string {
  return `复诊：${days} 天内在同一科室看过（未退号）的患者再来就诊；第一次来或换了科室的是初诊。`;
}

/** The first day (YYYY-MM-DD) whose visit a 复诊 on `day` may follow. */
export function returnVisitSince(day: string, days: number = DEFAULT_RETURN_VISIT_DAYS): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}
