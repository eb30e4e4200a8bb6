import { z } from 'zod';
import { isoDateProblem, isoTimestampProblem } from '../time/iso';

/**
 * ISO-8601 timestamp with offset, as written by `new Date().toISOString()`, naming a real instant
 * (shared/time/iso.ts): a pattern alone would let `2026-02-30T25:61:00Z` through.
 */
export const isoTimestamp = z.string().superRefine((value, ctx) => {
  const problem = isoTimestampProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem === 'format' ? '时间应写成 2026-03-14T08:30:00+08:00 这样' : '时间不存在，请检查日期和时刻' });
});
/** Calendar date, YYYY-MM-DD, naming a real day: `9999-99-99`, `0000-00-00` and `2026-02-29` are refused. */
export const isoDate = z.string().superRefine((value, ctx) => {
  const problem = isoDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem === 'format' ? '日期应写成 2026-03-14 这样' : '日期不存在，请检查年、月、日' });
});

/** A clinic code: the health centre's own short code, used in database names and record numbers. */
export const clinicCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,30}$/, '机构编码只能用小写字母、数字、下划线和连字符，2–31 位');

/**
 * Fields every document carries, at a given version of its type. `clinic_code` travels with the
 * document so the county's merged database can tell clinics apart; `schema_version` says which
 * schema the body follows, so a newer program can upgrade it and an older one can tell it does not
 * know it yet (see registry.ts).
 */
export function documentFields<Version extends number>(version: Version) {
  return {
    schema_version: z.literal(version),
    clinic_code: clinicCode,
    created_at: isoTimestamp,
    created_by: z.string().min(1),
    updated_at: isoTimestamp,
    updated_by: z.string().min(1),
  };
}

/** The common fields of a type's first version. */
export const documentBase = documentFields(1);
