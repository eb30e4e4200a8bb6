import { z } from 'zod';
import { sexCode } from '../../../shared/docs/patient';
import { parseIsoDate } from '../../../shared/identity/dates';
import { validateResidentId } from '../../../shared/identity/resident-id';
import { DeviceError, type DeviceErrorCode } from '../errors';

/** GB 3304 nationality codes 01–56, plus 97 (其他) and 98 (外国血统) that registries also use. */
const ETHNICITY = /^(0[1-9]|[1-4]\d|5[0-6]|97|98)$/;
/** Letters of any script, the middle dot of transliterated minority names, and spaces inside; no digits. */
const PERSON_NAME = /^[\p{L}\p{M}·•.\- ]+$/u;
const NO_CONTROL_CHARS = /^[^\p{Cc}\p{Cs}\uFFFD]*$/u;

/**
 * A card stores the 18-character form exactly: no spaces, no lower-case x, no 15-digit legacy number
 * (those the shared validator accepts from typing, and converts).
 */
function isCardIdNumber(value: string): boolean {
  const parsed = validateResidentId(value);
  return parsed.ok && !parsed.legacy && parsed.id18 === value;
}

/**
 * The holder data a card yields: what registration needs to find or create the patient. Every
 * field is checked, and the birth date and sex are checked against the ID number, so a card read
 * either gives all of this correct or gives an error; never part of it.
 */
export const cardHolderSchema = z
  .object({
    cardKind: z.enum(['resident_health', 'social_security']),
    name: z.string().min(1).max(40).regex(PERSON_NAME).regex(NO_CONTROL_CHARS),
    /** GB/T 2261.1. */
    sex: sexCode,
    birthDate: z.string().refine((value) => parseIsoDate(value) !== null),
    /** GB 3304 two-digit code. */
    ethnicity: z.string().regex(ETHNICITY).optional(),
    idNumber: z.string().refine(isCardIdNumber),
    cardNumber: z.string().regex(/^[0-9A-Z]{6,32}$/),
    /** 社会保障号码 on a social-security card; the key for an insurance settlement. */
    insuranceNumber: z
      .string()
      .regex(/^[0-9A-Z]{6,30}$/)
      .optional(),
    address: z.string().min(1).max(120).regex(NO_CONTROL_CHARS).optional(),
    phone: z
      .string()
      .regex(/^[0-9+\- ]{5,20}$/)
      .optional(),
    /** 6-digit administrative division of the issuing office (GB/T 2260). */
    divisionCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
  })
  .strict()
  .superRefine((holder, ctx) => {
    const id = validateResidentId(holder.idNumber);
    if (!id.ok) return;
    if (id.birthDate !== holder.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'birth date differs from the ID number' });
    }
    if (id.sex !== holder.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: 'sex differs from the ID number' });
    }
  });

export type CardHolder = Readonly<z.infer<typeof cardHolderSchema>>;

const FIELD_ERRORS: Readonly<Partial<Record<keyof CardHolder, DeviceErrorCode>>> = {
  name: 'card_name_invalid',
  sex: 'card_sex_invalid',
  birthDate: 'card_birth_date_invalid',
  idNumber: 'card_id_number_invalid',
  cardNumber: 'card_number_invalid',
  insuranceNumber: 'card_number_invalid',
};

/** The error to report when one field of the card cannot be decoded at all. */
export function holderFieldErrorCode(field: string): DeviceErrorCode {
  return FIELD_ERRORS[field as keyof CardHolder] ?? 'card_data_invalid';
}

/** Validates a candidate holder; throws a DeviceError naming the first bad field in the registrar's words. */
export function validateCardHolder(candidate: Readonly<Record<string, unknown>>): CardHolder {
  const parsed = cardHolderSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  // Report the most basic problem first: a wrong ID number explains a "mismatching" birth date.
  const fields = parsed.error.issues.map((issue) => String(issue.path[0] ?? ''));
  const order: readonly (keyof CardHolder)[] = ['idNumber', 'name', 'birthDate', 'sex', 'cardNumber', 'insuranceNumber'];
  const first = order.find((field) => fields.includes(field));
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  throw new DeviceError(first === undefined ? 'card_data_invalid' : (FIELD_ERRORS[first] ?? 'card_data_invalid'), detail);
}
