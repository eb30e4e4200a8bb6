import { FieldList, LOWER_CASE } from '../../ui';
import type { StepProps } from './step-props';
import { SETUP_TEXT as T } from './text';
import type { WizardDraft } from './wizard-draft';

export function AdminStep({ draft, errors, onChange }: StepProps) {
  return (
    <div className="grid gap-5">
      <p className="text-ink-soft">{T.adminIntro}</p>
      <FieldList<WizardDraft>
        draft={draft}
        errors={errors}
        onChange={onChange}
        fields={[
          {
            name: 'adminUsername',
            path: 'admin.username',
            label: T.adminUsername,
            hint: T.adminUsernameHint,
            normalise: LOWER_CASE,
            input: { maxLength: 32, autoComplete: 'off', spellCheck: false },
          },
          { name: 'adminDisplayName', path: 'admin.displayName', label: T.adminDisplayName, input: { maxLength: 30 } },
          {
            name: 'adminPassword',
            path: 'admin.password',
            label: T.adminPassword,
            hint: T.adminPasswordHint,
            clears: ['admin.passwordAgain'],
            input: { type: 'password', autoComplete: 'new-password' },
          },
          { name: 'adminPasswordAgain', path: 'admin.passwordAgain', label: T.adminPasswordAgain, input: { type: 'password', autoComplete: 'new-password' } },
        ]}
      />
    </div>
  );
}
