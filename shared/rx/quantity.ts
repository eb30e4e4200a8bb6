import { DOSE_UNITS, type DoseUnit, frequencyOf } from '../codes/drug-codes';
import type { RxDrug, RxItem } from './types';

export interface ComputedQuantity {
  /** Smallest units per administration (2 粒), possibly fractional (半片 = 0.5). */
  readonly unitsPerDose: number;
  readonly administrations: number;
  /** Smallest units needed for the whole course, rounded up. */
  readonly units: number;
  /** Packages to dispense: the course rounded up to whole packages. */
  readonly packages: number;
}

/** Smallest units per administration, or null when the dose unit fits neither the strength nor the unit. */
export function unitsPerDose(drug: RxDrug, dose: number, doseUnit: string): number | null {
  if (doseUnit === drug.unit) return dose;
  const from = DOSE_UNITS[doseUnit as DoseUnit];
  const to = DOSE_UNITS[drug.strengthUnit];
  if (!from || !to || from.kind !== to.kind) return null;
  return (dose * from.factor) / (to.factor * drug.strengthValue);
}

/**
 * The quantity of a course: dose × administrations per day × days, in smallest units, then whole
 * packages. Null when it cannot be computed (必要时, or a dose in a unit that does not fit): the
 * doctor then writes the quantity.
 */
export function computeQuantity(item: Pick<RxItem, 'drug' | 'dose' | 'doseUnit' | 'frequency' | 'days'>): ComputedQuantity | null {
  const perDose = unitsPerDose(item.drug, item.dose, item.doseUnit);
  const frequency = frequencyOf(item.frequency);
  if (perDose === null || !frequency || frequency.perDay === null) return null;
  if (!(perDose > 0) || !(item.days > 0)) return null;
  const administrations = frequency.perDay === 'once' ? 1 : Math.ceil(frequency.perDay * item.days - 1e-9);
  // Rounding guards against 0.1 + 0.2: a course of exactly 24 units must not become 25.
  const units = Math.ceil(Number((perDose * administrations).toFixed(6)));
  return { unitsPerDose: perDose, administrations, units, packages: Math.ceil(units / item.drug.packageSize) };
}

/** The quantity to dispense: written by the doctor, or computed. */
export function itemPackages(item: RxItem): number | null {
  return item.quantity ?? computeQuantity(item)?.packages ?? null;
}
