/**
 * Masking of identity-document numbers for lists, printouts and logs.
 *
 * Decision: a resident ID number keeps its first 6 and last 4 characters and hides the 8-digit
 * birth date (`110105********002X`). Reasons:
 * - the birth date is what, together with a name, identifies a person (GB/T 35273-2020 treats the
 *   ID number as sensitive personal information; de-identification should remove the quasi-identifier,
 *   and in a number whose layout is public that is the date);
 * - the address code says little in a township clinic, where most patients share it;
 * - "后四位" (sequence + check character) is what front-desk staff ask a patient to confirm;
 * - it is the pattern Chinese public notices (公示) commonly use, so patients recognise it.
 * A 15-digit legacy number hides its 6-digit date the same way. Any other document number (passport,
 * 军官证 …) shows at most its first 2 and last 2 characters, never more than half of it.
 */

const MASK = '*';

export function maskIdNumber(text: string): string {
  const id = text.trim();
  if (/^\d{17}[\dXx]$/.test(id)) return `${id.slice(0, 6)}${MASK.repeat(8)}${id.slice(14)}`;
  if (/^\d{15}$/.test(id)) return `${id.slice(0, 6)}${MASK.repeat(6)}${id.slice(12)}`;
  const chars = Array.from(id);
  if (chars.length === 0) return '';
  const keep = Math.min(2, Math.floor(chars.length / 4));
  return chars.slice(0, keep).join('') + MASK.repeat(chars.length - 2 * keep) + chars.slice(chars.length - keep).join('');
}
