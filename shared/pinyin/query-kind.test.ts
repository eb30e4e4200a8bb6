import { describe, expect, it } from 'vitest';
import { queryKind } from './query-kind';

describe('queryKind', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['11010519491231002x', { kind: 'id_number', match: 'full', value: '11010519491231002X', valid: true }],
    ['110105194912310021', { kind: 'id_number', match: 'full', value: '110105194912310021', valid: false }],
    ['110105491231002', { kind: 'id_number', match: 'full', value: '11010519491231002X', valid: true }],
    ['002X', { kind: 'id_number', match: 'suffix', value: '002X' }],
    ['1231002x', { kind: 'card', value: '1231002X' }],
    ['31002X', { kind: 'id_number', match: 'suffix', value: '31002X' }],
    ['0013', { kind: 'id_number', match: 'suffix', value: '0013' }],
    ['13812345678', { kind: 'phone', value: '13812345678' }],
    ['138 1234 5678', { kind: 'phone', value: '13812345678' }],
    ['0371-63456789', { kind: 'phone', value: '0371-63456789' }],
    ['63456789', { kind: 'card', value: '63456789' }],
    ['A12345678', { kind: 'card', value: 'A12345678' }],
    ['jz00012345', { kind: 'card', value: 'JZ00012345' }],
    ['GH1-20250601-0012', { kind: 'visit_number', value: 'GH1-20250601-0012' }],
    ['gh1-20250601-0012', { kind: 'visit_number', value: 'GH1-20250601-0012' }],
    ['stf', { kind: 'pinyin', form: 'initials', value: 'stf' }],
    ['ZXX', { kind: 'pinyin', form: 'initials', value: 'zxx' }],
    ['zhangsan', { kind: 'pinyin', form: 'full', value: 'zhangsan' }],
    ['xian', { kind: 'pinyin', form: 'full', value: 'xian' }],
    ["xi'an", { kind: 'pinyin', form: 'full', value: 'xian' }],
    ['wang', { kind: 'pinyin', form: 'either', value: 'wang' }],
    ['zhang', { kind: 'pinyin', form: 'full', value: 'zhang' }],
    ['an', { kind: 'pinyin', form: 'either', value: 'an' }],
    ['A1', { kind: 'other', value: 'A1' }],
    ['ivan', { kind: 'pinyin', form: 'full', value: 'ivan' }],
    ['单田芳', { kind: 'name', value: '单田芳' }],
    ['单 田芳', { kind: 'name', value: '单田芳' }],
    ['张s', { kind: 'name', value: '张s' }],
    ['ｓｔｆ', { kind: 'pinyin', form: 'initials', value: 'stf' }],
    ['12', { kind: 'other', value: '12' }],
    ['?!', { kind: 'other', value: '?!' }],
  ])('%j → %j', (text, expected) => {
    expect(queryKind(text)).toEqual(expected);
  });
});
