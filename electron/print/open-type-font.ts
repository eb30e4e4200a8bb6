/**
 * pdf-lib (with @pdf-lib/fontkit 1.1) does not see the CFF outlines of subset-font's output of Noto
 * Sans CJK (an OpenType file starting `OTTO`) and labels it TrueType (`CIDFontType2`, `FontFile2`).
 * Readers then warn "Mismatch between font type and embedded font file" and some printers' drivers fall back to another font. PDF 1.6 names such a file `FontFile3` with
 * `/Subtype /OpenType`; this relabels the font after pdf-lib has written it.
 */
import { PDFDict, type PDFDocument, PDFHeader, PDFName, PDFRef, PDFStream } from 'pdf-lib';

const name = (n: string) => PDFName.of(n);

/** True for an OpenType file with CFF outlines (its first four bytes are `OTTO`). */
export function isCffOpenType(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'OTTO';
}

/**
 * Embeds what is pending (fonts are written at flush) and relabels them as CFF-flavoured OpenType:
 * the CID font as `CIDFontType0` (no `CIDToGIDMap`, which only TrueType CID fonts have), its file as
 * `FontFile3` with `/Subtype /OpenType`. Call it with the font bytes given to `embedFont`, just before
 * `save()`; a TrueType font is left as it is.
 */
export async function labelOpenTypeFonts(pdf: PDFDocument, fontBytes: Uint8Array): Promise<void> {
  if (!isCffOpenType(fontBytes)) return;
  await pdf.flush();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const subtype = object.get(name('Subtype'));
    if (object.get(name('Type')) === name('Font') && subtype === name('CIDFontType2')) {
      object.set(name('Subtype'), name('CIDFontType0'));
      object.delete(name('CIDToGIDMap'));
    }
    if (object.get(name('Type')) === name('FontDescriptor')) {
      const file = object.get(name('FontFile2')) ?? object.get(name('FontFile3'));
      if (!(file instanceof PDFRef)) continue;
      object.delete(name('FontFile2'));
      object.set(name('FontFile3'), file);
      pdf.context.lookup(file, PDFStream).dict.set(name('Subtype'), name('OpenType'));
    }
  }
  // OpenType font files came with PDF 1.6; say 1.7 whatever pdf-lib writes.
  pdf.context.header = PDFHeader.forVersion(1, 7);
}
