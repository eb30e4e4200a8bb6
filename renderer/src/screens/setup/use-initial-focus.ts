import { useEffect, type RefObject } from 'react';
import { focusFirstField } from '../../keyboard/enter-advances';

/**
 * When a first-run form appears: the cursor in the field named (its text selected, e.g. the password
 * after a refusal), else in the first field. Only then: later renders leave the cursor where it is.
 */
export function useInitialFocus(formRef: RefObject<HTMLFormElement | null>, focusPath: string | undefined): void {
  useEffect(() => {
    const target = focusPath ? formRef.current?.querySelector<HTMLInputElement>(`[data-field="${focusPath}"] input`) : null;
    if (target) {
      target.focus();
      target.select();
    } else focusFirstField(formRef.current);
  }, []);
}
