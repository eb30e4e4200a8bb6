/**
 * Deterministic patient document id from a resident ID number (ARCHITECTURE.md, "Data").
 *
 * `patient:h` + the first 32 hex digits (128 bits) of HMAC-SM3(key, id18), where the key is the
 * county-wide `patient_id_key` from the clinic settings. Two clinics of one county registering the
 * same person offline therefore produce the same `_id` and meet as a conflict, not as duplicates.
 * The HMAC (RFC 2104 construction over SM3, GB/T 32905-2016) means that the id reveals nothing about
 * the number: without the key, nobody can try the ~10^9 plausible numbers against it.
 *
 * The input is fixed forever as the 18-character number with an upper-case X: changing the canonical
 * form would split every patient in the county into two documents.
 */
import { sm3 } from 'sm-crypto-v2';
import { normalizeIdText, residentIdCheckCharacter } from './resident-id';

/** The hashed form of the patient id pattern (declared with the others in shared/docs/ids.ts). */
export { HASHED_PATIENT_ID } from '../docs/ids';

/**
 * Prepares the key once and returns a function from a resident ID number to the patient document
 * id. Registering one patient can use `patientIdFromResidentId`; bulk work (imports, demo data,
 * rebuilding ids) should hold on to the deriver, which skips re-reading the key on every call.
 */
export function createPatientIdDeriver(keyHex: string): (id18: string) => string {
  // At least 128 bits of key, whole bytes: sm-crypto-v2 would silently left-pad an odd-length hex key.
  if (!/^(?:[0-9a-fA-F]{2}){16,}$/.test(keyHex)) {
    throw new RangeError('patient id key must be hex, an even number of digits, at least 32');
  }
  const key = new Uint8Array(keyHex.length / 2);
  for (let i = 0; i < key.length; i += 1) key[i] = parseInt(keyHex.slice(2 * i, 2 * i + 2), 16);
  const message = new Uint8Array(18);

  return (id18: string): string => {
    const id = normalizeIdText(id18);
    if (!/^\d{17}[\dX]$/.test(id) || residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) {
      throw new RangeError('patient id needs a valid 18-character resident ID number (validate it first)');
    }
    for (let i = 0; i < 18; i += 1) message[i] = id.charCodeAt(i); // ASCII: the bytes are the characters
    const mac = sm3(message, { key, mode: 'hmac' });
    return `patient:h${mac.slice(0, 32)}`;
  };
}

export function patientIdFromResidentId(id18: string, keyHex: string): string {
  return createPatientIdDeriver(keyHex)(id18);
}
