import { z } from 'zod';
import { ANTIBIOTIC_GRADES, DOSE_UNIT_NAMES, FREQUENCY_CODES, PRESCRIBER_GRADES, ROUTE_CODES } from '../codes/drug-codes';
import { documentBase } from './base';
import { DRUG_ID, PRESCRIBING_RIGHT_ID } from './ids';
import { username } from './user';

export const drugCode = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, '药品编码只能用字母、数字、下划线和连字符，不超过 20 位');
const shortText = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 个字`);
const positive = (label: string) => z.number().positive(`${label}必须大于 0`).finite();

/**
 * A drug of the clinic's own dictionary (本院药品目录), maintained by the administrator and
 * replicated to every PC. Id: `drug:<code>`. Strength and package make the quantity computable
 * (shared/rx/quantity.ts); the antibiotic grade is checked against the doctor's prescribing right.
 */
export const drugDoc = z.object({
  _id: z.string().regex(DRUG_ID),
  type: z.literal('drug'),
  ...documentBase,
  code: drugCode,
  generic_name: shortText('通用名', 60),
  /** Pinyin initials of the generic name, for search (shared/codes/search-initials.ts). */
  initials: z.string().regex(/^[a-z0-9]{0,60}$/),
  /** 剂型: 片剂, 胶囊剂, 注射剂 … */
  form: shortText('剂型', 20),
  strength_value: positive('规格'),
  strength_unit: z.enum(DOSE_UNIT_NAMES),
  /** The smallest unit dispensed: 片, 粒, 支, 袋. */
  unit: shortText('最小单位', 6),
  package_size: z.number().int('包装数量必须是整数').positive('包装数量必须大于 0'),
  package_unit: shortText('包装单位', 6),
  /** 药理分类 (青霉素类, 头孢菌素类), matched against the patient's allergies. */
  drug_class: z.string().trim().max(30).nullable(),
  default_dose: positive('默认剂量').nullable(),
  default_dose_unit: z.string().max(6).nullable(),
  default_route: z.enum(ROUTE_CODES).nullable(),
  default_frequency: z.enum(FREQUENCY_CODES).nullable(),
  antibiotic_grade: z.enum(ANTIBIOTIC_GRADES).nullable(),
  /** 国家基本药物. */
  essential: z.boolean(),
  active: z.boolean(),
});
export type DrugDoc = z.infer<typeof drugDoc>;
export const drugId = (code: string): string => `drug:${code}`;

/**
 * A doctor's antibiotic prescribing right (抗菌药物处方权), granted by the administrator after the
 * training 《抗菌药物临床应用管理办法》 requires. Its own document, so granting it never touches the
 * account (and its password hash) and its history shows who granted what.
 */
export const prescribingRightDoc = z.object({
  _id: z.string().regex(PRESCRIBING_RIGHT_ID),
  type: z.literal('prescribing_right'),
  ...documentBase,
  username,
  antibiotic_grade: z.enum(PRESCRIBER_GRADES),
});
export type PrescribingRightDoc = z.infer<typeof prescribingRightDoc>;
export const prescribingRightId = (name: string): string => `prescribing_right:${name}`;

const exampleStamp = {
  schema_version: 1,
  clinic_code: 'demo01',
  created_at: '2025-03-01T08:00:00.000Z',
  created_by: 'admin',
  updated_at: '2025-03-01T08:00:00.000Z',
  updated_by: 'admin',
} as const;

export const EXAMPLE_DRUG = {
  _id: 'drug:AMX025',
  type: 'drug',
  ...exampleStamp,
  code: 'AMX025',
  generic_name: '阿莫西林胶囊',
  initials: 'amxljn',
  form: '胶囊剂',
  strength_value: 0.25,
  strength_unit: 'g',
  unit: '粒',
  package_size: 24,
  package_unit: '盒',
  drug_class: '青霉素类',
  default_dose: 0.5,
  default_dose_unit: 'g',
  default_route: 'po',
  default_frequency: 'tid',
  antibiotic_grade: 'unrestricted',
  essential: true,
  active: true,
};

export const EXAMPLE_PRESCRIBING_RIGHT = {
  _id: 'prescribing_right:li.ming',
  type: 'prescribing_right',
  ...exampleStamp,
  username: 'li.ming',
  antibiotic_grade: 'restricted',
};
