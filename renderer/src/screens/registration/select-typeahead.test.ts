import { describe, expect, it } from 'vitest';
import { initialsOf, optionByInitials } from './select-typeahead';

describe('choosing a drop-down option by pinyin initials', () => {
  it('reads the initials of Chinese labels and drops codes and punctuation', () => {
    expect(initialsOf('汉族')).toBe('hz');
    expect(initialsOf('03 内科')).toBe('nk');
    expect(initialsOf('城乡居民医保')).toBe('cxjmyb');
  });

  it('finds the option the letters start, wherever it is in the list', () => {
    const labels = ['', '汉族', '蒙古族', '回族', '藏族', '维吾尔族'];
    expect(optionByInitials(labels, 'hz', 0)).toBe(1);
    expect(optionByInitials(labels, 'mgz', 0)).toBe(2);
    expect(optionByInitials(labels, 'wwez', 0)).toBe(5);
    expect(optionByInitials(labels, 'xyz', 0)).toBe(-1);
  });

  it('goes on to the next option with the same initial when one letter is typed again', () => {
    const labels = ['', '汉族', '蒙古族', '回族'];
    expect(optionByInitials(labels, 'h', 0)).toBe(1);
    expect(optionByInitials(labels, 'h', 1)).toBe(3);
    expect(optionByInitials(labels, 'hh', 3)).toBe(1);
  });
});
