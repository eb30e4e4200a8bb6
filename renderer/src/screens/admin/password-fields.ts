import type { ListedField } from '../../ui';

interface PasswordPair {
  readonly password: string;
  readonly passwordAgain: string;
}

/** A password typed twice (fields `password` and `passwordAgain`), for a new account or a new password. */
export function passwordPairFields<D extends PasswordPair>(labels: {
  readonly password: string;
  readonly again: string;
  readonly hint: string;
}): ReadonlyArray<ListedField<D>> {
  const input = { type: 'password', autoComplete: 'new-password' } as const;
  return [
    // Typing the first again clears the mismatch at the second.
    { name: 'password' as ListedField<D>['name'], label: labels.password, hint: labels.hint, clears: ['passwordAgain'], input },
    { name: 'passwordAgain' as ListedField<D>['name'], label: labels.again, input },
  ];
}
