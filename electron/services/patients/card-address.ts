/**
 * What a card read gives the new-patient form beyond its raw fields: the address split into its
 * division (省/市/县/乡镇) and the rest for 详细地址, and a suggested 费别.
 *
 * The card's own division code (the issuing office) and the ID number's first six digits (where the
 * number was issued) name candidate counties; the one whose names the card address starts with wins,
 * then a township of it named next in the address. Whatever the names matched is cut from the front
 * of the address; 详细地址 keeps only the rest (村, 组, 门牌).
 */
import type { Division, DivisionIndex } from '../../../shared/codes';

export interface CardAddress {
  /** The finest division found (2/4/6/9-digit native code), or null. */
  readonly divisionCode: string | null;
  /** The address without the division names, or the whole address when none matched. */
  readonly detail: string;
}

function pathOf(index: DivisionIndex, code: string): Division[] {
  const path: Division[] = [];
  for (let d = index.get(code); d; d = d.parentCode ? index.get(d.parentCode) : undefined) path.unshift(d);
  return path;
}

/** Cuts the names of `path` that the address starts with, in order; how many characters went. */
function stripNames(address: string, path: ReadonlyArray<Division>): { rest: string; matched: number } {
  let rest = address;
  let matched = 0;
  for (const division of path) {
    if (rest.startsWith(division.name)) {
      rest = rest.slice(division.name.length);
      matched += division.name.length;
    }
  }
  return { rest, matched };
}

export function splitCardAddress(index: DivisionIndex, holder: { address?: string; divisionCode?: string; idNumber: string }): CardAddress {
  const address = (holder.address ?? '').replace(/[\s\u3000]+/g, '');
  const candidates = [holder.divisionCode, holder.idNumber.slice(0, 6)]
    .filter((code): code is string => code !== undefined && /^\d{6}$/.test(code))
    .map((code) => index.get(code))
    .filter((d): d is Division => d !== undefined && d.level === 3);
  if (candidates.length === 0) return { divisionCode: null, detail: address };

  const scored = candidates.map((county) => ({ county, ...stripNames(address, pathOf(index, county.code)) }));
  // The county the address itself names; with no names matched, the card's issuing office.
  const best = scored.reduce((a, b) => (b.matched > a.matched ? b : a));
  const township = index.childrenOf(best.county.code).find((t) => best.rest.startsWith(t.name));
  if (township) return { divisionCode: township.code, detail: best.rest.slice(township.name.length) };
  return { divisionCode: best.county.code, detail: best.rest };
}

/**
 * The 费别 a card suggests. A social-security card with an insurance number belongs to someone
 * insured, but the chip does not say under which scheme: in a township most are in 城乡居民医保, so
 * that is suggested (the registrar changes it for a 职工医保 holder, and the insurance platform's
 * answer will replace the guess once it is connected). A resident health card says nothing about
 * insurance. Only a category the clinic has is suggested.
 */
export function suggestedFeeCategory(holder: { cardKind: string; insuranceNumber?: string }, feeCategories: ReadonlyArray<{ code: string }>): string | null {
  if (holder.cardKind !== 'social_security' || !holder.insuranceNumber) return null;
  return feeCategories.some((c) => c.code === 'resident') ? 'resident' : null;
}
