import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeScan } from './scan-text';

describe('decodeScan', () => {
  it('reads UTF-8 first', () => {
    expect(decodeScan(new Uint8Array(Buffer.from('王秀英 东阳市', 'utf8')))).toEqual({ ok: true, text: '王秀英 东阳市', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for scanners set to GBK', () => {
    expect(decodeScan(new Uint8Array(iconv.encode('王秀英 东阳市', 'gb18030')))).toEqual({ ok: true, text: '王秀英 东阳市', encoding: 'gb18030' });
  });

  it('strips wrapping control bytes and a BOM', () => {
    expect(decodeScan(Uint8Array.from([0x02, ...Buffer.from('\uFEFFPT-x', 'utf8'), 0x03, 0x09]))).toMatchObject({ ok: true, text: 'PT-x' });
  });

  it('refuses bytes valid in neither encoding', () => {
    expect(decodeScan(Uint8Array.of(0x41, 0x81, 0x20))).toEqual({ ok: false });
  });
});
