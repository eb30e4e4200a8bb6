/**
 * The checks the PIN forms make before calling the back end (which checks the format again): a PIN
 * is 6–12 digits, typed twice alike when new, and not one of the guesses tried first.
 */
import { isGuessablePin } from '../../../../../shared/api';
import { SIGNING_TEXT as T } from './text';

const FORMAT = /^\d{6,12}$/;

export function pinProblem(pin: string): string | null {
  if (pin === '') return T.pin.empty;
  return FORMAT.test(pin) ? null : T.pin.format;
}

export interface NewPinDraft {
  readonly pin: string;
  readonly again: string;
}

export function newPinProblems(draft: NewPinDraft): Partial<Record<keyof NewPinDraft, string>> {
  const format = pinProblem(draft.pin);
  if (format) return { pin: format };
  if (isGuessablePin(draft.pin)) return { pin: T.panel.weak };
  if (draft.again !== draft.pin) return { again: T.panel.mismatch };
  return {};
}
