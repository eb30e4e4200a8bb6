import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { cjkFontFor } from '../../../print/cjk-font';

/**
 * Pages of known Chinese text, for OCR tests and the accuracy measure: drawn with pdf-lib and the CJK
 * font the app prints with (electron/print/cjk-font.ts), as a scanner's A4 page would hold them.
 */

const A4: [number, number] = [595, 842];
const SIZE = 16;
const LINE = 28;
const MARGIN = 56;

/** A PDF with one page per entry of `pages`, each line of text on its own line. */
export async function knownTextPdf(pages: ReadonlyArray<ReadonlyArray<string>>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await cjkFontFor(pages.flat().join('')), { subset: false });
  for (const lines of pages) {
    const page = pdf.addPage(A4);
    lines.forEach((line, i) => page.drawText(line, { x: MARGIN, y: A4[1] - MARGIN - SIZE - i * LINE, size: SIZE, font }));
  }
  return pdf.save();
}

/** Character edit distance (Levenshtein), for accuracy = 1 − distance / length of the known text. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length];
}

/** Accuracy of `read` against `known`, ignoring white space (OCR's line breaks and spacing are not the record's). */
export function characterAccuracy(known: string, read: string): number {
  const strip = (text: string) => text.replace(/\s+/g, '');
  const truth = strip(known);
  return Math.max(0, 1 - editDistance(truth, strip(read)) / Array.from(truth).length);
}
