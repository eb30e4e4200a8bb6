import { describe, expect, it } from 'vitest';
import type { SealedItem } from '../../../shared/docs';
import { listDigest, newParts, noClaimUnsealDate, unsealRefusal } from './seal-rules';

const item = (id: string, rev: string): SealedItem => ({ id, rev, type: 'outpatient_note', case_number: 'xz01-2026-W01-00001', sm3: 'a'.repeat(64) });
const stage = (items: SealedItem[]) => ({
  number: 1,
  items,
  list_sm3: listDigest(items),
  patient_side: { role: 'patient' as const, name: '王芳', id_number: '110101198005061234', confirmed_at: '2026-03-05T02:00:00.000Z' },
  institution_side: { username: 'yang.zq', display_name: '杨志强', confirmed_at: '2026-03-05T02:00:00.000Z' },
});

describe('staged sealing', () => {
  it('lists as a later part only the revisions no stage holds (a later revision of a sealed document included)', () => {
    const sealed = [item('outpatient_note:A', '1-x'), item('signature:B', '1-y')];
    const now = [...sealed, item('outpatient_note:A', '2-z'), item('signature:C', '1-w')];
    expect(newParts([stage(sealed)], now).map((i) => `${i.id}@${i.rev}`)).toEqual(['outpatient_note:A@2-z', 'signature:C@1-w']);
    expect(newParts([stage(sealed)], sealed)).toEqual([]);
  });

  it('gives a list digest that changes with any item, its order, or its digest', () => {
    const a = [item('outpatient_note:A', '1-x'), item('signature:B', '1-y')];
    expect(listDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(listDigest([...a].reverse())).not.toBe(listDigest(a));
    expect(listDigest([a[0], { ...a[1], sm3: 'b'.repeat(64) }])).not.toBe(listDigest(a));
  });
});

describe('unsealing', () => {
  const seal = { status: 'sealed' as const, sealed_at: '2026-03-05T02:00:00.000Z', unseal_approval: undefined };

  it('dates the no-claim rule 3 years after the clinic day of sealing (29 February ends with the month)', () => {
    expect(noClaimUnsealDate(seal.sealed_at, 'Asia/Shanghai')).toBe('2029-03-05');
    // 2026-03-04T20:00Z is already 5 March in China.
    expect(noClaimUnsealDate('2026-03-04T20:00:00.000Z', 'Asia/Shanghai')).toBe('2029-03-05');
    expect(noClaimUnsealDate('2028-02-29T02:00:00.000Z', 'Asia/Shanghai')).toBe('2031-02-28');
  });

  it('needs approval, or the 3 years, and never unseals twice', () => {
    expect(unsealRefusal(seal, 'approved', new Date('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toContain('医务科批准');
    const approved = { ...seal, unseal_approval: { by: { username: 'yang.zq', display_name: '杨志强' }, at: '2026-06-01T00:00:00.000Z', reason: '已调解' } };
    expect(unsealRefusal(approved, 'approved', new Date('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toBeNull();
    expect(unsealRefusal(seal, 'no_claim', new Date('2029-03-04T15:59:59Z'), 'Asia/Shanghai')).toContain('2029-03-05');
    expect(unsealRefusal(seal, 'no_claim', new Date('2029-03-04T16:00:00Z'), 'Asia/Shanghai')).toBeNull();
    expect(unsealRefusal({ ...approved, status: 'unsealed' }, 'approved', new Date(), 'Asia/Shanghai')).toContain('已经启封');
  });
});
