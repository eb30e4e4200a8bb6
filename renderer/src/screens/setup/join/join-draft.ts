import { contract, type InputOf } from '../../../../../shared/api';
import { checkWithSchema } from '../../../forms/check-with-schema';
import { mergeFieldErrors, type FieldErrors } from '../../../forms/field-errors';
import { JOIN_TEXT as T } from './text';

/** What the user has typed on the 加入本院 form. */
export interface JoinDraft {
  readonly address: string;
  readonly code: string;
  readonly fingerprint: string;
  readonly label: string;
}

export function initialJoinDraft(): JoinDraft {
  return { address: '', code: '', fingerprint: '', label: '' };
}

export function toJoinInput(draft: JoinDraft): InputOf<'hub.join'> {
  return { address: draft.address.trim(), code: draft.code.replace(/\s/g, ''), fingerprint: draft.fingerprint.trim(), label: draft.label.trim() };
}

/** Plain "please fill in" messages first, then the contract's own schema for the rest. */
export function checkJoin(draft: JoinDraft): FieldErrors {
  const missing: Record<string, string> = {};
  if (draft.address.trim() === '') missing.address = T.addressRequired;
  if (draft.code.trim() === '') missing.code = T.codeRequired;
  if (draft.fingerprint.trim() === '') missing.fingerprint = T.fingerprintRequired;
  if (draft.label.trim() === '') missing.label = T.labelRequired;
  return mergeFieldErrors(missing, checkWithSchema(contract['hub.join'].input, toJoinInput(draft)));
}

/** Where the cursor goes when the person comes back after a refusal. */
export function focusAfterJoinFailure(message: string): keyof JoinDraft {
  if (message.includes('配对码')) return 'code';
  if (message.includes('指纹')) return 'fingerprint';
  return 'address';
}
