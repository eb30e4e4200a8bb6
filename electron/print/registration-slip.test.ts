import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitView } from '../../shared/api';
import { registrationSlipPdf } from './registration-slip';

const visit: VisitView = {
  id: 'encounter:01J00000000000000000000000',
  rev: '1-a',
  visitNumber: 'W01-20260301-0009',
  visitDate: '2026-03-01',
  // 08:03 UTC is 16:03 in Beijing.
  registeredAt: '2026-03-01T08:03:00.000Z',
  patient: { id: 'patient:01J00000000000000000000001', name: '龑小䶮', sexLabel: '男', ageText: '45岁', idNumberMasked: null },
  department: { code: '03', name: '内科' },
  doctor: { username: 'dr.li', displayName: '李医生' },
  visitType: 'first',
  visitTypeLabel: '初诊',
  feeCategory: { code: 'resident', name: '城乡居民医保' },
  status: 'waiting',
  statusLabel: '候诊',
  queueNumber: 7,
  queueLabel: '7',
  queuePosition: 3,
  cancelReason: null,
};

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'slip-'));
  file = path.join(dir, 'slip.pdf');
  writeFileSync(file, await registrationSlipPdf({ clinicName: '青山镇卫生院', visit, registrar: '王挂号' }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Poppler without system fonts, so it cannot hide a broken embedded font by borrowing one. */
function poppler(tool: string, args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(tool, args, { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: '/dev/null' } });
  if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

describe('the registration slip', () => {
  it('embeds its font as the type it is: poppler reads and renders it without a warning', () => {
    const text = poppler('pdftotext', ['-layout', file, '-']);
    const image = poppler('pdftoppm', ['-r', '72', '-png', file, path.join(dir, 'page')]);
    expect(text.stderr + image.stderr).not.toMatch(/Mismatch between font type and embedded font file|Syntax Error|Syntax Warning/);
    expect(text.stdout).toContain('龑小䶮');
  });

  it('prints the time in the clinic zone (Beijing), whatever zone the PC is in', () => {
    expect(poppler('pdftotext', [file, '-']).stdout).toContain('挂号时间：2026-03-01 16:03');
  });

  it('breaks 就诊序号：7 号（前面还有 2 人） without leaving the closing bracket alone on a line', () => {
    const lines = poppler('pdftotext', [file, '-'])
      .stdout.split('\n')
      .map((l) => l.trim());
    const start = lines.findIndex((l) => l.startsWith('就诊序号：7'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(lines[start + 1]).toMatch(/^[^）]/);
    expect(lines[start + 1]).toMatch(/人）$/);
    for (const line of lines) expect(line).not.toMatch(/^[）。，、]/);
  });
});
