import { describe, expect, it } from 'vitest';
import { sectionAllowed, SECTIONS, startingSection } from './sections';

describe('home sections', () => {
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
