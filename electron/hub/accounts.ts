/**
 * One account per workstation, made when it pairs. The secret is 32 random bytes, shown once (to
 * the pairing PC) and kept on the hub only as its SHA-256: a random 256-bit secret cannot be
 * guessed from its hash, so the slow password hashes that staff passwords need (they are short and
 * chosen by people) would only slow down every replication request.
 *
 * Revoking keeps the account in the list (its number is never given out again: visit numbers carry
 * it) but refuses it at once; the server also ends its open connections (server.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HUB_STATE_KEYS, readJson, writeJson, type HubStateStore } from './state';

const workstationAccount = z.object({
  workstationNumber: z.string(),
  account: z.string(),
  label: z.string(),
  secretHash: z.string(),
  pairedAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type WorkstationAccount = z.infer<typeof workstationAccount>;
const accountList = z.array(workstationAccount);

export interface NewAccount {
  readonly account: WorkstationAccount;
  readonly secret: string;
}

export type Authentication =
  { readonly ok: true; readonly account: WorkstationAccount } | { readonly ok: false; readonly reason: 'no-credentials' | 'unknown' | 'revoked' };

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** `Basic base64(user:secret)` → its parts; null for anything else. */
export function parseBasicAuth(header: string | undefined): { user: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 ? { user: text.slice(0, colon), secret: text.slice(colon + 1) } : null;
}

/** How long a workstation's "last seen" may lag before it is written (every request would be a write). */
const LAST_SEEN_WRITE_MS = 60_000;

export class WorkstationAccounts {
  private accounts: WorkstationAccount[];
  private lastSeenSavedAt = 0;

  constructor(
    private readonly state: HubStateStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.accounts = readJson(state, HUB_STATE_KEYS.workstations, (v) => accountList.parse(v), []);
  }

  list(): ReadonlyArray<WorkstationAccount> {
    return this.accounts;
  }

  /**
   * A new account with the next workstation number: after every number the centre has used (the
   * hub's own, and every workstation's ever paired, revoked ones too).
   */
  create(label: string, hubWorkstation: string): NewAccount {
    const used = [hubWorkstation, ...this.accounts.map((a) => a.workstationNumber)].map((n) => Number(/(\d+)$/.exec(n)?.[1] ?? 0));
    const next = Math.max(1, ...used) + 1;
    const workstationNumber = `W${String(next).padStart(2, '0')}`;
    const secret = randomBytes(32).toString('base64url');
    const account: WorkstationAccount = {
      workstationNumber,
      account: `ws_${workstationNumber.toLowerCase()}`,
      label,
      secretHash: hashSecret(secret),
      pairedAt: this.now().toISOString(),
      lastSeenAt: null,
      revokedAt: null,
    };
    this.accounts = [...this.accounts, account];
    this.save();
    return { account, secret };
  }

  /** Refuses the workstation from now on; false when there is no such workstation or it was already revoked. */
  revoke(workstationNumber: string): WorkstationAccount | null {
    const found = this.accounts.find((a) => a.workstationNumber === workstationNumber && a.revokedAt === null);
    if (!found) return null;
    const revoked = { ...found, revokedAt: this.now().toISOString() };
    this.accounts = this.accounts.map((a) => (a === found ? revoked : a));
    this.save();
    return revoked;
  }

  authenticate(header: string | undefined): Authentication {
    const credentials = parseBasicAuth(header);
    if (!credentials) return { ok: false, reason: 'no-credentials' };
    const account = this.accounts.find((a) => a.account === credentials.user);
    const given = Buffer.from(hashSecret(credentials.secret), 'hex');
    // Compared in constant time even for an unknown account, so timing tells nothing.
    const expected = Buffer.from(account?.secretHash ?? hashSecret(''), 'hex');
    const matches = timingSafeEqual(given, expected) && account !== undefined;
    if (!matches || !account) return { ok: false, reason: 'unknown' };
    if (account.revokedAt !== null) return { ok: false, reason: 'revoked' };
    this.touch(account);
    return { ok: true, account };
  }

  private touch(account: WorkstationAccount): void {
    const at = this.now();
    const seen = { ...account, lastSeenAt: at.toISOString() };
    this.accounts = this.accounts.map((a) => (a.account === account.account ? seen : a));
    if (at.getTime() - this.lastSeenSavedAt >= LAST_SEEN_WRITE_MS) {
      this.lastSeenSavedAt = at.getTime();
      this.save();
    }
  }

  private save(): void {
    writeJson(this.state, HUB_STATE_KEYS.workstations, this.accounts);
  }
}
