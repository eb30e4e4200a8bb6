import { z } from 'zod';

/** ISO-8601 timestamp with offset, as written by `new Date().toISOString()`. */
export const isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
/** Calendar date, YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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
