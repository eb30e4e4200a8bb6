import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { PINYIN_SYLLABLES, isPinyinSpelling } from './syllables';

describe('PINYIN_SYLLABLES', () => {
  it('covers every toneless reading pinyin-pro gives the CJK Unified Ideographs block', () => {
    const interjections = new Set(['m', 'n', 'ng', 'hm', 'hng', 'ê', 'yai']);
    const missing = new Set<string>();
    for (let code = 0x4e00; code <= 0x9fa5; code += 1) {
      const readings = pinyin(String.fromCharCode(code), { toneType: 'none', type: 'array', multiple: true, v: true });
      for (const reading of readings) {
        if (/^[a-z]+$/.test(reading) && !PINYIN_SYLLABLES.has(reading) && !interjections.has(reading)) missing.add(reading);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });
});

describe('isPinyinSpelling', () => {
  it.each([
    ['zhangsan', true],
    ['zhangs', true], // unfinished last syllable while typing
    ['xian', true],
    ['lvbu', true],
    ['stf', false],
    ['zxx', false],
    ['ww', false],
    ['', false],
  ])('%s → %s', (letters, expected) => {
    expect(isPinyinSpelling(letters)).toBe(expected);
  });
});
