import { rolesGrant, type Permission, type Role } from '../../../../shared/permissions';

export const SECTION_IDS = ['registration', 'outpatient', 'records', 'sync', 'admin'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface SectionSpec {
  readonly id: SectionId;
  /** Shown to roles holding any of these; the main process enforces the same rule per method. */
  readonly permissions: ReadonlyArray<Permission>;
}

export const SECTIONS: ReadonlyArray<SectionSpec> = [
  { id: 'registration', permissions: ['encounter.register'] },
  { id: 'outpatient', permissions: ['encounter.chart'] },
  { id: 'records', permissions: ['archive.read'] },
  { id: 'sync', permissions: ['sync.run'] },
  // The registrar sets up the front desk's card reader and scanner here (外接设备), nothing else.
  { id: 'admin', permissions: ['admin.manage', 'device.manage'] },
];

export function sectionAllowed(section: SectionSpec, roles: ReadonlyArray<Role>): boolean {
  return section.permissions.some((permission) => rolesGrant(roles, permission));
}

/** Sections that are built, in the order a user is best started in: the front desk first. */
const BUILT: ReadonlyArray<SectionId> = ['registration', 'outpatient', 'records', 'admin', 'sync'];

/** Start in the first built section the roles allow, else at the first allowed one. */
export function startingSection(roles: ReadonlyArray<Role>): SectionId {
  const allowed = SECTIONS.filter((section) => sectionAllowed(section, roles));
  const built = BUILT.find((id) => allowed.some((section) => section.id === id));
  return built ?? (allowed[0] ?? SECTIONS[0]).id;
}
