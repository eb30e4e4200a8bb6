/**
 * 复印件核验: genuine (真实), altered (已被改动) or unknown (无法识别), with the reason in words.
 * From a PDF (the CLI, README.md here): the QR payload from the file, its SM2 signature, the copy's
 * entry in the disclosure log, the QR code the pages draw, and the SM3 of the text the pages draw
 * (recomputed from the content streams, drawn-text.ts) against the digest signed at printing.
 * From a scanned QR code or a typed copy number (the 复印件核验 tab): the payload's signature and
 * the log entry; what is on the paper is then compared by eye with the entry shown.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import type { DisclosureDoc } from '../../../shared/docs';
import { ULID_TEXT } from '../../../shared/docs/ids';
import { readDrawnText } from './drawn-text';
import { copyDigests, fontDigest, parsePayload, signatureValid, type CopyPayload } from './payload';
import { qrContent } from './qr';
import { PAYLOAD_INFO_KEY } from './render';

export type CopyStatus = 'genuine' | 'altered' | 'unknown';

export interface CopyVerdict {
  readonly status: CopyStatus;
  /** Why, in a sentence for the archivist. */
  readonly reason: string;
  readonly copyId: string | null;
  /** The log entry, when one was found. */
  readonly disclosure: DisclosureDoc | null;
}

/** Where verification finds the log entry and the clinic's public keys (this PC's replicated copy). */
export interface CopyLedger {
  disclosure(copyId: string): DisclosureDoc | null;
  clinicKey(keyId: string): { readonly public_key: string; readonly status: string } | null;
}

export const COPY_STATUS_HEADLINES: Readonly<Record<CopyStatus, string>> = { genuine: '真实', altered: '已被改动', unknown: '无法识别' };

const unknown = (reason: string, copyId: string | null = null): CopyVerdict => ({ status: 'unknown', reason, copyId, disclosure: null });

/** Signature and log entry of a payload; the entry when both hold, else the verdict. */
function checkPayload(payload: CopyPayload, ledger: CopyLedger): { disclosure: DisclosureDoc } | CopyVerdict {
  const key = ledger.clinicKey(payload.keyId);
  if (!key) return unknown('二维码所用的本院公钥在本机找不到：可能不是本院的复印件，或本机还没有同步到打印它的电脑的公钥。', payload.copyId);
  if (!signatureValid(payload, key.public_key)) return unknown('二维码的签名验证不通过：不是本院签发的复印件，或二维码被改过。', payload.copyId);
  const disclosure = ledger.disclosure(payload.copyId);
  if (!disclosure) return unknown('复印登记里没有这个复印件编号：若是本院其他电脑打印的，请等数据同步后再核验。', payload.copyId);
  if (disclosure.text_sm3 !== payload.textSm3 || disclosure.key_id !== payload.keyId)
    return { status: 'altered', reason: '二维码里的内容摘要与复印登记不一致。', copyId: payload.copyId, disclosure };
  return { disclosure };
}

function summary(disclosure: DisclosureDoc): string {
  return `本院 ${disclosure.printed_at.slice(0, 10)} 为 ${disclosure.applicant.name}（${disclosure.purpose}）打印，共 ${disclosure.pages} 页，打印人 ${disclosure.printed_by.display_name}。`;
}

function infoPayload(pdf: PDFDocument): string | null {
  const info = pdf.context.lookupMaybe(pdf.context.trailerInfo.Info, PDFDict);
  const value = info?.get(PDFName.of(PAYLOAD_INFO_KEY));
  return value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : null;
}

export async function verifyCopyPdf(bytes: Uint8Array, ledger: CopyLedger): Promise<CopyVerdict> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return unknown('这不是一个能读取的 PDF 文件。');
  }
  const text = infoPayload(pdf);
  const payload = text === null ? null : parsePayload(text);
  if (!payload) return unknown('文件里没有本院复印件的二维码信息：不是本院打印的复印件。');
  const checked = checkPayload(payload, ledger);
  if ('status' in checked) return checked;
  const { disclosure } = checked;
  const altered = (reason: string): CopyVerdict => ({ status: 'altered', reason, copyId: payload.copyId, disclosure });

  const drawn = readDrawnText(pdf);
  if (drawn.pages.length !== disclosure.pages) return altered(`页数不对：登记为 ${disclosure.pages} 页，文件有 ${drawn.pages.length} 页。`);
  const expectedQr = qrContent(text!).content;
  const badQr = drawn.qrContents.findIndex((contents) => contents.length !== 1 || contents[0] !== expectedQr);
  if (badQr >= 0) return altered(`第 ${badQr + 1} 页上的二维码与文件记录的不一致。`);
  if (drawn.problems.length > 0) return altered(`${drawn.problems.join('；')}。`);
  if (drawn.fontPrograms.length !== 1) return altered('页面上的文字用了打印时没有的字体。');
  const { textSm3, pageSm3 } = copyDigests(drawn.pages, fontDigest(drawn.fontPrograms[0]));
  if (textSm3 !== disclosure.text_sm3) {
    const pages = pageSm3.map((digest, i) => (digest === disclosure.page_sm3[i] ? 0 : i + 1)).filter((n) => n > 0);
    return altered(pages.length > 0 ? `第 ${pages.join('、')} 页的文字与打印时不一致。` : '页面上的字体与打印时不一致。');
  }
  return { status: 'genuine', reason: `文字、页数和二维码都与打印时一致：${summary(disclosure)}`, copyId: payload.copyId, disclosure };
}

const COPY_NUMBER = new RegExp(`^(?:disclosure:)?(${ULID_TEXT})$`);

/** A scanned QR payload, or the copy number printed under the QR code (typed when the code is damaged). */
export function verifyCopyCode(code: string, ledger: CopyLedger): CopyVerdict {
  const payload = parsePayload(code);
  if (payload) {
    const checked = checkPayload(payload, ledger);
    if ('status' in checked) return checked;
    return {
      status: 'genuine',
      reason: `二维码签名有效，与复印登记一致：${summary(checked.disclosure)}请核对纸面内容与登记相符。`,
      copyId: payload.copyId,
      disclosure: checked.disclosure,
    };
  }
  const number = COPY_NUMBER.exec(
    code
      .trim()
      .toUpperCase()
      .replace(/^DISCLOSURE:/, ''),
  );
  if (!number) return unknown('这不是本院复印件的二维码或编号。请重新扫描，或输入二维码下方的 26 位复印件编号。');
  const copyId = `disclosure:${number[1]}`;
  const disclosure = ledger.disclosure(copyId);
  if (!disclosure) return unknown('复印登记里没有这个复印件编号：请核对编号；若是本院其他电脑打印的，请等数据同步后再核验。', copyId);
  return {
    status: 'genuine',
    reason: `复印登记中有这个编号：${summary(disclosure)}编号可以照抄，请务必核对纸面内容与登记相符，能扫码时请扫码。`,
    copyId,
    disclosure,
  };
}
