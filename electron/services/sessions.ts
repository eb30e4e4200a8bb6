import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../shared/api';
import type { Role } from '../../shared/permissions';

export interface Session {
  user: SessionUser;
  readonly createdAt: number;
  lastSeenAt: number;
}

/** Who makes a call: the logged-in user, with roles and departments, on this PC's workstation. */
export interface Actor {
  readonly username: string;
  readonly displayName: string;
  readonly roles: ReadonlyArray<Role>;
  readonly departmentCodes: ReadonlyArray<string>;
  /** The workstation id set up on this PC (the `W01` of audit ids and visit numbers). */
  readonly workstation: string;
}

export function actorOf(session: Session, workstation: string): Actor {
  const { username, displayName, roles, departmentCodes } = session.user;
  return { username, displayName, roles, departmentCodes, workstation };
}

/**
 * Logged-in sessions, kept in memory only: a restart of the app logs everyone out, which is what
 * a shared front-desk PC should do. A session idles out after `idleMs` without a call.
 */
/** What a session's rights are made of: when any of it changes, the session ends. */
export interface AccountNow {
  readonly active: boolean;
  readonly roles: ReadonlyArray<Role>;
  readonly departmentCodes: ReadonlyArray<string>;
}

const sameList = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Sessions an administrator kept while changing their own account: they take the new rights. */
  private readonly keptThroughEdit = new Set<string>();

  constructor(
    private readonly idleMs = 8 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  open(user: SessionUser): string {
    const token = randomBytes(24).toString('hex');
    const at = this.now();
    this.sessions.set(token, { user, createdAt: at, lastSeenAt: at });
    return token;
  }

  resolve(token: string | null): { session: Session | null; expired: boolean } {
    if (!token) return { session: null, expired: false };
    const session = this.sessions.get(token);
    if (!session) return { session: null, expired: false };
    const at = this.now();
    if (at - session.lastSeenAt > this.idleMs) {
      this.sessions.delete(token);
      return { session: null, expired: true };
    }
    session.lastSeenAt = at;
    return { session, expired: false };
  }

  /** Ends every session of `username` except `keep` (the caller's own), e.g. when the account is stopped. */
  closeUser(username: string, keep?: string): number {
    let closed = 0;
    for (const [token, session] of this.sessions) {
      if (session.user.username === username && token !== keep) {
        this.sessions.delete(token);
        closed += 1;
      }
    }
    if (keep) this.keptThroughEdit.add(keep);
    return closed;
  }

  /**
   * An account changed, here or at another PC of the centre (users replicate): every session of it
   * whose rights no longer match ends, so a stopped account or a changed role takes effect on each
   * connected PC within seconds. `now` is the account as stored now, null if it is gone.
   */
  reconcile(username: string, now: AccountNow | null): number {
    let closed = 0;
    for (const [token, session] of this.sessions) {
      if (session.user.username !== username) continue;
      const { roles, departmentCodes } = session.user;
      if (now && now.active && sameList(roles, now.roles) && sameList(departmentCodes, now.departmentCodes)) continue;
      if (now && now.active && this.keptThroughEdit.delete(token)) {
        session.user = { ...session.user, roles: [...now.roles], departmentCodes: [...now.departmentCodes] };
        continue;
      }
      this.sessions.delete(token);
      closed += 1;
    }
    return closed;
  }

  /** The session exists and has not idled out; unlike `resolve`, this does not count as activity. */
  isOpen(token: string): boolean {
    const session = this.sessions.get(token);
    return session !== undefined && this.now() - session.lastSeenAt <= this.idleMs;
  }

  /** The account behind a session changed (its own administrator gave it a role): the session carries it from now on. */
  refresh(token: string, user: SessionUser): void {
    const session = this.sessions.get(token);
    if (session) this.sessions.set(token, { ...session, user });
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  /** A user was disabled or changed roles: end their sessions. */
  closeAllFor(username: string): void {
    for (const [token, session] of this.sessions) if (session.user.username === username) this.sessions.delete(token);
  }
}
