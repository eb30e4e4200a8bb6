import { z } from 'zod';
import { isoTimestamp } from './base';
import { AUDIT_EVENT_ID } from './ids';

/**
 * One audited action. Events form a hash chain per workstation: `hash = SM3(prev_hash + canonical
 * body)`, so the county can detect a removed or altered event. Id: `audit:<workstation>:<seq>`.
 */
export const auditEventDoc = z.object({
  _id: z.string().regex(AUDIT_EVENT_ID),
  type: z.literal('audit'),
  schema_version: z.literal(1),
  clinic_code: z.string(),
  workstation: z.string(),
  seq: z.number().int().positive(),
  at: isoTimestamp,
  actor: z.string(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  target_ids: z.array(z.string()),
  detail: z.string().max(500).optional(),
  prev_hash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEventDoc = z.infer<typeof auditEventDoc>;
