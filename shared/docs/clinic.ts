import { z } from 'zod';
import { isTimeZone } from '../time/clinic-time';
import { clinicCode, documentBase } from './base';
import { CLINIC_SETTINGS_ID } from './ids';

export { CLINIC_SETTINGS_ID };

/** The clinic's own settings: one per clinic database. Editable, so it may conflict across workstations. */
export const clinicSettingsDoc = z.object({
  _id: z.literal(CLINIC_SETTINGS_ID),
  type: z.literal('clinic_settings'),
  ...documentBase,
  name: z.string().trim().min(2, '机构名称至少 2 个字').max(60, '机构名称不超过 60 个字'),
  code: clinicCode,
  /** Division code (GB/T 2260 + township) of the clinic's location, if given. */
  division_code: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
  /**
   * County-wide key for deriving patient document ids from national ID numbers (hex, ≥ 32 chars).
   * The same key on every clinic of a county makes two offline registrations of one person meet
   * on one document.
   */
  patient_id_key: z.string().regex(/^(?:[0-9a-f]{2}){16,64}$/),
  /** The clinic's clock (IANA zone) for every time it shows or prints; left out: Asia/Shanghai. */
  time_zone: z.string().refine(isTimeZone, '时区不对，请从列表里选择').optional(),
  /** Days after a visit within which the patient may come back to the same department as 复诊 (default 30). */
  return_visit_days: z.number().int().min(1).max(365).optional(),
  fee_categories: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })).min(1),
});
export type ClinicSettingsDoc = z.infer<typeof clinicSettingsDoc>;

export const DEFAULT_FEE_CATEGORIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'self', name: '自费' },
  { code: 'resident', name: '城乡居民医保' },
  { code: 'employee', name: '职工医保' },
  { code: 'ncms_poverty', name: '医疗救助' },
  { code: 'public', name: '公费医疗' },
];
