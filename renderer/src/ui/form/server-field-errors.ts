import type { ApiError } from '../../../../shared/api';
import { fieldErrorsOf, type FieldErrors } from '../../forms/field-errors';

/**
 * Field errors from a failed create. DUPLICATE comes without field paths, but it is always about the
 * code the user typed, so it is shown at that field as well as in the banner.
 */
export function createErrorsAtFields(error: ApiError, codeField: string): FieldErrors {
  const fields = fieldErrorsOf(error);
  return error.code === 'DUPLICATE' && Object.keys(fields).length === 0 ? { [codeField]: error.message } : fields;
}
