/**
 * Where demo patients live and where their ID numbers were issued, around the clinic's township.
 * Township names come from shared/data/divisions_cn.csv; villages are not in that file, so each
 * township gets a fixed, seeded list of made-up village names (the same every run).
 */
import type { Division, DivisionIndex } from '../../shared/codes/divisions';
import { COMMUNITY_NAMES, VILLAGE_PLACE_WORDS, VILLAGE_PREFIXES, VILLAGE_STOCK_NAMES } from './name-data';
import { drawSurname } from './names';
import { Prng, WeightedTable } from './prng';

export interface ClinicPlace {
  /** The clinic's own township, or null when only its county is configured. */
  readonly township: Division | null;
  readonly county: Division;
  readonly provinceCode: string;
  readonly countyTownships: ReadonlyArray<Division>;
  readonly prefectureTownships: ReadonlyArray<Division>;
  readonly prefectureCounties: ReadonlyArray<Division>;
  readonly provinceCounties: ReadonlyArray<Division>;
}

/** Resolves a 9-digit township or 6-digit county code to the places the generators draw from. */
export function resolveClinicPlace(divisions: DivisionIndex, clinicDivision: string): ClinicPlace {
  const division = divisions.get(clinicDivision);
  if (!division || (division.level !== 3 && division.level !== 4)) {
    throw new RangeError(`clinic division must be a known county (6 digits) or township (9 digits): ${clinicDivision}`);
  }
  const township = division.level === 4 ? division : null;
  const county = township ? divisions.get(township.parentCode ?? '') : division;
  if (!county || county.level !== 3 || !county.parentCode) throw new RangeError(`no county above ${clinicDivision}`);
  const countyTownships = divisions.within(county.code, 4);
  if (countyTownships.length === 0) throw new RangeError(`county ${county.code} has no townships in the division table`);
  const provinceCode = county.code.slice(0, 2);
  return {
    township,
    county,
    provinceCode,
    countyTownships,
    prefectureTownships: divisions.within(county.parentCode, 4),
    prefectureCounties: divisions.within(county.parentCode, 3),
    provinceCounties: divisions.within(provinceCode, 3),
  };
}

export interface DemoAddress {
  readonly division_code: string;
  readonly detail: string;
}

type Scope = 'home' | 'county' | 'prefecture';

/** Most patients of a township clinic live in its township; some come from next door. */
const HOME_SCOPE = new WeightedTable<Scope>([
  ['home', 65],
  ['county', 30],
  ['prefecture', 5],
]);

export class AddressPicker {
  private readonly villages = new Map<string, ReadonlyArray<string>>();

  constructor(
    private readonly place: ClinicPlace,
    private readonly seed: string,
  ) {}

  pick(rng: Prng): DemoAddress {
    const township = this.township(rng);
    const urban = /(街道|办事处)$/.test(township.name);
    const detail = urban
      ? `${rng.pick(COMMUNITY_NAMES)}社区${rng.between(1, 30)}号楼${rng.between(1, 4)}单元${rng.between(1, 7)}0${rng.between(1, 4)}室`
      : `${rng.pick(this.villagesOf(township.code))}${rng.between(1, 12)}组${rng.between(1, 80)}号`;
    return { division_code: township.code, detail };
  }

  private township(rng: Prng): Division {
    const scope = HOME_SCOPE.pick(rng);
    if (scope === 'home' && this.place.township) return this.place.township;
    if (scope === 'prefecture') return rng.pick(this.place.prefectureTownships);
    return rng.pick(this.place.countyTownships);
  }

  /** A township's villages, drawn from a stream seeded by its code so they never change. */
  private villagesOf(code: string): ReadonlyArray<string> {
    const cached = this.villages.get(code);
    if (cached) return cached;
    const rng = new Prng(`${this.seed}/villages/${code}`);
    const names = new Set<string>();
    const wanted = rng.between(8, 25);
    for (let attempt = 0; names.size < wanted && attempt < 200; attempt += 1) {
      const stem = rng.chance(0.3)
        ? rng.pick(VILLAGE_STOCK_NAMES)
        : `${rng.chance(0.4) ? rng.pick(VILLAGE_PREFIXES) : ''}${drawSurname(rng)}${rng.pick(VILLAGE_PLACE_WORDS)}`;
      names.add(`${stem}村`);
    }
    const list = [...names];
    this.villages.set(code, list);
    return list;
  }
}

/**
 * The county code printed in a patient's ID number: mostly the clinic's county, then the rest of
 * the prefecture, then the rest of the province (people marry in and move for work).
 */
export class IdCountyPicker {
  private readonly scope = new WeightedTable<'county' | 'prefecture' | 'province'>([
    ['county', 75],
    ['prefecture', 15],
    ['province', 10],
  ]);

  /** Every county the picker can return, in a fixed order, so a county has a stable small index. */
  readonly counties: ReadonlyArray<Division>;
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(private readonly place: ClinicPlace) {
    this.counties = place.provinceCounties;
    this.indexOf = new Map(this.counties.map((c, i) => [c.code, i]));
  }

  pick(rng: Prng): { readonly code6: string; readonly index: number } {
    const scope = this.scope.pick(rng);
    const county =
      scope === 'county' ? this.place.county : scope === 'prefecture' ? rng.pick(this.place.prefectureCounties) : rng.pick(this.place.provinceCounties);
    return { code6: county.code, index: this.indexOf.get(county.code) ?? 0 };
  }
}
