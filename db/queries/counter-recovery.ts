/**
 * Local counters (`counters`) are not replicated: a PC restored from the county starts with none,
 * and would hand out numbers already used — visit numbers (`visit:<workstation>:<YYYYMMDD>`) and,
 * worse, audit sequence numbers (`audit:<workstation>`), whose event ids would collide with the
 * recovered chain. This derives them again from the recovered documents' projections. A counter is
 * only ever raised, never lowered, so running it twice (or on a PC that never lost anything) is safe.
 */
import type { ClinicOrm } from '../orm';

/** `W01-20250301-0042` → counter `visit:W01:20250301`, value 42 (see electron/services/visits). */
const VISIT_NUMBER = /^([A-Z0-9]{1,8})-(\d{8})-(\d{1,9})$/;

export interface CounterRecovery {
  /** Counters raised, by name, to the value now stored. */
  readonly raised: Readonly<Record<string, number>>;
  readonly visitCounters: number;
  readonly auditCounters: number;
}

export function deriveCountersFromRecord(db: ClinicOrm): CounterRecovery {
  const wanted = new Map<string, number>();
  const want = (name: string, value: number) => wanted.set(name, Math.max(wanted.get(name) ?? 0, value));

  const sqlite = db.$client;
  for (const visitNumber of sqlite.prepare<[], string>('SELECT DISTINCT visit_number FROM encounters').pluck().all()) {
    const match = VISIT_NUMBER.exec(visitNumber);
    if (match) want(`visit:${match[1]}:${match[2]}`, Number(match[3]));
  }
  const visitCounters = wanted.size;
  for (const row of sqlite
    .prepare<[], { workstation: string; seq: number }>('SELECT workstation, max(seq) AS seq FROM audit_events GROUP BY workstation')
    .all()) {
    want(`audit:${row.workstation}`, row.seq);
  }

  const current = sqlite.prepare<[string], number>('SELECT value FROM counters WHERE name = ?').pluck();
  const raise = sqlite.prepare<[string, number]>(
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = max(value, excluded.value)',
  );
  const raised: Record<string, number> = {};
  sqlite.transaction(() => {
    for (const [name, value] of wanted) {
      const before = current.get(name) ?? 0;
      if (before >= value) continue;
      raise.run(name, value);
      raised[name] = value;
    }
  })();
  return { raised, visitCounters, auditCounters: wanted.size - visitCounters };
}
