import { setupInput, type InputOf } from '../../../../shared/api';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../../../shared/time/clinic-time';
import { checkWithSchema } from '../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../forms/field-errors';
import { SETUP_TEXT } from './text';

export const WIZARD_STEPS = ['clinic', 'departments', 'admin', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface DepartmentRow {
  /** Stable React key; rows are added and removed. */
  readonly key: number;
  readonly code: string;
  readonly name: string;
  readonly outpatient: boolean;
}

/** What the user has typed so far, before it is shaped into `setup.initialize`'s input. */
export interface WizardDraft {
  readonly clinicName: string;
  readonly clinicCode: string;
  readonly countyKey: string;
  readonly workstationId: string;
  /** The clinic's clock (IANA zone): every time shown or printed is said in it, whatever the PC's zone. */
  readonly timeZone: string;
  readonly departments: ReadonlyArray<DepartmentRow>;
  readonly adminUsername: string;
  readonly adminDisplayName: string;
  readonly adminPassword: string;
  readonly adminPasswordAgain: string;
}

/**
 * Departments a township health centre usually has, with the codes of the national list of
 * registered clinical subjects (《医疗机构诊疗科目名录》), the codes on the centre's licence.
 * Prevention (预防保健) mostly runs campaigns and check-ups rather than registered visits.
 */
const DEFAULT_DEPARTMENTS: ReadonlyArray<Omit<DepartmentRow, 'key'>> = [
  { code: '03', name: '内科', outpatient: true },
  { code: '04', name: '外科', outpatient: true },
  { code: '05', name: '妇产科', outpatient: true },
  { code: '07', name: '儿科', outpatient: true },
  { code: '50', name: '中医科', outpatient: true },
  { code: '01', name: '预防保健科', outpatient: false },
];

export function initialDraft(): WizardDraft {
  return {
    clinicName: '',
    clinicCode: '',
    countyKey: '',
    workstationId: 'W01',
    timeZone: DEFAULT_CLINIC_TIME_ZONE,
    departments: DEFAULT_DEPARTMENTS.map((row, index) => ({ ...row, key: index + 1 })),
    adminUsername: 'admin',
    adminDisplayName: '',
    adminPassword: '',
    adminPasswordAgain: '',
  };
}

export function addDepartmentRow(draft: WizardDraft): WizardDraft {
  const key = Math.max(0, ...draft.departments.map((row) => row.key)) + 1;
  return { ...draft, departments: [...draft.departments, { key, code: '', name: '', outpatient: true }] };
}

export function removeDepartmentRow(draft: WizardDraft, key: number): WizardDraft {
  return { ...draft, departments: draft.departments.filter((row) => row.key !== key) };
}

export function updateDepartmentRow(draft: WizardDraft, key: number, patch: Partial<Omit<DepartmentRow, 'key'>>): WizardDraft {
  return { ...draft, departments: draft.departments.map((row) => (row.key === key ? { ...row, ...patch } : row)) };
}

/** Shapes the draft into the contract's input. An empty county key is left out so one is generated. */
export function toSetupInput(draft: WizardDraft): InputOf<'setup.initialize'> {
  const countyKey = draft.countyKey.replace(/\s+/g, '').toLowerCase();
  return {
    clinic: { name: draft.clinicName.trim(), code: draft.clinicCode.trim(), timeZone: draft.timeZone },
    departments: draft.departments.map((row) => ({ code: row.code.trim(), name: row.name.trim(), outpatient: row.outpatient })),
    admin: { username: draft.adminUsername.trim(), displayName: draft.adminDisplayName.trim(), password: draft.adminPassword },
    workstationId: draft.workstationId.trim(),
    ...(countyKey ? { patientIdKey: countyKey } : {}),
  };
}

/**
 * The zones a clinic in China chooses from: Beijing time for nearly all; Xinjiang's clinics may keep
 * 乌鲁木齐时间 (UTC+6), as many of them live by it.
 */
export const CLINIC_TIME_ZONES: ReadonlyArray<{ readonly value: string; readonly label: string }> = [
  { value: 'Asia/Shanghai', label: '北京时间（UTC+8）' },
  { value: 'Asia/Urumqi', label: '乌鲁木齐时间（UTC+6）' },
];

/** Which step shows the field at a contract path (server errors are sent back to their step). */
export function stepOfPath(path: string): WizardStep {
  if (path.startsWith('departments')) return 'departments';
  if (path.startsWith('admin')) return 'admin';
  return 'clinic';
}

/** The first step that has something to fix, or null. */
export function firstStepWithErrors(errors: FieldErrors): WizardStep | null {
  const steps = new Set(Object.keys(errors).map(stepOfPath));
  return WIZARD_STEPS.find((step) => steps.has(step)) ?? null;
}

/**
 * Checks one step before moving on: plain "please fill in" messages and the checks only the
 * renderer can make (the password typed twice), then the contract's own schema for the rest.
 */
export function checkStep(step: WizardStep, draft: WizardDraft): FieldErrors {
  if (step === 'review') return WIZARD_STEPS.slice(0, -1).reduce<FieldErrors>((all, each) => mergeFieldErrors(all, checkStep(each, draft)), {});
  const fromSchema = Object.fromEntries(Object.entries(checkWithSchema(setupInput, toSetupInput(draft))).filter(([path]) => stepOfPath(path) === step));
  return mergeFieldErrors(localChecks(step, draft), fromSchema);
}

function localChecks(step: Exclude<WizardStep, 'review'>, draft: WizardDraft): FieldErrors {
  const errors: Record<string, string> = {};
  const blank = (value: string) => value.trim() === '';
  switch (step) {
    case 'clinic':
      if (blank(draft.clinicName)) errors['clinic.name'] = SETUP_TEXT.clinicNameRequired;
      if (blank(draft.clinicCode)) errors['clinic.code'] = SETUP_TEXT.clinicCodeRequired;
      if (blank(draft.workstationId)) errors.workstationId = SETUP_TEXT.workstationIdRequired;
      break;
    case 'departments': {
      const firstRowWithCode = new Map<string, number>();
      draft.departments.forEach((row, index) => {
        const code = row.code.trim();
        if (blank(code)) errors[`departments.${index}.code`] = SETUP_TEXT.departmentCodeRequired;
        else if (firstRowWithCode.has(code)) errors[`departments.${index}.code`] = SETUP_TEXT.departmentCodeDuplicate(firstRowWithCode.get(code)! + 1);
        else firstRowWithCode.set(code, index);
        if (blank(row.name)) errors[`departments.${index}.name`] = SETUP_TEXT.departmentNameRequired;
      });
      break;
    }
    case 'admin':
      if (blank(draft.adminUsername)) errors['admin.username'] = SETUP_TEXT.adminUsernameRequired;
      if (blank(draft.adminDisplayName)) errors['admin.displayName'] = SETUP_TEXT.adminDisplayNameRequired;
      if (draft.adminPassword === '') errors['admin.password'] = SETUP_TEXT.adminPasswordRequired;
      else if (draft.adminPasswordAgain !== draft.adminPassword) errors['admin.passwordAgain'] = SETUP_TEXT.adminPasswordAgainMismatch;
      break;
  }
  return errors;
}
