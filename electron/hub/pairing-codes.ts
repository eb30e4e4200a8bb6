/**
 * The one-time pairing code the hub shows: 8 digits, good for 10 minutes, for one pairing. Five
 * wrong tries withdraw it (the administrator makes a new one), so guessing gets 5 chances in 10^8
 * per code an administrator chose to show. Only one code is open at a time; making a new one
 * withdraws the old.
 */
import { randomInt } from 'node:crypto';

export const PAIRING_CODE_TTL_MS = 10 * 60 * 1000;
export const PAIRING_CODE_MAX_FAILURES = 5;

export interface OpenPairingCode {
  readonly code: string;
  readonly expiresAt: string;
}

export type PairingRefusal = 'no-code' | 'wrong' | 'expired' | 'withdrawn' | 'used';
export type Redeemed = { readonly ok: true } | { readonly ok: false; readonly reason: PairingRefusal };

export class PairingCodes {
  private open: { code: string; expiresAtMs: number; failures: number } | null = null;
  /** The last code redeemed or withdrawn, so a second use is told as such, not as a wrong code. */
  private spent: { code: string; reason: 'used' | 'withdrawn' | 'expired' } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  issue(): OpenPairingCode {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    this.open = { code, expiresAtMs: this.now() + PAIRING_CODE_TTL_MS, failures: 0 };
    return this.current() as OpenPairingCode;
  }

  /** The code on show, if it is still good. */
  current(): OpenPairingCode | null {
    if (!this.open || this.now() >= this.open.expiresAtMs) return null;
    return { code: this.open.code, expiresAt: new Date(this.open.expiresAtMs).toISOString() };
  }

  withdraw(): void {
    if (this.open) this.spent = { code: this.open.code, reason: 'withdrawn' };
    this.open = null;
  }

  /** Checks a code and, when it is good, uses it up. */
  redeem(code: string): Redeemed {
    if (this.spent?.code === code && !this.open) return { ok: false, reason: this.spent.reason };
    if (!this.open) return { ok: false, reason: 'no-code' };
    if (this.now() >= this.open.expiresAtMs) {
      this.spent = { code: this.open.code, reason: 'expired' };
      this.open = null;
      return { ok: false, reason: this.spent.code === code ? 'expired' : 'no-code' };
    }
    if (this.open.code !== code) {
      this.open.failures += 1;
      if (this.open.failures >= PAIRING_CODE_MAX_FAILURES) {
        this.withdraw();
        return { ok: false, reason: 'withdrawn' };
      }
      return { ok: false, reason: 'wrong' };
    }
    this.spent = { code, reason: 'used' };
    this.open = null;
    return { ok: true };
  }
}
