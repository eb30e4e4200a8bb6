import { ApiFailure, type SessionUser } from '../../shared/api';
import { userDoc, userId } from '../../shared/docs';
import type { ClinicData } from './clinic-data';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionStore } from './sessions';

// A fixed hash to verify against when the login name does not exist, so a wrong name and a wrong
// password take the same time and cannot be told apart.
let decoyHash: Promise<string> | null = null;

export async function login(
  data: ClinicData,
  sessions: SessionStore,
  username: string,
  password: string,
): Promise<{ sessionToken: string; user: SessionUser }> {
  const raw = data.store.get(userId(username.toLowerCase()));
  const parsed = raw ? userDoc.safeParse(raw) : null;
  if (!parsed?.success) {
    decoyHash ??= hashPassword('decoy-password-0');
    await verifyPassword(password, await decoyHash);
    throw new ApiFailure('BAD_CREDENTIALS');
  }
  const user = parsed.data;
  if (!(await verifyPassword(password, user.password_hash))) throw new ApiFailure('BAD_CREDENTIALS');
  if (!user.active) throw new ApiFailure('ACCOUNT_DISABLED');
  const sessionUser: SessionUser = {
    username: user.username,
    displayName: user.display_name,
    roles: [...user.roles],
    departmentCodes: [...user.department_codes],
  };
  return { sessionToken: sessions.open(sessionUser), user: sessionUser };
}
