/** How a patient is shown in lists and on slips: age in the clinic's way, masked numbers. */
import { parseIsoDate } from '../../../shared/identity/dates';
import { SEX_LABELS } from '../reference/code-sets';

export function sexLabel(code: string): string {
  return SEX_LABELS[code] ?? '未知';
}

interface Age {
  readonly years: number;
  readonly text: string;
}

/**
 * Age on `today` (both `YYYY-MM-DD`, civil dates). Small children are described as doctors do:
 * under a month in days, under a year in months, under six as 岁 and 个月; everyone else in 岁.
 */
export function ageOn(birthDate: string, today: string): Age {
  const birth = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  if (!birth || !now) return { years: 0, text: '' };
  let months = (now.year - birth.year) * 12 + (now.month - birth.month);
  if (now.day < birth.day) months -= 1;
  if (months < 0) return { years: 0, text: '0天' };
  const years = Math.floor(months / 12);
  if (months === 0) {
    const days = Math.round((Date.UTC(now.year, now.month - 1, now.day) - Date.UTC(birth.year, birth.month - 1, birth.day)) / 86_400_000);
    return { years: 0, text: `${Math.max(0, days)}天` };
  }
  if (years === 0) return { years, text: `${months}个月` };
  if (years < 6 && months % 12 > 0) return { years, text: `${years}岁${months % 12}个月` };
  return { years, text: `${years}岁` };
}

/** 138****5678 for a mobile; a landline keeps its area code and last four digits. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  const dash = phone.indexOf('-');
  const head = dash > 0 ? phone.slice(0, dash + 1) : '';
  const local = dash > 0 ? phone.slice(dash + 1) : phone;
  if (local.length <= 4) return head + '*'.repeat(local.length);
  return head + '*'.repeat(local.length - 4) + local.slice(-4);
}
