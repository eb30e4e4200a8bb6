/**
 * The hub's certificate is its own (self-signed): no authority vouches for it, so a workstation
 * trusts it by its SHA-256 fingerprint, compared by a person at pairing (the hub's screen against
 * what the new PC sees) and pinned from then on.
 *
 * Fingerprints are written as Node writes `fingerprint256`: 32 bytes in upper-case hex, colon
 * separated. What a person types may drop the colons, use spaces or lower case, and may stop after
 * the first 16 hex digits (64 bits: a stranger on the LAN cannot make a certificate that matches
 * them); the PC then pins the whole fingerprint of the certificate it was shown.
 */
import { createHash, X509Certificate } from 'node:crypto';

/** The fewest leading hex digits a person must type for the comparison to count. */
export const TYPED_FINGERPRINT_MIN_DIGITS = 16;

export function fingerprintOfDer(der: Buffer): string {
  return formatFingerprint(createHash('sha256').update(der).digest('hex'));
}

export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** `ab12…` → `AB:12:…`. */
export function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{2}/g) ?? []).join(':');
}

/** Hex digits only, upper case: `ab:12 cd` → `AB12CD`. */
export function fingerprintDigits(text: string): string {
  return text.replace(/[\s:：-]/g, '').toUpperCase();
}

/** Whether what a person typed is a usable fingerprint (hex, at least the first 16 digits, at most all 64). */
export function isTypedFingerprint(text: string): boolean {
  const digits = fingerprintDigits(text);
  return /^[0-9A-F]+$/.test(digits) && digits.length >= TYPED_FINGERPRINT_MIN_DIGITS && digits.length <= 64;
}

/** The certificate's fingerprint starts with what was typed (or equals it, when all of it was). */
export function fingerprintMatches(typed: string, actual: string): boolean {
  if (!isTypedFingerprint(typed)) return false;
  return fingerprintDigits(actual).startsWith(fingerprintDigits(typed));
}
