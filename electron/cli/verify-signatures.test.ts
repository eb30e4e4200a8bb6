/**
 * The verification command over a real data folder: a body altered in the SQLite file is named,
 * with what fails, and the exit code says so; as its own process too (`npm run cli`).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openClinicDatabase, type ClinicDatabase } from '../../db/open';
import { temporaryDirectory } from '../../db/testing/fixtures';
import { registerDocumentType } from '../../shared/docs';
import { DATABASE_FILE } from '../app/clinic-app';
import { DOCTOR, patientId, PIN, signingOver, tamperInDatabase, testNote, type SigningFixture } from '../signing/testing/fixture';
import { runVerifySignatures } from './verify-signatures';

let dir: string;
let fixture: SigningFixture<ClinicDatabase>;
let unregister: () => void;
let clock = Date.parse('2026-03-02T01:00:00.000Z');

beforeEach(async () => {
  unregister = registerDocumentType(testNote);
  dir = temporaryDirectory('clinic-verify-');
  fixture = signingOver(openClinicDatabase(path.join(dir, DATABASE_FILE), { slowQueryLog: false }), () => clock);
  await fixture.signing.setPin(DOCTOR, PIN);
  for (const n of [1, 2, 3]) {
    clock += 24 * 60 * 60 * 1000;
    await fixture.signing.sign(fixture.draft(n), PIN, DOCTOR);
  }
});
afterEach(() => {
  fixture.db.close();
  unregister();
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  const lines: string[] = [];
  const code = runVerifySignatures([...args, '--data-dir', dir], {}, (line) => lines.push(line));
  return { code, lines };
}

describe('npm run cli -- verify-signatures', () => {
  it('passes when every signature verifies, filtered by patient and day', () => {
    expect(run()).toEqual({ code: 0, lines: ['验证电子签名：共 3 个，通过 3 个，不通过 0 个。'] });
    expect(run('--patient', patientId).lines[0]).toContain('共 3 个');
    expect(run('--patient', 'patient:01JQ0000000000000000000099').lines[0]).toContain('共 0 个');
    // Signed on 3, 4 and 5 March (China time, 09:00).
    expect(run('--since', '2026-03-04').lines[0]).toContain('共 2 个');
    expect(run('--since', '2026-02-30').code).toBe(2);
  });

  it('names the altered document and what fails, exit code 1', () => {
    tamperInDatabase(fixture.db, 'test_note:0002', '$.complaint', '无不适');
    const { code, lines } = run();
    expect(code).toBe(1);
    expect(lines[0]).toBe('验证电子签名：共 3 个，通过 2 个，不通过 1 个。');
    expect(lines[1]).toMatch(/^不通过 test_note:0002（签名 signature:[0-9A-Z]{26}，李明）：内容被改动 \[body_altered\]/);
    expect(lines).toHaveLength(2);
  });

  it('runs as its own process and exits non-zero on a failure', () => {
    tamperInDatabase(fixture.db, 'test_note:0003', '$.history', '无');
    fixture.db.close();
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'verify-signatures', '--data-dir', dir], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain('不通过 1 个');
    expect(child.stdout).toContain('不通过 test_note:0003');
    fixture = signingOver(openClinicDatabase(path.join(dir, DATABASE_FILE), { slowQueryLog: false }));
  });
});
