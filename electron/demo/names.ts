/** Draws plausible Chinese names from the tables in name-data.ts. */
import { type Cohort, GIVEN_NAMES, RARE_NAME_CHARACTERS, SURNAME_WEIGHTS, cohortOf } from './name-data';
import { type Prng, WeightedTable } from './prng';

export type BinarySex = '1' | '2';

/** Share of people born since 1980 given a rare character, so that such names show up in a demo. */
const RARE_CHARACTER_SHARE = 0.003;

function rankWeighted(list: string): WeightedTable<string> {
  // Zipf-like: the first names of each list are the common ones.
  return new WeightedTable(list.split(' ').map((name, rank) => [name, 1 / (rank + 3)] as const));
}

const surnames = new WeightedTable(Array.from(SURNAME_WEIGHTS.matchAll(/(\D+?)(\d+)\s*/g), (m) => [m[1], Number(m[2])] as const));

const givenNames = Object.fromEntries(
  (Object.keys(GIVEN_NAMES) as Cohort[]).map((cohort) => [
    cohort,
    { '1': rankWeighted(GIVEN_NAMES[cohort]['1']), '2': rankWeighted(GIVEN_NAMES[cohort]['2']) },
  ]),
) as Record<Cohort, Record<BinarySex, WeightedTable<string>>>;

export function drawSurname(rng: Prng): string {
  return surnames.pick(rng);
}

export function drawGivenName(rng: Prng, sex: BinarySex, birthYear: number): string {
  const cohort = cohortOf(birthYear);
  const table = givenNames[cohort][sex];
  if ((cohort === 'from1980' || cohort === 'from2000') && rng.chance(RARE_CHARACTER_SHARE)) {
    const first = Array.from(table.pick(rng))[0];
    return rng.chance(0.5) ? first + rng.pick(RARE_NAME_CHARACTERS) : rng.pick(RARE_NAME_CHARACTERS);
  }
  return table.pick(rng);
}

export function drawName(rng: Prng, sex: BinarySex, birthYear: number, surname = drawSurname(rng)): string {
  return surname + drawGivenName(rng, sex, birthYear);
}
