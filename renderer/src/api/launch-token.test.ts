import { describe, expect, it } from 'vitest';
import { takeLaunchToken, tokenFromHash } from './launch-token';

function place(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [['clinic.launchToken', stored]] : []);
  let cleared = false;
  return {
    place: {
      hash,
      storage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
      clearHash: () => {
        cleared = true;
      },
    },
    storage,
    cleared: () => cleared,
  };
}

describe('launch token', () => {
  it('reads a hex token from the fragment, keeps it for the tab and clears the address bar', () => {
    const p = place('#token=0123456789abcdef0123');
    expect(takeLaunchToken(p.place)).toBe('0123456789abcdef0123');
    expect(p.storage.get('clinic.launchToken')).toBe('0123456789abcdef0123');
    expect(p.cleared()).toBe(true);
  });

  it('falls back to the token kept before a reload', () => {
    const p = place('', 'feedfacefeedface');
    expect(takeLaunchToken(p.place)).toBe('feedfacefeedface');
    expect(p.cleared()).toBe(false);
  });

  it('ignores fragments that are not a token', () => {
    expect(tokenFromHash('#/login')).toBeNull();
    expect(tokenFromHash('#token=not-hex!')).toBeNull();
    expect(tokenFromHash('#a=1&token=abcdef0123456789')).toBe('abcdef0123456789');
  });
});
