import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { EXAMPLE_STAMP } from './examples';
import { CLINIC_KEY_ID } from './ids';

/**
 * The clinic's SM2 public key for certified copies (病案复印专用章's electronic counterpart). The
 * private half stays sealed on the PC that made it (electron/services/copies/clinic-key.ts), so each
 * PC that prints copies publishes its own; every PC verifies every one.
 */
export const clinicKeyDoc = z.object({
  _id: z.string().regex(CLINIC_KEY_ID),
  type: z.literal('clinic_key'),
  ...documentBase,
  purpose: z.literal('certified_copy'),
  workstation: z.string().min(1),
  algorithm: z.literal('SM2'),
  public_key: z.string().regex(/^04[0-9a-f]{128}$/, 'SM2 公钥格式不对'),
  status: z.enum(['active', 'revoked']),
  status_at: isoTimestamp.optional(),
});
export type ClinicKeyDoc = z.infer<typeof clinicKeyDoc>;

export const EXAMPLE_CLINIC_KEY = {
  _id: 'clinic_key:01JQ0000000000000000000022',
  type: 'clinic_key',
  ...EXAMPLE_STAMP,
  purpose: 'certified_copy',
  workstation: 'W03',
  algorithm: 'SM2',
  public_key: `04${'1a'.repeat(64)}`,
  status: 'active',
};
