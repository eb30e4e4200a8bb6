import { describe, expect, it } from 'vitest';
import { sectionAllowed, sectionForKey, SECTIONS, startingSection } from './sections';

const key = (k: string, altKey = false) => ({ key: k, altKey, ctrlKey: false, metaKey: false });

describe('home sections', () => {
  it('opens sections with F1–F5 and Alt+1–5, and ignores other keys', () => {
    expect(sectionForKey(key('F1'))).toBe('registration');
    expect(sectionForKey(key('F5'))).toBe('admin');
    expect(sectionForKey(key('3', true))).toBe('records');
    expect(sectionForKey(key('3'))).toBeNull();
    expect(sectionForKey({ key: 'F1', altKey: false, ctrlKey: true, metaKey: false })).toBeNull();
  });

  it('starts an administrator in 管理 and a registrar in 挂号', () => {
    expect(startingSection(['admin'])).toBe('admin');
    expect(startingSection(['registrar'])).toBe('registration');
    expect(startingSection(['admin', 'registrar'])).toBe('registration');
    expect(startingSection(['doctor'])).toBe('outpatient');
  });

  it('opens 管理 to a registrar, for the device settings', () => {
    const admin = SECTIONS.find((s) => s.id === 'admin');
    expect(admin && sectionAllowed(admin, ['registrar'])).toBe(true);
    expect(admin && sectionAllowed(admin, ['doctor'])).toBe(false);
  });
});
