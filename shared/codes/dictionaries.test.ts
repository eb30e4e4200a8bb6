import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sexCode } from '../docs/patient';
import { codeMap, parseEthnicities, parseGb2261, parseRelationships } from './dictionaries';

const read = (name: string) => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');

describe('national code tables', () => {
  it('ethnicity (GB/T 3304): 56 groups with numeric and letter codes', () => {
    const groups = parseEthnicities(read('ethnicity_gb3304.csv'));
    expect(groups).toHaveLength(56);
    const byCode = codeMap(groups);
    expect(byCode.get('01')).toEqual({ code: '01', alphaCode: 'HA', name: '汉族' });
    expect(byCode.get('08')?.name).toBe('壮族');
    expect(byCode.get('56')?.name).toBe('基诺族');
  });

  it('sex (GB/T 2261.1) matches the codes the patient schema allows, and marital status (GB/T 2261.2)', () => {
    const { sex, maritalStatus } = parseGb2261(read('gb2261.csv'));
    expect(sex.map((s) => s.code)).toEqual([...sexCode.options]);
    expect(codeMap(sex).get('2')?.name).toBe('女');
    expect(maritalStatus.map((m) => m.code)).toEqual(['10', '20', '21', '22', '23', '30', '40', '90']);
    expect(codeMap(maritalStatus).get('30')?.name).toBe('丧偶');
  });

  it('relationship (GB/T 4761): 84 codes in groups', () => {
    const relations = parseRelationships(read('gb4761_relationship.csv'));
    expect(relations).toHaveLength(84);
    const byCode = codeMap(relations);
    expect(byCode.get('10')).toEqual({ code: '10', name: '配偶', parentCode: null });
    expect(byCode.get('12')).toEqual({ code: '12', name: '妻', parentCode: '10' });
    expect(byCode.get('52')?.name).toBe('母亲');
    expect(byCode.get('99')?.parentCode).toBeNull();
    expect(relations.every((r) => r.parentCode === null || byCode.has(r.parentCode))).toBe(true);
  });

  it('codeMap refuses duplicate codes', () => {
    expect(() =>
      codeMap([
        { code: '1', name: 'a' },
        { code: '1', name: 'b' },
      ]),
    ).toThrow(/duplicate/);
  });
});
