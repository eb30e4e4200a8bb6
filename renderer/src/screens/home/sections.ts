import { rolesGrant, type Permission, type Role } from '../../../../shared/permissions';

export const SECTION_IDS = ['registration', 'outpatient', 'records', 'sync', 'admin'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionSpec {
  readonly id: SectionId;
  /** Function key that opens it: front-desk staff know F-keys from older hospital systems. */
  readonly fkey: `F${number}`;
  /** Alt+digit opens it too, for keyboards where F-keys are taken by the laptop. */
  readonly digit: string;
  /** Shown to roles holding any of these; the main process enforces the same rule per method. */
  readonly permissions: ReadonlyArray<Permission>;
}

export const SECTIONS: ReadonlyArray<SectionSpec> = [
  { id: 'registration', fkey: 'F1', digit: '1', permissions: ['encounter.register'] },
  { id: 'outpatient', fkey: 'F2', digit: '2', permissions: ['encounter.chart'] },
  { id: 'records', fkey: 'F3', digit: '3', permissions: ['archive.manage'] },
  { id: 'sync', fkey: 'F4', digit: '4', permissions: ['sync.run'] },
  // The registrar sets up the front desk's card reader and scanner here (外接设备), nothing else.
  { id: 'admin', fkey: 'F5', digit: '5', permissions: ['admin.manage', 'device.manage'] },
];

export function sectionAllowed(section: SectionSpec, roles: ReadonlyArray<Role>): boolean {
  return section.permissions.some((permission) => rolesGrant(roles, permission));
}

/** The section a key press asks for: F1–F5, or Alt+1–5. Null when the key is not a section shortcut. */
export function sectionForKey(key: { readonly key: string; readonly altKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean }): SectionId | null {
  if (key.ctrlKey || key.metaKey) return null;
  const match = SECTIONS.find((section) => (key.altKey ? key.key === section.digit : key.key === section.fkey));
  return match ? match.id : null;
}

/** Sections that are built, in the order a user is best started in: the front desk first. */
const BUILT: ReadonlyArray<SectionId> = ['registration', 'admin', 'sync'];

/** Start in the first built section the roles allow, else at the first allowed one. */
export function startingSection(roles: ReadonlyArray<Role>): SectionId {
  const allowed = SECTIONS.filter((section) => sectionAllowed(section, roles));
  const built = BUILT.find((id) => allowed.some((section) => section.id === id));
  return built ?? (allowed[0] ?? SECTIONS[0]).id;
}
