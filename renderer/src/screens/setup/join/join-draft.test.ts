import { describe, expect, it } from 'vitest';
import { checkJoin, initialJoinDraft, toJoinInput } from './join-draft';
import { JOIN_TEXT } from './text';

describe('加入本院 form', () => {
  it('asks for every field plainly', () => {
    expect(checkJoin(initialJoinDraft())).toMatchObject({
      address: JOIN_TEXT.addressRequired,
      code: JOIN_TEXT.codeRequired,
      fingerprint: JOIN_TEXT.fingerprintRequired,
      label: JOIN_TEXT.labelRequired,
    });
  });

  it('accepts the first 16 digits of the fingerprint, in any case, with spaces; refuses fewer', () => {
    const draft = { address: '192.168.1.10', code: '1234 5678', fingerprint: 'ab:cd:ef:01 23:45:67:89', label: '挂号室 2' };
    expect(checkJoin(draft)).toEqual({});
    expect(toJoinInput(draft).code).toBe('12345678');
    expect(checkJoin({ ...draft, fingerprint: 'AB:CD:EF' }).fingerprint).toContain('至少前 16 位');
    expect(checkJoin({ ...draft, code: '1234' }).code).toContain('8 位数字');
  });
});
