import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a dictionary name, as a doctor types them: 2型糖尿病 → "2xtnb",
 * 特发性（原发性）高血压 → "tfxyfxgxy". Latin letters and digits are kept (lower case), punctuation is
 * dropped, and a character pinyin-pro does not know is dropped too rather than guessed.
 * Computed once when a list is imported, never while searching.
 */
export function searchInitials(name: string): string {
  const parts = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return parts
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
