import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../shared/codes/divisions';
import { AddressPicker, IdCountyPicker, resolveClinicPlace } from './places';
import { Prng } from './prng';

const divisions = loadDivisions(readFileSync(new URL('../../shared/data/divisions_cn.csv', import.meta.url), 'utf8'));

describe('resolveClinicPlace', () => {
  it('accepts a township or a county, including counties under grouping rows', () => {
    const township = divisions.within('411424', 4)[2];
    expect(resolveClinicPlace(divisions, township.code)).toMatchObject({ township, provinceCode: '41' });
    const county = resolveClinicPlace(divisions, '411424');
    expect(county.township).toBeNull();
    expect(county.countyTownships.every((t) => t.parentCode === '411424')).toBe(true);
    // 东城区 sits under 北京's "市辖区" grouping row; 仙桃 under 湖北's 省直辖县级行政区划.
    expect(resolveClinicPlace(divisions, '110101').prefectureCounties.length).toBeGreaterThan(10);
    expect(resolveClinicPlace(divisions, '429004').provinceCounties.every((c) => c.code.startsWith('42'))).toBe(true);
  });

  it('refuses provinces, prefectures and unknown codes', () => {
    expect(() => resolveClinicPlace(divisions, '410000')).toThrow(RangeError);
    expect(() => resolveClinicPlace(divisions, '4114')).toThrow(RangeError);
    expect(() => resolveClinicPlace(divisions, '123456789')).toThrow(RangeError);
  });
});

describe('AddressPicker and IdCountyPicker', () => {
  const place = resolveClinicPlace(divisions, '411424');

  it('gives each township the same villages in every run', () => {
    const a = new AddressPicker(place, 'seed');
    const b = new AddressPicker(place, 'seed');
    const rngA = new Prng(1);
    const rngB = new Prng(1);
    for (let i = 0; i < 200; i += 1) expect(a.pick(rngA)).toEqual(b.pick(rngB));
  });

  it('writes village addresses for 乡/镇 and community addresses for 街道', () => {
    const picker = new AddressPicker(place, 'seed');
    const rng = new Prng(2);
    for (let i = 0; i < 500; i += 1) {
      const address = picker.pick(rng);
      const township = divisions.get(address.division_code);
      const pattern = /(街道|办事处)$/.test(township?.name ?? '') ? /^.+社区\d+号楼\d单元\d0\d室$/ : /^.+村\d+组\d+号$/;
      expect(address.detail).toMatch(pattern);
      expect(address.detail.length).toBeLessThanOrEqual(120);
    }
  });

  it('issues ID numbers from counties of the province, mostly the clinic county', () => {
    const picker = new IdCountyPicker(place);
    const rng = new Prng(3);
    let home = 0;
    for (let i = 0; i < 2000; i += 1) {
      const county = picker.pick(rng);
      expect(picker.counties[county.index].code).toBe(county.code6);
      expect(county.code6.startsWith('41')).toBe(true);
      if (county.code6 === '411424') home += 1;
    }
    expect(home / 2000).toBeGreaterThan(0.7);
  });
});
