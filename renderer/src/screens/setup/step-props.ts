import type { FieldErrors } from '../../forms/field-errors';
import type { WizardDraft } from './wizard-draft';

export interface StepProps {
  readonly draft: WizardDraft;
  readonly errors: FieldErrors;
  /** Applies an edit; `paths` name the fields edited, whose error messages then go away. */
  readonly onChange: (next: WizardDraft, ...paths: string[]) => void;
}
