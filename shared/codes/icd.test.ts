import { describe, expect, it } from 'vitest';
import { DictionaryIndex } from './dictionary-index';
import { checkIcdList, normalizeIcdCode, normalizeIcdQuery } from './icd';
import { csvTable } from './import-table';
import { searchInitials } from './search-initials';

const entries = [
  { code: 'J18.900', name: '肺炎' },
  { code: 'J98.405', name: '肺炎性假瘤' },
  { code: 'J15.900', name: '细菌性肺炎' },
  { code: 'I10.x00', name: '特发性（原发性）高血压' },
  { code: 'I10.x00x002', name: '高血压' },
  { code: 'K07.400', name: '错𬌗畸形' },
  { code: 'E11.900', name: '2型糖尿病' },
].map((e) => ({ ...e, initials: searchInitials(e.name) }));
const index = new DictionaryIndex(entries);
const search = (q: string) => index.search(q, 10, normalizeIcdQuery).map((h) => `${h.entry.code}:${h.matchedBy}`);

describe('ICD search ranking', () => {
  it('puts the exact code first, then code prefixes, then initials, then names', () => {
    expect(search('I10.x00')).toEqual(['I10.x00:code', 'I10.x00x002:code_prefix']);
    expect(search('gxy')).toEqual(['I10.x00x002:initials']);
    expect(search('肺炎')).toEqual(['J18.900:name', 'J98.405:name', 'J15.900:name']);
    expect(search('2xtnb')).toEqual(['E11.900:initials']);
  });

  it('keeps a character outside the BMP whole', () => {
    expect(searchInitials('错𬌗畸形')).toBe('chjx');
    expect(search('𬌗')).toEqual(['K07.400:name']);
    expect(search('\uD872')).toEqual([]);
  });
});

describe('ICD code normalization and list checks', () => {
  it('normalizes typed codes', () => {
    expect(normalizeIcdCode('ｉ１０．Ｘ００')).toBe('I10.x00');
    expect(normalizeIcdQuery('e119')).toBe('E11.9');
    expect(normalizeIcdQuery('J')).toBe('J');
  });

  it('reports each bad row and keeps the good ones', () => {
    const read = csvTable(
      new TextEncoder().encode('code,name\r\nA00.000,"霍乱，古典型"\r\nA0,x\r\nA01.000x005+J17.0*,伤寒并发肺炎\r\nC22.101M81600/3,肝细胞癌\r\n'),
    );
    if (!read.ok) throw new Error(read.message);
    const checked = checkIcdList(read.table);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.entries.map((e) => e.code)).toEqual(['A00.000', 'A01.000x005+J17.0*', 'C22.101M81600/3']);
    expect(checked.entries[0].name).toBe('霍乱，古典型');
    expect(checked.rejected).toEqual([{ line: 3, text: 'A0', reason: expect.stringContaining('格式') }]);
  });
});
