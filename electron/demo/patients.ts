/**
 * Demo patients for one township clinic, streamed one document at a time so that a million can be
 * generated without holding them (the caller stores them as they come). Every document validates
 * against `patientDoc`; a patient with a resident ID number gets the deterministic
 * `patient:h…` id, the others a ULID, exactly as the registration screen would.
 */
import { ulid } from 'ulid';
import type { DivisionIndex } from '../../shared/codes/divisions';
import { clinicCode as clinicCodeSchema } from '../../shared/docs/base';
import type { PatientDoc } from '../../shared/docs/patient';
import { makeResidentId } from '../../shared/identity/resident-id';
import { createPatientIdDeriver } from '../../shared/identity/patient-id';
import { chinaDayNumber, chinaInstant, dateOfDayNumber, dayNumber, isoInstant } from './clock';
import { ALLERGY_REACTIONS, ALLERGY_SUBSTANCES, CAPITAL_AREA_CODES, MOBILE_PREFIXES, PROVINCE_ETHNICITIES } from './name-data';
import { type BinarySex, drawName, drawSurname } from './names';
import { AddressPicker, IdCountyPicker, resolveClinicPlace } from './places';
import { Prng, WeightedTable } from './prng';

export interface PatientGeneratorOptions {
  readonly seed: string | number;
  readonly divisions: DivisionIndex;
  readonly clinicCode: string;
  /** The clinic's township (9 digits) or county (6 digits); addresses and ID numbers cluster around it. */
  readonly clinicDivision: string;
  /** The county-wide `patient_id_key` (hex) from the clinic settings. */
  readonly keyHex: string;
  readonly now: Date;
  /** Login names recorded as `created_by`; default `demo`. */
  readonly registrars?: ReadonlyArray<string>;
  /** Share of patients registered with a resident ID number; default 0.85. */
  readonly idShare?: number;
  /** How long the clinic has used the system: records are created within these years; default 6. */
  readonly yearsInUse?: number;
}

/**
 * Ages of a township clinic's patients lean old: the young work in the cities, the elderly and
 * small children stay (and chronic-disease follow-up under 基本公共卫生服务 brings the over-60s in).
 * [youngest, oldest, weight].
 */
const AGE_BANDS = new WeightedTable<readonly [number, number]>([
  [[0, 5], 6],
  [[6, 14], 8],
  [[15, 29], 8],
  [[30, 44], 12],
  [[45, 59], 22],
  [[60, 74], 28],
  [[75, 89], 14],
  [[90, 99], 2],
]);

/** Fee categories (DEFAULT_FEE_CATEGORIES codes): nearly every villager is in 城乡居民医保. */
const FEE_WITH_ID = new WeightedTable<string>([
  ['resident', 82],
  ['employee', 8],
  ['self', 6],
  ['ncms_poverty', 3],
  ['public', 1],
]);
const FEE_WITHOUT_ID = new WeightedTable<string>([
  ['self', 60],
  ['resident', 40],
]);

const DAY_1900 = dayNumber('1900-01-01');
const WORKDAY_START_S = 7.5 * 3600;
const WORKDAY_LENGTH_S = 10 * 3600;

/** Unique 8-digit numbers from an index: multiplying by a number coprime to 10^8 permutes 0…10^8−1. */
function permutedDigits(index: number, offset: number): string {
  const n = (index * 48_271 + offset) % 100_000_000;
  return String(n).padStart(8, '0');
}

export function* generatePatients(count: number, options: PatientGeneratorOptions): Generator<PatientDoc, void, undefined> {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a non-negative integer');
  const clinicCode = clinicCodeSchema.parse(options.clinicCode);
  const seed = String(options.seed);
  const rng = new Prng(seed).fork('patients');
  const place = resolveClinicPlace(options.divisions, options.clinicDivision);
  const addresses = new AddressPicker(place, seed);
  const idCounties = new IdCountyPicker(place);
  const registrars = options.registrars && options.registrars.length > 0 ? options.registrars : ['demo'];
  const idShare = options.idShare ?? 0.85;
  const nowMs = options.now.getTime();
  const today = chinaDayNumber(nowMs);
  const goLive = today - Math.round((options.yearsInUse ?? 6) * 365.25);
  const ethnicities = PROVINCE_ETHNICITIES[place.provinceCode] ?? [];
  const areaCode = CAPITAL_AREA_CODES[place.provinceCode];
  const cardOffset = rng.int(100_000_000);
  const patientIdOf = createPatientIdDeriver(options.keyHex);
  // ID numbers must be unique, as real ones are: per county, the (birth day, sequence) pairs used.
  // About 20 bytes per patient with an ID; the only state that grows with `count`.
  const issued = new Map<number, Set<number>>();
  const mobile = (): string => `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(100_000_000)).padStart(8, '0')}`;

  for (let i = 0; i < count; i += 1) {
    const [youngest, oldest] = AGE_BANDS.pick(rng);
    const age = rng.between(youngest, oldest);
    const birthDay = Math.max(DAY_1900, today - Math.floor((age + rng.next()) * 365.2425));
    const birthDate = dateOfDayNumber(birthDay);
    const birthYear = Number(birthDate.slice(0, 4));
    const sex: BinarySex = rng.chance(age >= 75 ? 0.44 : 0.5) ? '1' : '2';
    const surname = drawSurname(rng);
    const name = drawName(rng, sex, birthYear, surname);

    // Registered on some day since go-live (not before birth), during opening hours.
    const firstDay = Math.max(goLive, birthDay);
    const createdDay = firstDay <= today - 1 ? rng.between(firstDay, today - 1) : today;
    const createdMs = Math.min(nowMs, chinaInstant(createdDay, WORKDAY_START_S + rng.int(WORKDAY_LENGTH_S)));
    const createdAt = isoInstant(createdMs);
    const createdBy = rng.pick(registrars);

    let id: string;
    let idNumber: string | undefined;
    if (rng.chance(idShare)) {
      const county = idCounties.pick(rng);
      let used = issued.get(county.index);
      if (!used) issued.set(county.index, (used = new Set()));
      // Odd sequence numbers are men's, even women's (GB 11643-1999).
      let seq = 2 * rng.int(500) + (sex === '1' ? 1 : 0);
      for (let tries = 0; used.has((birthDay - DAY_1900) * 1000 + seq); tries += 1) {
        if (tries >= 500) throw new RangeError('more patients born on one day in one county than GB 11643 has sequence numbers');
        seq = (seq + 2) % 1000; // keeps the parity, so the sex
      }
      used.add((birthDay - DAY_1900) * 1000 + seq);
      idNumber = makeResidentId(county.code6, birthDate, seq);
      id = patientIdOf(idNumber);
    } else {
      id = `patient:${ulid(createdMs, rng.asFunction)}`;
    }

    let ethnicity = '01';
    let roll = rng.next();
    for (const [code, share] of ethnicities) {
      if (roll < share) {
        ethnicity = code;
        break;
      }
      roll -= share;
    }

    // Mostly a mobile; a few landlines (8-digit local numbers, first digit 2–8); some none at all.
    const phoneRoll = rng.next();
    const phone =
      phoneRoll < 0.88
        ? mobile()
        : phoneRoll < 0.93 && areaCode
          ? `${areaCode}-${rng.between(2, 8)}${String(rng.int(10_000_000)).padStart(7, '0')}`
          : undefined;

    const cards: Array<PatientDoc['cards'][number]> = [];
    if (idNumber && rng.chance(age >= 16 ? 0.75 : 0.4)) {
      // Shaped like a 社会保障卡 card number (a letter and 8 digits); no issuer rule is implied.
      const digits = permutedDigits(i, cardOffset);
      cards.push({ kind: 'social_security', number: `${'ABCDEFGHJK'[Number(digits[7])]}${digits}` });
    }
    if (rng.chance(0.25)) cards.push({ kind: 'clinic', number: `JZ${String(i + 1).padStart(8, '0')}` });

    const allergies: Array<PatientDoc['allergies'][number]> = [];
    if (rng.chance(0.07)) {
      const substance = rng.pick(ALLERGY_SUBSTANCES);
      allergies.push(rng.chance(0.7) ? { substance, reaction: rng.pick(ALLERGY_REACTIONS) } : { substance });
    }

    const doc: PatientDoc = {
      _id: id,
      type: 'patient',
      schema_version: 2,
      clinic_code: clinicCode,
      created_at: createdAt,
      created_by: createdBy,
      updated_at: createdAt,
      updated_by: createdBy,
      name,
      sex,
      birth_date: birthDate,
      ethnicity,
      cards,
      allergies,
    };
    if (idNumber) {
      // Children under 16 usually show the household register (户口簿), which carries the same number.
      doc.id_type = age < 16 ? '02' : '01';
      doc.id_number = idNumber;
    }
    if (phone) doc.phone = phone;
    if (rng.chance(0.97)) doc.address = addresses.pick(rng);
    doc.insurance = { fee_category: (idNumber ? FEE_WITH_ID : FEE_WITHOUT_ID).pick(rng) };
    if (age < 18 || age >= 70 ? rng.chance(0.9) : rng.chance(0.3)) {
      doc.emergency_contact = emergencyContact(rng, age, sex, surname, birthYear, mobile());
    }
    yield doc;
  }
}

/**
 * A relative to call (GB/T 4761 codes, read as "the contact is the patient's …"): a parent for a
 * child, a son or daughter for the elderly, the spouse otherwise.
 */
function emergencyContact(
  rng: Prng,
  age: number,
  sex: BinarySex,
  surname: string,
  birthYear: number,
  phone: string,
): NonNullable<PatientDoc['emergency_contact']> {
  if (age < 18) {
    const father = rng.chance(0.4);
    const name = father ? drawName(rng, '1', birthYear - 28, surname) : drawName(rng, '2', birthYear - 26);
    return { name, relationship: father ? '51' : '52', phone };
  }
  if (age >= 60) {
    const son = rng.chance(0.6);
    // A son carries his father's surname: the patient's own if the patient is the father.
    const name = son ? drawName(rng, '1', birthYear + 27, sex === '1' ? surname : drawSurname(rng)) : drawName(rng, '2', birthYear + 27);
    return { name, relationship: son ? '20' : '30', phone };
  }
  return sex === '1'
    ? { name: drawName(rng, '2', birthYear + rng.between(-2, 4)), relationship: '12', phone }
    : { name: drawName(rng, '1', birthYear - rng.between(-2, 4)), relationship: '11', phone };
}
