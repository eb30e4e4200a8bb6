/**
 * The registration screen's own keys. F1–F5 already open the home sections (and F10–F12 belong to
 * the window: menu, full screen, developer tools), so the screen's actions take F6–F9.
 */
export const REGISTRATION_KEYS = {
  F6: 'readCard',
  F7: 'newPatient',
  F8: 'register',
  F9: 'printSlip',
} as const;

export type RegistrationAction = (typeof REGISTRATION_KEYS)[keyof typeof REGISTRATION_KEYS] | 'escape';

export function registrationActionFor(key: { readonly key: string; readonly altKey: boolean; readonly ctrlKey: boolean; readonly metaKey: boolean }): RegistrationAction | null {
  if (key.altKey || key.ctrlKey || key.metaKey) return null;
  if (key.key === 'Escape') return 'escape';
  return Object.hasOwn(REGISTRATION_KEYS, key.key) ? REGISTRATION_KEYS[key.key as keyof typeof REGISTRATION_KEYS] : null;
}
