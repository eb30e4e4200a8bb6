import { z } from 'zod';

/** Staff roles. A user may hold several. */
/**
 * `trainee`: an intern (实习) or probationer (试用期) doctor. They chart like a doctor, but what they
 * sign needs a licensed doctor's counter-signature (REGULATIONS.md ID-03); an account holding it is
 * never counted as licensed, whatever else it holds.
 */
export const ROLES = ['admin', 'registrar', 'doctor', 'trainee', 'archivist', 'medical_affairs', 'quality_reviewer', 'auditor'] as const;
export const roleName = z.enum(ROLES);
export type Role = z.infer<typeof roleName>;

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: '系统管理员',
  registrar: '挂号员',
  doctor: '医生',
  trainee: '实习/试用期医生',
  archivist: '病案管理员',
  medical_affairs: '医务科',
  quality_reviewer: '质控员',
  auditor: '审计员',
};

/**
 * Permissions checked by the router before any handler runs. `public` needs no login; `session`
 * needs any logged-in user. The others are granted by roles below.
 */
export const PERMISSIONS = [
  'public',
  'session',
  'admin.manage',
  'patient.read',
  'patient.write',
  'encounter.register',
  'encounter.chart',
  /** See archived cases and search them. */
  'archive.read',
  /** The record room's desks: archive queue, archiving, scanning, lending, copies. */
  'archive.manage',
  /** Grade cases and send their defects back to the doctor (AR-07). */
  'archive.qc',
  /** 医务科 approvals: a change after archiving (AR-05), loans, unsealing, copies. */
  'archive.approve',
  /** Seal and unseal, and see sealed cases (which never show otherwise, not even as a count). */
  'archive.seal',
  'sync.run',
  'device.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlyArray<Permission>>> = {
  admin: ['admin.manage', 'sync.run', 'device.manage', 'audit.read', 'patient.read'],
  registrar: ['patient.read', 'patient.write', 'encounter.register', 'device.manage'],
  doctor: ['patient.read', 'patient.write', 'encounter.chart'],
  trainee: ['patient.read', 'patient.write', 'encounter.chart'],
  archivist: ['patient.read', 'archive.read', 'archive.manage', 'archive.qc'],
  medical_affairs: ['patient.read', 'archive.read', 'archive.manage', 'archive.approve', 'archive.seal', 'archive.qc'],
  quality_reviewer: ['archive.read', 'archive.qc'],
  auditor: ['audit.read'],
};

export function rolesGrant(roles: ReadonlyArray<Role>, permission: Permission): boolean {
  if (permission === 'public' || permission === 'session') return true;
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
