import type { ConflictChoice, ConflictDetailView } from '../../../../shared/api/sync';

/** Per field, the index of the side whose value is kept (fields not listed keep the base side's). */
export type FieldPicks = Readonly<Record<string, number>>;

/** The side a field currently shows as chosen. */
export function pickedSide(picks: FieldPicks, field: string, base: number): number {
  return picks[field] ?? base;
}

/**
 * What to send for the person's choices: one side whole when every pick agrees with the base side,
 * otherwise the base side with the fields picked from others. Picks of fields that do not differ
 * carry nothing and are left out.
 */
export function choiceFromPicks(detail: ConflictDetailView, base: number, picks: FieldPicks): ConflictChoice {
  const baseRev = detail.sides[base].rev;
  const differing = new Set(detail.fields.filter((f) => f.differs && f.pickable).map((f) => f.name));
  const fromOthers: Record<string, string> = {};
  for (const [field, side] of Object.entries(picks)) {
    if (side === base || !differing.has(field) || !detail.sides[side]) continue;
    fromOthers[field] = detail.sides[side].rev;
  }
  return Object.keys(fromOthers).length === 0 ? { kind: 'keep', rev: baseRev } : { kind: 'fields', base: baseRev, picks: fromOthers };
}
