import { LOWER_CASE, UPPER_CASE, type ListedField } from '../../ui';
import { SETUP_TEXT as T } from './text';

/** 机构编码, as the wizard and the restore form both ask for it: lower case, as the county issued it. */
export function clinicCodeField<D>(name: ListedField<D>['name'], path: string, hint: string): ListedField<D> {
  return { name, path, label: T.clinicCode, hint, normalise: LOWER_CASE, input: { maxLength: 31, spellCheck: false, autoComplete: 'off' } };
}

/** 工作站编号 (W01): capitals, short, in the ids of this PC's records. */
export function workstationField<D>(name: ListedField<D>['name'], hint: string): ListedField<D> {
  return {
    name,
    label: T.workstationId,
    hint,
    normalise: UPPER_CASE,
    inputClassName: 'max-w-48',
    input: { maxLength: 8, spellCheck: false, autoComplete: 'off' },
  };
}
