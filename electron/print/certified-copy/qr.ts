/**
 * The copy's QR code, drawn as vector modules (one filled path of squares, bwip-js's matrix) in a
 * Form XObject marked `/ClinicCopyQR true`. Drawn the same way every time, so verification can make
 * the content again from the payload and compare it with what the page draws (verify.ts).
 */
import bwipjs from 'bwip-js/node';
import {
  PDFBool,
  type PDFDocument,
  PDFName,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  concatTransformationMatrix,
  drawObject,
} from 'pdf-lib';

/** The marker a copy's QR Form XObject carries in its dictionary. */
export const QR_MARKER = 'ClinicCopyQR';
/** White margin around the modules, in modules (ISO/IEC 18004 asks for 4). */
const QUIET = 4;

export function qrMatrix(payload: string): { size: number; dark: (row: number, column: number) => boolean } {
  // ECC level M (15 %): enough for a copy's crease or stain, small enough for 24 mm.
  const [symbol] = bwipjs.raw('qrcode', payload, 'eclevel=M');
  if (!('pixs' in symbol)) throw new Error('bwip-js gave no QR matrix');
  return { size: symbol.pixx, dark: (row, column) => symbol.pixs[row * symbol.pixx + column] === 1 };
}

/** The Form XObject's content: a white square with the quiet zone, then the dark modules, row 0 at the top. */
export function qrContent(payload: string): { size: number; content: string } {
  const { size, dark } = qrMatrix(payload);
  const squares: string[] = [];
  for (let row = 0; row < size; row += 1)
    for (let column = 0; column < size; column += 1) if (dark(row, column)) squares.push(`${column} ${size - 1 - row} 1 1 re`);
  const total = size + 2 * QUIET;
  return { size: total, content: `q 1 g ${-QUIET} ${-QUIET} ${total} ${total} re f Q\n0 g\n${squares.join('\n')}\nf\n` };
}

/** Adds the QR code as one Form XObject to the document; each page draws it with `drawQr`. */
export function embedQr(pdf: PDFDocument, payload: string): { ref: PDFRef; modules: number } {
  const { size, content } = qrContent(payload);
  const stream = pdf.context.flateStream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [-QUIET, -QUIET, size - QUIET, size - QUIET],
  });
  stream.dict.set(PDFName.of(QR_MARKER), PDFBool.True);
  return { ref: pdf.context.register(stream), modules: size };
}

/** Draws the embedded QR code with its quiet zone's lower-left corner at (x, y), `width` points wide. */
export function drawQr(page: PDFPage, qr: { ref: PDFRef; modules: number }, x: number, y: number, width: number): void {
  const name = page.node.newXObject('CopyQR', qr.ref);
  const scale = width / qr.modules;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(scale, 0, 0, scale, x + 4 * scale, y + 4 * scale), drawObject(name), popGraphicsState());
}
