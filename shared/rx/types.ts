import type { AntibioticGrade, DoseUnit, PrescriberGrade } from '../codes/drug-codes';

/** What the rules need to know of a drug (a projection of the `drug` document). */
export interface RxDrug {
  readonly code: string;
  readonly genericName: string;
  /** Pharmacological class as the clinic writes it (青霉素类, 头孢菌素类), matched against allergies. */
  readonly drugClass: string | null;
  readonly strengthValue: number;
  readonly strengthUnit: DoseUnit;
  /** The smallest unit dispensed: 片, 粒, 支, 袋. */
  readonly unit: string;
  /** Smallest units in one package (24 粒/盒). */
  readonly packageSize: number;
  readonly packageUnit: string;
  readonly antibioticGrade: AntibioticGrade | null;
}

export interface RxItem {
  readonly drug: RxDrug;
  /** One administration, in the drug's strength unit (0.5 g) or in its smallest unit (2 片). */
  readonly dose: number;
  readonly doseUnit: string;
  readonly route: string;
  readonly frequency: string;
  readonly days: number;
  /** Packages to dispense when the doctor writes it (必要时); otherwise computed. */
  readonly quantity?: number;
}

export type PrescriptionKind = 'ordinary' | 'emergency';

export interface PrescriptionDraft {
  readonly kind: PrescriptionKind;
  readonly items: ReadonlyArray<RxItem>;
  /** The patient's recorded allergies (patient document `allergies`). */
  readonly allergies: ReadonlyArray<{ readonly substance: string }>;
  readonly prescriberGrade: PrescriberGrade;
}

export type RxFindingCode = 'allergy' | 'duplicate_drug' | 'too_many_days' | 'antibiotic_grade' | 'bad_dose' | 'bad_days' | 'bad_quantity' | 'large_quantity';

/**
 * One finding of the checks. A `refusal` cannot be saved; a `warning` can, once the doctor has
 * answered it (its `key` listed as acknowledged). Keys are stable for the same drug and rule, so an
 * answer survives editing other items.
 */
export interface RxFinding {
  readonly severity: 'warning' | 'refusal';
  readonly code: RxFindingCode;
  readonly key: string;
  /** Index of the item concerned; null for the prescription as a whole. */
  readonly itemIndex: number | null;
  readonly message: string;
}
