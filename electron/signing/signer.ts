import type { PracticeStatus } from '../../shared/docs';
import type { Role } from '../../shared/permissions';

/** Who signs: the logged-in clinician (the router's Actor has this shape). */
export interface Signer {
  readonly username: string;
  readonly displayName: string;
  readonly roles: ReadonlyArray<Role>;
  /** This PC's workstation id (`W01`): where the signer's key is kept. */
  readonly workstation: string;
}

/**
 * Licensed: a doctor who is not also marked `trainee`. A trainee (intern or probationer) signs, and
 * a licensed doctor counter-signs (REGULATIONS.md ID-03). Anyone else who signs (a record-room
 * clerk, say) is `other`: their signature needs no counter-signature and gives none.
 */
export function practiceOf(roles: ReadonlyArray<Role>): PracticeStatus {
  if (roles.includes('trainee')) return 'trainee';
  return roles.includes('doctor') ? 'licensed' : 'other';
}

export const PRACTICE_LABELS: Readonly<Record<PracticeStatus, string>> = { licensed: '执业医师', trainee: '实习/试用期医生', other: '工作人员' };
