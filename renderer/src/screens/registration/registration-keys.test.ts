import { describe, expect, it } from 'vitest';
import { sectionForKey } from '../home/sections';
import { registrationActionFor, REGISTRATION_KEYS } from './registration-keys';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('registration keys', () => {
  it('maps F6–F9 and Esc to the screen’s actions', () => {
    expect(registrationActionFor(key('F6'))).toBe('readCard');
    expect(registrationActionFor(key('F8'))).toBe('register');
    expect(registrationActionFor(key('Escape'))).toBe('escape');
    expect(registrationActionFor(key('F8', { ctrlKey: true }))).toBeNull();
    expect(registrationActionFor(key('F2'))).toBeNull();
  });

  it('never takes a key that opens a home section', () => {
    for (const fkey of Object.keys(REGISTRATION_KEYS)) expect(sectionForKey(key(fkey))).toBeNull();
  });
});
