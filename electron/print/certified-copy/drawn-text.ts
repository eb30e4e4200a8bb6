/**
 * What the pages of a PDF draw as text, read back from their content streams: for each page, every
 * text-showing operation (`Tj`, `TJ`, `'`, `"`), in drawing order, as the string it shows — Form
 * XObjects the page paints included. The codes are turned into text by the font's ToUnicode map,
 * and that map is checked against the embedded font's own character map, so a glyph swapped in the
 * content stream (or a ToUnicode entry bent to hide it) cannot pass for the original character.
 */
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import { contentOperations, type Operand } from './content-tokens';
import { QR_MARKER } from './qr';

export interface DrawnText {
  /** Per page, the strings drawn, in order. */
  readonly pages: string[][];
  /** The font programs used, decoded (one for a copy this app made). */
  readonly fontPrograms: Uint8Array[];
  /** Per page, the decoded content of each QR Form XObject it paints. */
  readonly qrContents: string[][];
  /** Why the text cannot be trusted as drawn (a glyph that is not the character it claims to be). */
  readonly problems: string[];
}

interface FontInfo {
  readonly twoByte: boolean;
  readonly toUnicode: Map<number, string>;
  readonly program: Uint8Array | null;
}

const name = (n: string) => PDFName.of(n);

function streamBytes(pdf: PDFDocument, object: PDFObject | undefined): Uint8Array | null {
  const stream = object instanceof PDFRef ? pdf.context.lookup(object) : object;
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  return null;
}

function dict(pdf: PDFDocument, object: PDFObject | undefined): PDFDict | null {
  const resolved = object instanceof PDFRef ? pdf.context.lookup(object) : object;
  if (resolved instanceof PDFDict) return resolved;
  if (resolved instanceof PDFStream) return resolved.dict;
  return null;
}

/** `beginbfchar` and `beginbfrange` sections of a ToUnicode CMap (Adobe TN 5014, 5411). */
export function parseToUnicode(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const pair of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(pair[1], 16), utf16(pair[2]));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const range of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const [from, to] = [parseInt(range[1], 16), parseInt(range[2], 16)];
      if (range[3].startsWith('[')) {
        [...range[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((m, i) => map.set(from + i, utf16(m[1])));
      } else {
        const start = Buffer.from(range[3].slice(1, -1), 'hex');
        for (let code = from; code <= to && code - from < 65536; code += 1) {
          const value = Buffer.from(start);
          value.writeUInt16BE((value.readUInt16BE(value.length - 2) + code - from) & 0xffff, value.length - 2);
          map.set(code, value.swap16().toString('utf16le'));
        }
      }
    }
  return map;
}

function fontInfo(pdf: PDFDocument, font: PDFDict): FontInfo {
  const toUnicodeBytes = streamBytes(pdf, font.get(name('ToUnicode')));
  const toUnicode = toUnicodeBytes ? parseToUnicode(Buffer.from(toUnicodeBytes).toString('latin1')) : new Map<number, string>();
  const twoByte = font.get(name('Subtype')) === name('Type0');
  const descendants = font.get(name('DescendantFonts'));
  const descendantsArray = descendants instanceof PDFRef ? pdf.context.lookup(descendants) : descendants;
  const cidFont = twoByte && descendantsArray instanceof PDFArray ? dict(pdf, descendantsArray.get(0)) : font;
  const descriptor = dict(pdf, cidFont?.get(name('FontDescriptor')));
  const file = descriptor?.get(name('FontFile3')) ?? descriptor?.get(name('FontFile2')) ?? descriptor?.get(name('FontFile'));
  return { twoByte, toUnicode, program: streamBytes(pdf, file) };
}

/** Problems of a font's ToUnicode map against the font program's own cmap, for the codes drawn. */
function glyphProblems(info: FontInfo, codes: ReadonlySet<number>): string[] {
  if (!info.program || !info.twoByte) return [];
  let font: { glyphForCodePoint(cp: number): { id: number } };
  try {
    font = fontkit.create(Buffer.from(info.program)) as unknown as typeof font;
  } catch {
    return ['文件里的字体已损坏，文字无法核对'];
  }
  const wrong = [...codes].filter((code) => {
    const text = info.toUnicode.get(code);
    const points = text === undefined ? [] : Array.from(text);
    return points.length !== 1 || font.glyphForCodePoint(points[0].codePointAt(0)!).id !== code;
  });
  return wrong.length === 0 ? [] : [`有 ${wrong.length} 个字形与它所标注的文字不一致（字形被替换过）`];
}

export function readDrawnText(pdf: PDFDocument): DrawnText {
  const fonts = new Map<PDFDict, FontInfo>();
  const codesUsed = new Map<FontInfo, Set<number>>();
  const qrContents: string[][] = [];

  const decode = (info: FontInfo | null, bytes: Uint8Array): string => {
    if (!info) return Buffer.from(bytes).toString('latin1');
    let text = '';
    const used = codesUsed.get(info) ?? new Set<number>();
    codesUsed.set(info, used);
    const step = info.twoByte ? 2 : 1;
    for (let i = 0; i + step <= bytes.length; i += step) {
      const code = step === 2 ? (bytes[i] << 8) | bytes[i + 1] : bytes[i];
      used.add(code);
      text += info.toUnicode.get(code) ?? (step === 1 ? String.fromCharCode(code) : '\uFFFD');
    }
    return text;
  };

  const walk = (content: Uint8Array, resources: PDFDict | null, out: string[], qr: string[], depth: number): void => {
    const stack: Array<FontInfo | null> = [];
    let font: FontInfo | null = null;
    const shown = (operand: Operand | undefined): string =>
      operand?.kind === 'string' ? decode(font, operand.bytes) : operand?.kind === 'array' ? operand.items.map((item) => shown(item)).join('') : '';
    for (const { operator, operands } of contentOperations(content)) {
      if (operator === 'q') stack.push(font);
      else if (operator === 'Q') font = stack.pop() ?? null;
      else if (operator === 'Tf') {
        const fontName = operands[0]?.kind === 'name' ? operands[0].value : '';
        const fontDict = dict(pdf, dict(pdf, resources?.get(name('Font')))?.get(name(fontName)));
        if (fontDict && !fonts.has(fontDict)) fonts.set(fontDict, fontInfo(pdf, fontDict));
        font = fontDict ? fonts.get(fontDict)! : null;
      } else if (operator === 'Tj' || operator === "'" || operator === 'TJ') out.push(shown(operands.at(-1)));
      else if (operator === '"') out.push(shown(operands[2]));
      else if (operator === 'Do' && depth < 8) {
        const xName = operands[0]?.kind === 'name' ? operands[0].value : '';
        const ref = dict(pdf, resources?.get(name('XObject')))?.get(name(xName));
        const object = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
        if (!(object instanceof PDFRawStream) || object.dict.get(name('Subtype')) !== name('Form')) continue;
        const bytes = decodePDFRawStream(object).decode();
        if (object.dict.get(name(QR_MARKER))) qr.push(Buffer.from(bytes).toString('latin1'));
        walk(bytes, dict(pdf, object.dict.get(name('Resources'))) ?? resources, out, qr, depth + 1);
      }
    }
  };

  const pages = pdf.getPages().map((page) => {
    const strings: string[] = [];
    const qr: string[] = [];
    const contents = page.node.get(name('Contents'));
    const resolved = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
    const streams = resolved instanceof PDFArray ? resolved.asArray() : resolved ? [resolved] : [];
    const parts = streams.map((s) => streamBytes(pdf, s) ?? new Uint8Array());
    walk(Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from('\n')])), page.node.Resources() ?? null, strings, qr, 0);
    qrContents.push(qr);
    return strings;
  });

  const problems = [...codesUsed].flatMap(([info, codes]) => glyphProblems(info, codes));
  if (pdf.getPages().some((page) => (page.node.Annots()?.size() ?? 0) > 0)) problems.push('文件被加了批注或表单（打印时没有）');
  const fontPrograms = [...new Set([...codesUsed.keys()].map((info) => info.program).filter((p): p is Uint8Array => p !== null))];
  return { pages, fontPrograms, qrContents, problems: [...new Set(problems)] };
}
