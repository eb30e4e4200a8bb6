/**
 * The certified copy (复印件, REGULATIONS.md AR-22–AR-25): A4 pages with a header (clinic, 病案号,
 * patient), the record's sections, a footer (第 x 页 共 y 页, printed at, printed by), a diagonal
 * watermark naming the requester and purpose, the red 病案复印专用章 and a QR code carrying the copy
 * id and the SM3 digest of everything the pages draw as text, signed with the clinic's SM2 key.
 *
 * Every string is drawn through one function that also records it, so the digest is made from
 * exactly what the pages draw; the QR code (not text) is drawn last, once the digest is known.
 */
import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { clinicDateTime } from '../../../shared/time/clinic-time';
import { cjkFontFor } from '../cjk-font';
import { breakLines } from '../line-break';
import { labelOpenTypeFonts } from '../open-type-font';
import type { CertifiedCopy, CertifiedCopyContent } from './content';
import { copyDigests, type CopySigner, fontDigest, formatPayload, statementOf } from './payload';
import { drawQr, embedQr } from './qr';
import { drawSeal, SEAL_TITLE, type DrawString } from './seal';

/** The document-information key that carries the QR payload too (verify.ts reads it from there). */
export const PAYLOAD_INFO_KEY = 'ClinicCopyPayload';

const MM = 72 / 25.4;
const WIDTH = 210 * MM;
const HEIGHT = 297 * MM;
const MARGIN = 18 * MM;
const INK = rgb(0, 0, 0);
const SOFT = rgb(0.35, 0.35, 0.35);
const BODY_SIZE = 10.5;
const LINE = 16;
const TITLE_SIZE = 11.5;
const QR_WIDTH = 24 * MM;
const SEAL_RADIUS = 20 * MM;
const BODY_TOP = HEIGHT - MARGIN - 46;
const BODY_BOTTOM = MARGIN + 16 + QR_WIDTH + 6;

interface Line {
  readonly text: string;
  readonly size: number;
  readonly gap: number;
  readonly indent: number;
}

const copyNumber = (copyId: string) => copyId.replace(/^disclosure:/, '');

function staticText(content: CertifiedCopyContent): string[] {
  return [
    `${content.clinicName}病案复印件`,
    `病案号：${content.caseNumbers.join('、')}　患者：${content.patient.name}　性别：${content.patient.sex}　年龄：${content.patient.age}`,
    watermarkText(content),
    `第页共打印时间：打印人：${content.printedBy}${clinicDateTime(content.printedAt, content.timeZone)}0123456789`,
    `复印件编号：${copyNumber(content.copyId)}扫描二维码或在“复印件核验”输入编号核验`,
    SEAL_TITLE,
    ...content.sections.flatMap((s) => [s.title, ...s.paragraphs]),
  ];
}

function watermarkText(content: CertifiedCopyContent): string {
  return `复印件　仅供${content.requester}${content.purpose}使用`;
}

/** The body as lines broken to the width, then cut into pages. */
function paginate(content: CertifiedCopyContent, font: PDFFont): Line[][] {
  const width = WIDTH - 2 * MARGIN;
  const lines: Line[] = [];
  for (const section of content.sections) {
    lines.push({ text: section.title, size: TITLE_SIZE, gap: lines.length === 0 ? 0 : 10, indent: 0 });
    for (const paragraph of section.paragraphs)
      breakLines(paragraph, width - 12, (t) => font.widthOfTextAtSize(t, BODY_SIZE)).forEach((text, i) =>
        lines.push({ text, size: BODY_SIZE, gap: i === 0 ? 3 : 0, indent: 12 }),
      );
  }
  const pages: Line[][] = [[]];
  let y = BODY_TOP;
  for (const line of lines) {
    const step = line.gap + LINE;
    if (y - step < BODY_BOTTOM && pages.at(-1)!.length > 0) {
      pages.push([]);
      y = BODY_TOP;
    }
    pages.at(-1)!.push(pages.at(-1)!.length === 0 ? { ...line, gap: 0 } : line);
    y -= pages.at(-1)!.at(-1)!.gap + LINE;
  }
  return pages;
}

function drawPage(page: PDFPage, font: PDFFont, draw: DrawString, content: CertifiedCopyContent, lines: Line[], index: number, total: number): void {
  const watermark = watermarkText(content);
  const size = 22;
  for (const [x, y] of [
    [MARGIN, HEIGHT * 0.2],
    [MARGIN + 20, HEIGHT * 0.45],
    [MARGIN + 40, HEIGHT * 0.7],
  ])
    draw(watermark, { x, y, size, rotate: 30, color: rgb(0.5, 0.5, 0.5), opacity: 0.16 });

  const title = `${content.clinicName}病案复印件`;
  draw(title, { x: (WIDTH - font.widthOfTextAtSize(title, 14)) / 2, y: HEIGHT - MARGIN - 14, size: 14, color: INK });
  draw(`病案号：${content.caseNumbers.join('、')}　患者：${content.patient.name}　性别：${content.patient.sex}　年龄：${content.patient.age}`, {
    x: MARGIN,
    y: HEIGHT - MARGIN - 34,
    size: 9,
    color: INK,
  });
  page.drawLine({ start: { x: MARGIN, y: HEIGHT - MARGIN - 40 }, end: { x: WIDTH - MARGIN, y: HEIGHT - MARGIN - 40 }, thickness: 0.8, color: INK });

  let y = BODY_TOP;
  for (const line of lines) {
    y -= line.gap + LINE;
    draw(line.text, { x: MARGIN + line.indent, y: y + (LINE - line.size) / 2, size: line.size, color: INK });
  }

  const foot = `第 ${index + 1} 页 共 ${total} 页　打印时间：${clinicDateTime(content.printedAt, content.timeZone)}　打印人：${content.printedBy}`;
  page.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: WIDTH - MARGIN, y: MARGIN + 14 }, thickness: 0.6, color: INK });
  draw(foot, { x: (WIDTH - font.widthOfTextAtSize(foot, 8.5)) / 2, y: MARGIN + 2, size: 8.5, color: SOFT });
  draw(`复印件编号：${copyNumber(content.copyId)}`, { x: MARGIN + QR_WIDTH + 6, y: MARGIN + 16 + QR_WIDTH * 0.55, size: 8.5, color: SOFT });
  draw('扫描二维码或在“复印件核验”输入编号核验', { x: MARGIN + QR_WIDTH + 6, y: MARGIN + 16 + QR_WIDTH * 0.3, size: 8.5, color: SOFT });
  drawSeal(page, font, draw, content.clinicName, WIDTH - MARGIN - SEAL_RADIUS - 8, MARGIN + 22 + SEAL_RADIUS, SEAL_RADIUS);
}

export async function certifiedCopyPdf(content: CertifiedCopyContent, signer: CopySigner, options: { fontFile?: string } = {}): Promise<CertifiedCopy> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fontBytes = await cjkFontFor(staticText(content).join(''), options.fontFile);
  const font = await pdf.embedFont(fontBytes, { subset: false });
  const pagesLines = paginate(content, font);

  const drawnText: string[][] = [];
  const pages = pagesLines.map((lines, index) => {
    const page = pdf.addPage([WIDTH, HEIGHT]);
    const strings: string[] = [];
    drawnText.push(strings);
    const draw: DrawString = (text, o) => {
      if (text === '') return;
      strings.push(text);
      page.drawText(text, {
        x: o.x,
        y: o.y,
        size: o.size,
        font,
        color: o.color,
        opacity: o.opacity,
        rotate: o.rotate === undefined ? undefined : degrees(o.rotate),
      });
    };
    drawPage(page, font, draw, content, lines, index, pagesLines.length);
    return page;
  });

  const { textSm3, pageSm3 } = copyDigests(drawnText, fontDigest(fontBytes));
  const statement = { copyId: content.copyId, textSm3, keyId: signer.keyId };
  const signature = signer.sign(statementOf(statement));
  const payload = formatPayload({ ...statement, signature });
  const qr = embedQr(pdf, payload);
  for (const page of pages) drawQr(page, qr, MARGIN, MARGIN + 16, QR_WIDTH);

  pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict).set(PDFName.of(PAYLOAD_INFO_KEY), PDFHexString.fromText(payload));
  pdf.setTitle(`病案复印件 ${content.caseNumbers.join('、')}`);
  pdf.setSubject(`复印件编号 ${copyNumber(content.copyId)}`);
  pdf.setCreator('乡镇卫生院诊疗与病案系统');
  pdf.setProducer('乡镇卫生院诊疗与病案系统');
  pdf.setCreationDate(new Date(content.printedAt));
  pdf.setModificationDate(new Date(content.printedAt));
  await labelOpenTypeFonts(pdf, fontBytes);
  const bytes = await pdf.save();
  return { pdf: bytes, pages: pages.length, drawnText, textSm3, pageSm3, payload, signature };
}
