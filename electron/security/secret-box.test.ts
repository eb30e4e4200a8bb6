import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeSecretBoxes, keyFileSecretBox, osKeychainSecretBox, SECRET_KEY_FILE, sealedBy, SecretUnreadable, type OsSafeStorage } from './secret-box';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-secret-box-'));
  dirs.push(dir);
  return dir;
}

/** Electron's safeStorage cannot run here; this stands in for it (a reversible transform with a check). */
function fakeSafeStorage(available = true): OsSafeStorage {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(Buffer.from(`os:${plain}`, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (bytes) => {
      const text = Buffer.from(bytes.map((b) => b ^ 0x5a)).toString('utf8');
      if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(3);
    },
  };
}

describe('key-file secret box (SM4-GCM)', () => {
  it('seals and opens, with a fresh IV each time, and keeps the key readable by the owner only', () => {
    const dir = folder();
    const box = keyFileSecretBox(dir);
    const a = box.seal('县级同步密码 pw-1');
    const b = box.seal('县级同步密码 pw-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('pw-1');
    expect(box.open(a)).toBe('县级同步密码 pw-1');
    expect(keyFileSecretBox(dir).open(b)).toBe('县级同步密码 pw-1');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses a changed value, another folder’s key and a missing key', () => {
    const dir = folder();
    const sealed = keyFileSecretBox(dir).seal('pw-2');
    const bytes = Buffer.from(sealed.split(':').pop()!, 'base64');
    bytes[bytes.length - 20] ^= 1;
    const tampered = `${sealed.slice(0, sealed.lastIndexOf(':') + 1)}${bytes.toString('base64')}`;
    expect(() => keyFileSecretBox(dir).open(tampered)).toThrow(SecretUnreadable);
    const other = folder();
    keyFileSecretBox(other).seal('x'); // creates that folder's own key
    expect(() => keyFileSecretBox(other).open(sealed)).toThrow(SecretUnreadable);
    fs.rmSync(path.join(dir, SECRET_KEY_FILE));
    expect(() => keyFileSecretBox(dir).open(sealed)).toThrow(/missing/);
  });
});

describe('OS keychain box and composition', () => {
  it('is not offered when the OS has no keychain', () => {
    expect(osKeychainSecretBox(fakeSafeStorage(false))).toBeNull();
  });

  it('seals with the keychain and still opens what the key file sealed', () => {
    const dir = folder();
    const keyFile = keyFileSecretBox(dir);
    const fromCommandLine = keyFile.seal('pw-cli');
    const keychain = osKeychainSecretBox(fakeSafeStorage())!;
    const box = composeSecretBoxes(keychain, keyFile);
    const sealed = box.seal('pw-app');
    expect(sealedBy(sealed)).toBe('os-keychain');
    expect(box.open(sealed)).toBe('pw-app');
    expect(box.open(fromCommandLine)).toBe('pw-cli');
    // The command line alone cannot open what the keychain sealed: it says so.
    expect(() => keyFile.open(sealed)).toThrow(SecretUnreadable);
  });
});
