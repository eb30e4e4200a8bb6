import { rolesGrant, type Permission, type Role } from '../../../../shared/permissions';

export const SECTION_IDS = ['registration', 'outpatient', 'records', 'sync', 'admin'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionSpec {
  readonly id: SectionId;
  /** Function key that opens it: front-desk staff know F-keys from older hospital systems. */
  readonly fkey: `F${number}`;
  /** Alt+digit opens it too, for keyboards where F-keys are taken by the laptop. */
  readonly digit: string;
  /** Shown only to roles that may use it; the main process enforces the same rule. */
  readonly permission: Permission;
}

export const SECTIONS: ReadonlyArray<SectionSpec> = [
  { id: 'registration', fkey: 'F1', digit: '1', permission: 'encounter.register' },
  { id: 'outpatient', fkey: 'F2', digit: '2', permission: 'encounter.chart' },
  { id: 'records', fkey: 'F3', digit: '3', permission: 'archive.manage' },
  { id: 'sync', fkey: 'F4', digit: '4', permission: 'sync.run' },
  { id: 'admin', fkey: 'F5', digit: '5', permission: 'admin.manage' },
];

export function sectionAllowed(section: SectionSpec, roles: ReadonlyArray<Role>): boolean {
  return rolesGrant(roles, section.permission);
}

/** The section a key press asks for: F1–F5, or Alt+1–5. Null when the key is not a section shortcut. */
export function sectionForKey(key: { readonly key: string; readonly altKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean }): SectionId | null {
  if (key.ctrlKey || key.metaKey) return null;
  const match = SECTIONS.find((section) => (key.altKey ? key.key === section.digit : key.key === section.fkey));
  return match ? match.id : null;
}

/** The only section built so far is administration: start there if allowed, else at the first allowed one. */
export function startingSection(roles: ReadonlyArray<Role>): SectionId {
  const allowed = SECTIONS.filter((section) => sectionAllowed(section, roles));
  return (allowed.find((section) => section.id === 'admin') ?? allowed[0] ?? SECTIONS[0]).id;
}
