import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { patientDoc } from '../docs/patient';
import { HASHED_PATIENT_ID, createPatientIdDeriver, patientIdFromResidentId } from './patient-id';
import { makeResidentId } from './resident-id';

const KEY = '00112233445566778899aabbccddeeff';

describe('patientIdFromResidentId', () => {
  // Reference values computed independently with OpenSSL 3:
  //   echo -n 11010519491231002X | openssl dgst -sm3 -mac HMAC -macopt hexkey:<key>
  it('matches HMAC-SM3 computed by OpenSSL', () => {
    expect(patientIdFromResidentId('11010519491231002X', KEY)).toBe('patient:h25172451a5ff43be37108600d308eb78');
    expect(patientIdFromResidentId('440524198001010013', 'ab'.repeat(64))).toBe('patient:hd555ecb8d3c967eb20fc4000aac0baa4');
  });

  it('gives the same ids through a reusable deriver', () => {
    const derive = createPatientIdDeriver(KEY);
    expect(derive('11010519491231002X')).toBe('patient:h25172451a5ff43be37108600d308eb78');
    expect(derive('440524198001010013')).toBe(patientIdFromResidentId('440524198001010013', KEY));
  });

  it('is the same for lower-case x and for upper-case key hex', () => {
    expect(patientIdFromResidentId('11010519491231002x', KEY.toUpperCase())).toBe(patientIdFromResidentId('11010519491231002X', KEY));
  });

  it('fits the patient document id pattern', () => {
    const id = patientIdFromResidentId('11010519491231002X', KEY);
    expect(id).toMatch(HASHED_PATIENT_ID);
    expect(patientDoc.shape._id.safeParse(id).success).toBe(true);
  });

  it('is deterministic, depends on the key, and never contains the number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 40_000 }), (seq, dayOffset) => {
        const birth = new Date(Date.UTC(1920, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
        const id18 = makeResidentId('410102', birth, seq);
        const a = patientIdFromResidentId(id18, KEY);
        const other = patientIdFromResidentId(id18, 'ff' + KEY.slice(2));
        const digits = a.replace(/\D/g, '');
        return a === patientIdFromResidentId(id18, KEY) && a !== other && !a.includes(id18) && !digits.includes(id18.slice(6, 14));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses invalid numbers and weak or malformed keys', () => {
    expect(() => patientIdFromResidentId('110105194912310021', KEY)).toThrow(RangeError);
    expect(() => patientIdFromResidentId('110105491231002', KEY)).toThrow(RangeError);
    expect(() => patientIdFromResidentId('11010519491231002X', KEY.slice(0, 30))).toThrow(RangeError);
    expect(() => patientIdFromResidentId('11010519491231002X', `${KEY}a`)).toThrow(RangeError);
    expect(() => patientIdFromResidentId('11010519491231002X', `${KEY.slice(2)}zz`)).toThrow(RangeError);
  });
});
