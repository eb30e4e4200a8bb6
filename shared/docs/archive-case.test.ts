import { describe, expect, it } from 'vitest';
import { archiveCaseDoc } from './archive-case';
import { EXAMPLE_ARCHIVE_CASE } from './examples';
import { archiveCaseId, CASE_NUMBER, caseNumberOf } from './ids';

describe('病案号', () => {
  it('has the clinic, the year, the workstation and the sequence', () => {
    for (const caseNumber of ['xz01-2026-W03-00017', 'demo01-2025-W01-00001', 'a-b_c-2030-ABCDEFGH-1234567']) {
      expect(CASE_NUMBER.test(caseNumber)).toBe(true);
      expect(caseNumberOf(archiveCaseId(caseNumber))).toBe(caseNumber);
    }
  });

  it('refuses numbers without a workstation or with a short sequence', () => {
    for (const bad of ['xz01-2026-00017', 'xz01-2026-W03-17', 'XZ01-2026-W03-00017', 'xz01-26-W03-00017']) expect(CASE_NUMBER.test(bad)).toBe(false);
    expect(() => caseNumberOf('archive_case:xz01-2026-17')).toThrow();
  });

  it('checks that the number and the workstation agree', () => {
    expect(archiveCaseDoc.safeParse(EXAMPLE_ARCHIVE_CASE).success).toBe(true);
    expect(archiveCaseDoc.safeParse({ ...EXAMPLE_ARCHIVE_CASE, workstationId: 'W02' }).success).toBe(false);
    expect(archiveCaseDoc.safeParse({ ...EXAMPLE_ARCHIVE_CASE, encounterId: null }).success).toBe(false);
  });
});
