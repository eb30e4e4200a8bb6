/**
 * What a certified copy's QR code carries, and what the clinic key signs (README.md in this folder):
 *
 *   TCC1|<copy id>|<SM3 of the drawn text, hex>|<clinic key id>|<SM2 signature r||s, hex>
 *
 * ASCII only, so a keyboard-wedge barcode scanner types it unchanged into the 复印件核验 tab. The
 * signature is over the same line without its last field (`statementOf`), so copy id, digest and key
 * are all covered.
 */
import { sm2, sm3 } from 'sm-crypto-v2';
import { CLINIC_KEY_ID, DISCLOSURE_ID } from '../../../shared/docs/ids';

export const PAYLOAD_PREFIX = 'TCC1';

export interface CopyPayload {
  readonly copyId: string;
  readonly textSm3: string;
  readonly keyId: string;
  readonly signature: string;
}

/** Signs the statement of a copy: the clinic key of this PC, already opened. */
export interface CopySigner {
  readonly keyId: string;
  sign(statement: string): string;
}

export function statementOf(payload: Omit<CopyPayload, 'signature'>): string {
  return [PAYLOAD_PREFIX, payload.copyId, payload.textSm3, payload.keyId].join('|');
}

export function formatPayload(payload: CopyPayload): string {
  return `${statementOf(payload)}|${payload.signature}`;
}

/** The payload, or null when the text is not one (a typed copy id, a foreign QR code). */
export function parsePayload(text: string): CopyPayload | null {
  const [prefix, copyId, textSm3, keyId, signature, ...rest] = text.trim().split('|');
  if (prefix !== PAYLOAD_PREFIX || rest.length > 0) return null;
  if (!DISCLOSURE_ID.test(copyId ?? '') || !CLINIC_KEY_ID.test(keyId ?? '')) return null;
  if (!/^[0-9a-f]{64}$/.test(textSm3 ?? '') || !/^[0-9a-f]{128}$/.test(signature ?? '')) return null;
  return { copyId, textSm3, keyId, signature };
}

export function signatureValid(payload: CopyPayload, publicKey: string): boolean {
  try {
    return sm2.doVerifySignature(statementOf(payload), payload.signature, publicKey, { hash: true });
  } catch {
    return false;
  }
}

/** An SM2 signer over a private key in hex (the clinic key, opened for one copy). */
export function sm2Signer(keyId: string, privateKey: string): CopySigner {
  return { keyId, sign: (statement) => sm2.doSignature(statement, privateKey, { hash: true }) };
}

/**
 * The digests a copy is checked by: each page's drawn text (strings in drawing order, one per
 * line), and the whole copy's: every page's text, page by page, then the SM3 of the embedded font
 * program, so a swapped font (a 1 drawn as a 7) changes the digest too.
 */
export function copyDigests(pages: ReadonlyArray<ReadonlyArray<string>>, fontSm3: string): { textSm3: string; pageSm3: string[] } {
  const pageTexts = pages.map((strings) => strings.join('\n'));
  return { textSm3: sm3(`${pageTexts.join('\f')}\f${fontSm3}`), pageSm3: pageTexts.map((text) => sm3(text)) };
}

export function fontDigest(bytes: Uint8Array): string {
  return sm3(bytes);
}
