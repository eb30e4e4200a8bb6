import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { isGroupingRow, loadDivisions, parseDivisions } from './divisions';

const text = readFileSync(new URL('../data/divisions_cn.csv', import.meta.url), 'utf8');
const divisions = parseDivisions(text);
const index = loadDivisions(text);

describe('divisions_cn.csv', () => {
  it('has the counts SOURCES.md states, four levels deep', () => {
    const count = (level: number) => divisions.filter((d) => d.level === level).length;
    expect([count(1), count(2), count(3), count(4)]).toEqual([31, 342, 2978, 41352]);
    expect(index.size).toBe(44703);
    expect(index.provinces().map((p) => p.name)).toContain('河南省');
  });

  it('finds a division by native, GB/T 2260 and 12-digit codes', () => {
    expect(index.get('41')?.name).toBe('河南省');
    expect(index.get('410000')?.name).toBe('河南省');
    expect(index.get('410100')?.name).toBe('郑州市');
    expect(index.get('410102')?.name).toBe('中原区');
    expect(index.get('410102001')?.name).toBe('林山寨街道');
    expect(index.get('410102001000')?.name).toBe('林山寨街道');
    expect(index.get('999999')).toBeUndefined();
    // 东莞: the county-level row shares 441900 with the prefecture; the native code wins.
    expect(index.get('441900')?.level).toBe(3);
  });

  it('gives the path from the province down, without grouping rows unless asked', () => {
    expect(index.divisionPath('410102001')).toEqual(['河南省', '郑州市', '中原区', '林山寨街道']);
    expect(index.divisionPath('110101')).toEqual(['北京市', '东城区']);
    expect(index.divisionPath('110101', { keepGroupingRows: true })).toEqual(['北京市', '市辖区', '东城区']);
    expect(index.divisionPath('429004')).toEqual(['湖北省', '仙桃市']);
    expect(index.divisionPath('nope')).toEqual([]);
  });

  it('lists children, lifting the children of grouping rows', () => {
    const beijing = index.childrenOf('11');
    expect(beijing.every((d) => d.level === 3)).toBe(true);
    expect(beijing.map((d) => d.name)).toContain('东城区');
    expect(index.childrenOf('11', { keepGroupingRows: true }).map((d) => d.name)).toEqual(['市辖区']);
    const hubei = index.childrenOf('420000').map((d) => d.name);
    expect(hubei).toContain('武汉市');
    expect(hubei).toContain('仙桃市');
    expect(index.childrenOf('').length).toBe(31);
    expect(index.childrenOf('410102001')).toEqual([]);
    expect(index.childrenOf('999999')).toEqual([]);
  });

  it('lists all divisions of a level under a division', () => {
    const henanCounties = index.within('41', 3);
    expect(henanCounties.length).toBeGreaterThan(100);
    expect(henanCounties.every((d) => d.code.startsWith('41') && d.level === 3)).toBe(true);
    expect(index.within('410102', 4).length).toBeGreaterThan(5);
    expect(index.within('', 1).length).toBe(31);
    expect(index.within('410102', 3).map((d) => d.code)).toEqual(['410102']);
  });

  it('marks the nine grouping rows of the 2023 tables, and nothing else', () => {
    expect(divisions.filter(isGroupingRow).map((d) => d.code)).toEqual(['1101', '1201', '3101', '4190', '4290', '4690', '5001', '5002', '6590']);
    expect(index.divisionPath('659001')).toEqual(['新疆维吾尔自治区', '石河子市']);
  });

  it('rejects a file with the wrong columns or a code that does not fit its level', () => {
    expect(() => parseDivisions('code,name\n11,北京市\n')).toThrow(/missing column/);
    expect(() => parseDivisions('code,name,parent_code,level,code6\n110,北京市,,1,110000\n')).toThrow(/does not fit/);
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, ""y""","line\nbreak"\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ]);
    expect(parseCsv('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
    expect(() => parseCsv('"open')).toThrow(SyntaxError);
  });
});
