import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Projection of `audit` documents: the hash-chained audit trail, one chain per workstation. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    clinicCode: text('clinic_code').notNull(),
    workstation: text('workstation').notNull(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    targetIds: text('target_ids', { mode: 'json' }).notNull().$type<string[]>(),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_chain_idx').on(t.workstation, t.seq), index('audit_events_at_idx').on(t.at), index('audit_events_actor_idx').on(t.actor, t.at)],
);
