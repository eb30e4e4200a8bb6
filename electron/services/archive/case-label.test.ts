import { describe, expect, it } from 'vitest';
import { archiveCaseBarcode, matchArchiveCase } from '../../devices/scanner/barcode-formats';

describe('病案号 on a folder label', () => {
  it('is read back by the barcode reader exactly as it was made', () => {
    for (const caseNumber of ['xz01-2026-W03-00017', 'demo01-2025-W01-00001', 'a-b_c-2030-ABCDEFGH-1234567']) {
      expect(matchArchiveCase(archiveCaseBarcode(caseNumber))).toEqual({ caseNumber });
    }
  });
});
