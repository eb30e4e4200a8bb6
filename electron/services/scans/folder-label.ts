import bwipjs from 'bwip-js/node';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { archiveCaseBarcode } from '../../devices';
import { cjkFontFor } from '../../print/cjk-font';

/**
 * The label on a paper folder (病案袋): Code 128 of `BA-<病案号>`, which the barcode reader already
 * takes for a folder (electron/devices/scanner/barcode-formats.ts), as a PNG and as a PDF sized for a
 * 70 × 30 mm label with the number written under the bars.
 */

const MM = 72 / 25.4;
const LABEL_WIDTH = 70 * MM;
const LABEL_HEIGHT = 30 * MM;

export interface FolderLabel {
  readonly barcode: string;
  readonly png: Buffer;
  readonly pdf: Uint8Array;
}

export async function folderLabel(caseNumber: string): Promise<FolderLabel> {
  const barcode = archiveCaseBarcode(caseNumber);
  const png = await bwipjs.toBuffer({ bcid: 'code128', text: barcode, scale: 3, height: 12, includetext: true, textxalign: 'center' });
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const caption = `病案号 ${caseNumber}`;
  const font = await pdf.embedFont(await cjkFontFor(caption), { subset: false });
  const page = pdf.addPage([LABEL_WIDTH, LABEL_HEIGHT]);
  const picture = await pdf.embedPng(png);
  const width = LABEL_WIDTH - 8 * MM;
  const height = (picture.height / picture.width) * width;
  page.drawImage(picture, { x: 4 * MM, y: LABEL_HEIGHT - 3 * MM - Math.min(height, 20 * MM), width, height: Math.min(height, 20 * MM) });
  page.drawText(caption, { x: 4 * MM, y: 2.5 * MM, size: 8, font });
  pdf.setTitle(barcode);
  return { barcode, png, pdf: await pdf.save() };
}
