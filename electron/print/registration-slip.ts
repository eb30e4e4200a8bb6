/**
 * 挂号单: a small receipt-width PDF (80 mm, as thermal slip printers take) that the patient carries
 * to the consulting room. The font is subset to the characters of this one slip (cjk-font.ts), so a
 * slip is some tens of kilobytes and rare name characters print as written.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { VisitView } from '../../shared/api';
import { clinicDateTime } from '../../shared/time/clinic-time';
import { cjkFontFor } from './cjk-font';
import { breakLines } from './line-break';
import { labelOpenTypeFonts } from './open-type-font';

export interface SlipContent {
  readonly clinicName: string;
  readonly visit: VisitView;
  /** Display name of the registrar who printed it. */
  readonly registrar: string;
  /** The clinic's time zone (clinic settings); Asia/Shanghai when left out. */
  readonly timeZone?: string;
}

const MM = 72 / 25.4;
const WIDTH = 80 * MM;
const MARGIN = 4 * MM;

interface Line {
  readonly text: string;
  readonly size: number;
  readonly center?: boolean;
  /** Space above the line, in points. */
  readonly gap?: number;
  readonly rule?: boolean;
}

function slipLines(content: SlipContent): Line[] {
  const { visit } = content;
  const doctor = visit.doctor ? visit.doctor.displayName : '不指定医生';
  const waiting = visit.queuePosition === null ? '' : visit.queuePosition === 1 ? '（下一位就诊）' : `（前面还有 ${visit.queuePosition - 1} 人）`;
  return [
    { text: content.clinicName, size: 13, center: true },
    { text: '门诊挂号单', size: 11, center: true, gap: 4 },
    { text: '', size: 1, rule: true, gap: 6 },
    { text: `门诊号：${visit.visitNumber}`, size: 10, gap: 8 },
    { text: `就诊序号：${visit.queueLabel} 号${waiting}`, size: 14, gap: 8 },
    { text: `姓名：${visit.patient.name}　${visit.patient.sexLabel}　${visit.patient.ageText}`, size: 11, gap: 8 },
    { text: `科室：${visit.department.name}`, size: 11, gap: 6 },
    { text: `医生：${doctor}`, size: 11, gap: 6 },
    { text: `类别：${visit.visitTypeLabel}　费别：${visit.feeCategory.name}`, size: 10, gap: 6 },
    { text: `挂号时间：${clinicDateTime(visit.registeredAt, content.timeZone)}`, size: 9, gap: 6 },
    { text: `挂号员：${content.registrar}`, size: 9, gap: 4 },
    { text: '', size: 1, rule: true, gap: 6 },
    { text: '请留意叫号，按序号就诊。本单当日有效。', size: 8, center: true, gap: 8 },
  ];
}

function draw(page: PDFPage, font: PDFFont, lines: ReadonlyArray<{ text: string; size: number; center?: boolean; rule?: boolean; y: number }>): void {
  for (const line of lines) {
    if (line.rule) {
      page.drawLine({ start: { x: MARGIN, y: line.y }, end: { x: WIDTH - MARGIN, y: line.y }, thickness: 0.6, color: rgb(0, 0, 0), dashArray: [2, 2] });
      continue;
    }
    const width = font.widthOfTextAtSize(line.text, line.size);
    page.drawText(line.text, { x: line.center ? (WIDTH - width) / 2 : MARGIN, y: line.y, size: line.size, font, color: rgb(0, 0, 0) });
  }
}

export async function registrationSlipPdf(content: SlipContent, options: { fontFile?: string } = {}): Promise<Uint8Array> {
  const lines = slipLines(content);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fontBytes = await cjkFontFor(lines.map((l) => l.text).join(''), options.fontFile);
  const font = await pdf.embedFont(fontBytes, { subset: false });

  // Lay out top-down first, then size the page to fit (a slip printer cuts after the content).
  const placed: Array<{ text: string; size: number; center?: boolean; rule?: boolean; y: number }> = [];
  let y = 0;
  for (const line of lines) {
    if (line.rule) {
      y += line.gap ?? 0;
      placed.push({ ...line, y });
      continue;
    }
    for (const [i, part] of breakLines(line.text, WIDTH - 2 * MARGIN, (text) => font.widthOfTextAtSize(text, line.size)).entries()) {
      y += (i === 0 ? (line.gap ?? 0) : 2) + line.size;
      placed.push({ text: part, size: line.size, center: line.center, y });
    }
  }
  const height = y + 2 * MARGIN;
  const page = pdf.addPage([WIDTH, height]);
  draw(
    page,
    font,
    placed.map((p) => ({ ...p, y: height - MARGIN - p.y })),
  );

  pdf.setTitle(`挂号单 ${content.visit.visitNumber}`);
  pdf.setCreator('乡镇卫生院诊疗与病案系统');
  pdf.setCreationDate(new Date(content.visit.registeredAt));
  pdf.setModificationDate(new Date(content.visit.registeredAt));
  await labelOpenTypeFonts(pdf, fontBytes);
  return pdf.save();
}
