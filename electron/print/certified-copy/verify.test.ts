import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sm2 } from 'sm-crypto-v2';
import { readDrawnText } from './drawn-text';
import { formatPayload, parsePayload, sm2Signer, statementOf } from './payload';
import { changeOneCharacter, makeCopy, sampleContent } from './testing/fixture';
import { verifyCopyCode, verifyCopyPdf } from './verify';

describe('a certified copy', () => {
  it('draws exactly the text it signed: read back from the content streams, page by page', async () => {
    const { copy } = await makeCopy(sampleContent(40));
    const drawn = readDrawnText(await PDFDocument.load(copy.pdf));
    expect(copy.pages).toBeGreaterThan(1);
    expect(drawn.pages).toEqual(copy.drawnText);
    expect(drawn.problems).toEqual([]);
    expect(copy.drawnText[0].join('')).toContain('王䶮');
    expect(copy.drawnText[0]).toContain(`第 1 页 共 ${copy.pages} 页　打印时间：2026-12-03 17:00　打印人：赵病案`);
    expect(copy.drawnText[0].join('')).toContain('仅供某某人寿青山支公司 赵保理赔审核使用');
    expect(copy.drawnText[0].join('')).toContain('病案复印专用章');
  });

  it('verifies as genuine from the file', async () => {
    const { copy, ledger } = await makeCopy(sampleContent(12));
    const verdict = await verifyCopyPdf(copy.pdf, ledger);
    expect(verdict.status).toBe('genuine');
    expect(verdict.copyId).toBe('disclosure:01JQ0000000000000000000021');
  });

  it('says altered when one character of the record text inside a page is changed', async () => {
    const { copy, ledger } = await makeCopy(sampleContent(12));
    const tampered = await changeOneCharacter(copy.pdf, '反复咳嗽');
    const verdict = await verifyCopyPdf(tampered, ledger);
    expect(verdict.status).toBe('altered');
    expect(verdict.reason).toContain('第 1 页');
  });

  it('says altered when a page is dropped', async () => {
    const { copy, ledger } = await makeCopy(sampleContent(40));
    const pdf = await PDFDocument.load(copy.pdf);
    pdf.removePage(1);
    expect((await verifyCopyPdf(await pdf.save(), ledger)).status).toBe('altered');
  });

  it('says unknown for a PDF without a copy QR, for a forged signature, and for an unknown copy id', async () => {
    const other = await PDFDocument.create();
    other.addPage().drawText('Hello', { font: await other.embedFont(StandardFonts.Helvetica) });
    expect((await verifyCopyPdf(await other.save(), { disclosure: () => null, clinicKey: () => null })).status).toBe('unknown');
    expect((await verifyCopyPdf(new TextEncoder().encode('not a pdf'), { disclosure: () => null, clinicKey: () => null })).status).toBe('unknown');

    const { copy, ledger } = await makeCopy(sampleContent(3));
    const payload = parsePayload(copy.payload)!;
    const forger = sm2.generateKeyPairHex();
    const forged = formatPayload({ ...payload, signature: sm2Signer(payload.keyId, forger.privateKey).sign(statementOf(payload)) });
    expect(verifyCopyCode(forged, ledger)).toMatchObject({ status: 'unknown' });
    expect(verifyCopyCode(copy.payload, { ...ledger, disclosure: () => null })).toMatchObject({ status: 'unknown' });
    expect(verifyCopyCode(copy.payload, ledger)).toMatchObject({ status: 'genuine' });
    expect(verifyCopyCode('01JQ0000000000000000000021', ledger)).toMatchObject({ status: 'genuine' });
    expect(verifyCopyCode('hello', ledger)).toMatchObject({ status: 'unknown' });
  });

  it('keeps its font whole: every code drawn maps to the glyph the font gives its character', async () => {
    const { copy } = await makeCopy(sampleContent(2, '王龑'));
    const drawn = readDrawnText(await PDFDocument.load(copy.pdf));
    const font = fontkit.create(Buffer.from(drawn.fontPrograms[0]));
    for (const character of '王龑䶮'.slice(0, 2)) expect(font.glyphForCodePoint(character.codePointAt(0)!).id).toBeGreaterThan(0);
  });
});
