/** A certified copy made with a fresh clinic key, and the ledger that knows it: for tests and the bench. */
import { deflateSync } from 'node:zlib';
import { sm2 } from 'sm-crypto-v2';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { EXAMPLE_DISCLOSURE, type DisclosureDoc } from '../../../../shared/docs';
import type { CertifiedCopy, CertifiedCopyContent } from '../content';
import { sm2Signer } from '../payload';
import { certifiedCopyPdf } from '../render';
import type { CopyLedger } from '../verify';

export const KEY_ID = 'clinic_key:01JQ0000000000000000000022';

/** A record of `paragraphs` paragraphs of about 80 characters, for a patient with a rare name. */
export function sampleContent(paragraphs: number, patientName = '王䶮'): CertifiedCopyContent {
  const text = (i: number) =>
    `第${i + 1}段：患者${patientName}反复咳嗽三天，伴发热，最高体温38.5℃，痰白质黏，无胸痛、咯血。查体：咽部充血，双肺呼吸音粗。诊断：急性支气管炎（J20.9）。`;
  return {
    clinicName: '青山镇卫生院',
    copyId: 'disclosure:01JQ0000000000000000000021',
    caseNumbers: ['xz01-2026-W03-00017'],
    patient: { name: patientName, sex: '男', age: '45岁' },
    requester: '某某人寿青山支公司 赵保',
    purpose: '理赔审核',
    printedAt: '2026-12-03T09:00:00.000Z',
    printedBy: '赵病案',
    sections: [{ title: '门诊病历（2026-03-01 内科 李明）', paragraphs: Array.from({ length: paragraphs }, (_, i) => text(i)) }],
  };
}

export async function makeCopy(
  content: CertifiedCopyContent,
): Promise<{ copy: CertifiedCopy; ledger: CopyLedger; keyPair: { publicKey: string; privateKey: string } }> {
  const keyPair = sm2.generateKeyPairHex();
  const copy = await certifiedCopyPdf(content, sm2Signer(KEY_ID, keyPair.privateKey));
  const disclosure: DisclosureDoc = {
    ...(EXAMPLE_DISCLOSURE as DisclosureDoc),
    _id: content.copyId,
    pages: copy.pages,
    text_sm3: copy.textSm3,
    page_sm3: [...copy.pageSm3],
    key_id: KEY_ID,
    signature: copy.signature,
  };
  const ledger: CopyLedger = {
    disclosure: (id) => (id === disclosure._id ? disclosure : null),
    clinicKey: (id) => (id === KEY_ID ? { public_key: keyPair.publicKey, status: 'active' } : null),
  };
  return { copy, ledger, keyPair };
}

/** Rewrites every page's content (decompressed), as someone editing the PDF by hand would. */
export async function rewritePageContent(bytes: Uint8Array, edit: (content: string, page: number) => string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.getPages().forEach((page, index) => {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = pdf.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      const edited = Buffer.from(edit(text, index), 'latin1');
      pdf.context.assign(ref, PDFRawStream.of(pdf.context.obj({ Filter: 'FlateDecode', Length: 0 }), deflateSync(edited)));
    }
  });
  return pdf.save({ updateFieldAppearances: false });
}

/**
 * Changes one character of the first drawn line containing `needle` on page 1: the glyph after
 * the first becomes the first's (both in the font, so the page still renders).
 */
export async function changeOneCharacter(bytes: Uint8Array, needle: string): Promise<Uint8Array> {
  const { readDrawnText } = await import('../drawn-text');
  const lineIndex = readDrawnText(await PDFDocument.load(bytes)).pages[0].findIndex((line) => line.includes(needle));
  if (lineIndex < 0) throw new Error(`no line with ${needle} on page 1`);
  return rewritePageContent(bytes, (content, page) => {
    if (page !== 0) return content;
    let seen = -1;
    return content.replace(/<([0-9A-Fa-f]+)>(\s*)Tj/g, (match, hex: string, space: string) => {
      seen += 1;
      if (seen !== lineIndex) return match;
      const codes = hex.match(/.{4}/g)!;
      const changed = [codes[0], codes[0], ...codes.slice(2)].join('');
      if (changed === hex) throw new Error('the change would change nothing');
      return `<${changed}>${space}Tj`;
    });
  });
}
