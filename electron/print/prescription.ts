/**
 * 处方笺: the prescription form in the layout 《处方管理办法》's 处方标准 sets — the clinic, the
 * prescription's kind in the top corner, 费别, 门诊号, 科别, the patient, 临床诊断, the Rp items with
 * their usage, the prescriber and the date, and the pharmacy's 审核 / 调配 / 核对 / 发药 boxes. A5
 * portrait; the same font route as the registration slip (cjk-font.ts) and its 避头尾 line breaking.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { clinicDateTime } from '../../shared/time/clinic-time';
import { cjkFontFor } from './cjk-font';
import { breakLines } from './line-break';
import { labelOpenTypeFonts } from './open-type-font';

export interface PrescriptionSheet {
  readonly clinicName: string;
  readonly kindLabel: string;
  readonly visitNumber: string;
  readonly feeCategory: string;
  readonly department: string;
  readonly patient: { readonly name: string; readonly sex: string; readonly age: string };
  readonly diagnosis: string;
  readonly items: ReadonlyArray<{ readonly name: string; readonly quantity: string; readonly usage: string }>;
  readonly doctor: string;
  readonly issuedAt: string;
  readonly timeZone?: string;
}

const MM = 72 / 25.4;
const WIDTH = 148 * MM;
const HEIGHT = 210 * MM;
const MARGIN = 10 * MM;
const INK = rgb(0, 0, 0);
const PHARMACY_BOXES = ['审核', '调配', '核对', '发药'] as const;

class Writer {
  y = HEIGHT - MARGIN;
  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
  ) {}

  width(text: string, size: number): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  /** Text broken to the width (避头尾), each line below the last. */
  text(text: string, size: number, options: { x?: number; gap?: number; center?: boolean } = {}): void {
    const x = options.x ?? MARGIN;
    this.y -= options.gap ?? 0;
    for (const line of breakLines(text, WIDTH - MARGIN - x, (t) => this.width(t, size))) {
      this.y -= size;
      this.page.drawText(line, { x: options.center ? (WIDTH - this.width(line, size)) / 2 : x, y: this.y, size, font: this.font, color: INK });
      this.y -= 3;
    }
  }

  at(text: string, size: number, x: number, y: number): void {
    this.page.drawText(text, { x, y, size, font: this.font, color: INK });
  }

  rule(gap = 4): void {
    this.y -= gap;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: WIDTH - MARGIN, y: this.y }, thickness: 0.8, color: INK });
  }

  box(x: number, y: number, width: number, height: number): void {
    this.page.drawRectangle({ x, y, width, height, borderColor: INK, borderWidth: 0.8 });
  }
}

function sheetText(sheet: PrescriptionSheet): string {
  const items = sheet.items.map((i) => `${i.name}${i.quantity}${i.usage}`).join('');
  return `${sheet.clinicName}处方笺${sheet.kindLabel}费别门诊号科别日期姓名性别年龄临床诊断Rp医师金额签名${PHARMACY_BOXES.join('')}${Object.values(sheet.patient).join('')}${sheet.feeCategory}${sheet.visitNumber}${sheet.department}${sheet.diagnosis}${sheet.doctor}${items}：　.×0123456789-年月日时分`;
}

export async function prescriptionPdf(sheet: PrescriptionSheet, options: { fontFile?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fontBytes = await cjkFontFor(`${sheetText(sheet)}${clinicDateTime(sheet.issuedAt, sheet.timeZone)}`, options.fontFile);
  const font = await pdf.embedFont(fontBytes, { subset: false });
  const page = pdf.addPage([WIDTH, HEIGHT]);
  const w = new Writer(page, font);

  // The kind in a box in the top right corner, as the 处方标准 asks (普通 / 急诊 …).
  const kindWidth = w.width(sheet.kindLabel, 10) + 8;
  w.box(WIDTH - MARGIN - kindWidth, HEIGHT - MARGIN - 16, kindWidth, 16);
  w.at(sheet.kindLabel, 10, WIDTH - MARGIN - kindWidth + 4, HEIGHT - MARGIN - 12);
  w.text(sheet.clinicName, 15, { center: true, gap: 4 });
  w.text('处方笺', 13, { center: true, gap: 2 });
  w.text(`费别：${sheet.feeCategory}　门诊号：${sheet.visitNumber}　科别：${sheet.department}`, 9, { gap: 8 });
  w.text(`姓名：${sheet.patient.name}　性别：${sheet.patient.sex}　年龄：${sheet.patient.age}　日期：${clinicDateTime(sheet.issuedAt, sheet.timeZone)}`, 9, {
    gap: 2,
  });
  w.text(`临床诊断：${sheet.diagnosis}`, 9, { gap: 2 });
  w.rule();
  w.text('Rp', 16, { gap: 6 });
  sheet.items.forEach((item, index) => {
    w.text(`${index + 1}. ${item.name}　${item.quantity}`, 10.5, { x: MARGIN + 8 * MM, gap: 6 });
    w.text(item.usage, 9, { x: MARGIN + 12 * MM });
  });

  // The foot: prescriber and date, then the pharmacy's four boxes, at the bottom of the page.
  const footY = MARGIN + 22 * MM;
  page.drawLine({ start: { x: MARGIN, y: footY + 12 * MM }, end: { x: WIDTH - MARGIN, y: footY + 12 * MM }, thickness: 0.8, color: INK });
  w.at(`医师：${sheet.doctor}`, 10, MARGIN, footY + 6 * MM);
  w.at('金额：', 10, WIDTH / 2, footY + 6 * MM);
  const boxWidth = (WIDTH - 2 * MARGIN) / PHARMACY_BOXES.length;
  PHARMACY_BOXES.forEach((label, i) => {
    const x = MARGIN + i * boxWidth;
    w.box(x, MARGIN, boxWidth, 18 * MM);
    w.at(`${label}：`, 9, x + 2 * MM, MARGIN + 18 * MM - 5 * MM);
  });

  pdf.setTitle(`处方笺 ${sheet.visitNumber}`);
  pdf.setCreator('乡镇卫生院诊疗与病案系统');
  pdf.setCreationDate(new Date(sheet.issuedAt));
  pdf.setModificationDate(new Date(sheet.issuedAt));
  await labelOpenTypeFonts(pdf, fontBytes);
  return pdf.save();
}
