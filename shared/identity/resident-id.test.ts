import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdAgainst, makeResidentId, residentIdCheckCharacter, validateResidentId } from './resident-id';

const TODAY = { today: '2025-06-01' };

describe('validateResidentId', () => {
  it('accepts the example number from GB 11643-1999 and reads it', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id18: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '2',
      divisionCode: '110105',
      legacy: false,
    });
  });

  it('accepts lower-case x, spaces and full-width digits, and normalises them', () => {
    for (const typed of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２ｘ']) {
      const result = validateResidentId(typed, TODAY);
      expect(result.ok && result.id18).toBe('11010519491231002X');
    }
  });

  it('reads the sex from the parity of the 17th digit', () => {
    const male = validateResidentId('440524198001010013', TODAY);
    expect(male.ok && male.sex).toBe('1');
  });

  it('converts a 15-digit legacy number by inserting 19 and computing the check character', () => {
    const result = validateResidentId('110105491231002', TODAY);
    expect(result).toMatchObject({ ok: true, id18: '11010519491231002X', birthDate: '1949-12-31', sex: '2', legacy: true });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['11010519491231002A', 'bad_characters'],
    ['1101051949-1231002X', 'bad_characters'],
    ['X10105194912310029', 'bad_characters'],
    ['11010549123100X', 'bad_characters'],
    ['1101051949123100', 'bad_length'],
    ['11010519491231002X1', 'bad_length'],
    ['991050194912310029', 'bad_region'],
    ['110105194902300024', 'bad_date'], // 2月30日
    ['110105194913010024', 'bad_date'], // month 13
    ['110105190002290024', 'bad_date'], // 1900 was not a leap year
    ['440524188001010014', 'date_before_1900'], // GB 11643's own second example, born 1880: rejected here
    ['110105203001010020', 'date_in_future'],
    ['110105194912310021', 'bad_check_digit'],
    ['110105491331002', 'bad_date'], // legacy number, month 13
  ])('rejects %j with %s', (typed, code) => {
    const result = validateResidentId(typed, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says how many digits were typed when the length is wrong', () => {
    const result = validateResidentId('1234567890', TODAY);
    expect(!result.ok && result.message).toContain('10 位');
  });

  it('accepts 2000-02-29 (leap) and a birth date of today', () => {
    expect(validateResidentId(makeResidentId('110105', '2000-02-29', 1), TODAY).ok).toBe(true);
    expect(validateResidentId(makeResidentId('110105', '2025-06-01', 1), TODAY).ok).toBe(true);
    expect(validateResidentId(makeResidentId('110105', '2025-06-02', 1), TODAY).ok).toBe(false);
  });
});

describe('check character (ISO 7064 MOD 11-2)', () => {
  it('matches hand-computed values', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052419800101001')).toBe('3');
  });

  const arbitraryId = fc
    .record({
      area: fc.constantFrom('110105', '410102', '441900', '652901', '130104'),
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ area, date, seq }) => makeResidentId(area, date.toISOString().slice(0, 10), seq));

  it('every number made by makeResidentId validates and round-trips', () => {
    fc.assert(
      fc.property(arbitraryId, (id) => {
        const result = validateResidentId(id, TODAY);
        return result.ok && result.id18 === id && result.divisionCode === id.slice(0, 6);
      }),
    );
  });

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(arbitraryId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, position, delta) => {
        const alphabet = '0123456789X';
        const current = alphabet.indexOf(id[position]);
        const replaced = alphabet[(current + delta) % 11];
        if (position < 17 && replaced === 'X') return true; // not a digit position for X
        const mutated = id.slice(0, position) + replaced + id.slice(position + 1);
        return !validateResidentId(mutated, TODAY).ok;
      }),
    );
  });

  it('catches every transposition of two different adjacent digits', () => {
    fc.assert(
      fc.property(arbitraryId, fc.integer({ min: 0, max: 15 }), (id, i) => {
        if (id[i] === id[i + 1]) return true;
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        return !validateResidentId(swapped, TODAY).ok;
      }),
    );
  });
});

describe('makeResidentId', () => {
  it('makes odd sequences male and even ones female', () => {
    const male = validateResidentId(makeResidentId('410102', '1960-05-04', 17), TODAY);
    const female = validateResidentId(makeResidentId('410102', '1960-05-04', '018'), TODAY);
    expect(male.ok && male.sex).toBe('1');
    expect(female.ok && female.sex).toBe('2');
  });

  it('refuses malformed input', () => {
    expect(() => makeResidentId('41010', '1960-05-04', 1)).toThrow(RangeError);
    expect(() => makeResidentId('410102', '1960-02-30', 1)).toThrow(RangeError);
    expect(() => makeResidentId('410102', '1960-05-04', 1000)).toThrow(RangeError);
    expect(() => makeResidentId('410102', '1960-05-04', '17')).toThrow(RangeError);
  });
});

describe('checkIdAgainst', () => {
  const parsed = { birthDate: '1949-12-31', sex: '2' as const };
  it('passes when the form agrees or leaves fields empty', () => {
    expect(checkIdAgainst({ birthDate: '1949-12-31', sex: '2' }, parsed)).toEqual({ ok: true });
    expect(checkIdAgainst({}, parsed)).toEqual({ ok: true });
  });
  it('names each field that disagrees, with a Chinese message', () => {
    const result = checkIdAgainst({ birthDate: '1949-12-30', sex: '1' }, parsed);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.mismatches.map((m) => m.field)).toEqual(['birthDate', 'sex']);
      expect(result.mismatches[0].message).toContain('1949-12-31');
      expect(result.mismatches[1].message).toContain('女性');
    }
  });
  it('treats an unstated sex (9) as a mismatch, since the number states it', () => {
    expect(checkIdAgainst({ sex: '9' }, parsed).ok).toBe(false);
  });
});
