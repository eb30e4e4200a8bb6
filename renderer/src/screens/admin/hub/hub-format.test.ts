import { describe, expect, it } from 'vitest';
import { fingerprintGroups } from './hub-format';

describe('hub panel fingerprint', () => {
  it('shows the 16 digits to type apart from the rest', () => {
    const fingerprint = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(':');
    const { typed, rest } = fingerprintGroups(fingerprint);
    expect(typed).toEqual(['0001', '0203', '0405', '0607']);
    expect(rest).toHaveLength(12);
    expect([...typed, ...rest].join('')).toBe(fingerprint.replace(/:/g, ''));
  });
});
