import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { PageContentType } from '../../../shared/docs';

/**
 * A file given to the scan desk, turned into page images: a PNG or JPEG is one page, checked to be
 * whole (a truncated or garbled file is refused, not stored); a PDF is rendered page by page to PNG
 * with poppler's `pdftoppm` at 300 dpi (at 150 dpi tesseract misreads 闷 as 闽 in 16-point text). Anything else is refused.
 */

export interface PageImage {
  readonly bytes: Buffer;
  readonly contentType: PageContentType;
  readonly width: number;
  readonly height: number;
  /** md5 in hex: names the attachment and the page's OCR text. */
  readonly digestHex: string;
  readonly source: string;
}

export class PageFileRefused extends Error {}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_DPI = 300;
const MAX_PDF_PAGES = 200;

const md5Hex = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 45 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  // The last chunk must be IEND: a file cut short in transfer has lost it.
  if (bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND') return null;
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  // A whole JPEG ends with EOI (FFD9), possibly followed by padding.
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  if (tail.lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      return width > 0 && height > 0 ? { width, height } : null;
    }
    at += 2 + length;
  }
  return null;
}

function image(bytes: Buffer, contentType: PageContentType, source: string): PageImage {
  const size = contentType === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size)
    throw new PageFileRefused(
      `“${source}”不是完整的${contentType === 'image/png' ? ' PNG' : ' JPEG'} 图片（文件可能已损坏或没传完），没有导入。请重新扫描或另存后再导入`,
    );
  return { bytes, contentType, ...size, digestHex: md5Hex(bytes), source };
}

function pdftoppm(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clinic-pdf-'));
  writeFileSync(path.join(dir, 'in.pdf'), pdf);
  return new Promise((resolve, reject) => {
    execFile('pdftoppm', ['-r', String(PDF_DPI), '-png', path.join(dir, 'in.pdf'), path.join(dir, 'page')], { timeout: 120_000 }, (error) => {
      if (error) {
        rmSync(dir, { recursive: true, force: true });
        reject(error);
      } else resolve(dir);
    });
  });
}

async function pdfPages(bytes: Buffer, source: string): Promise<PageImage[]> {
  let pageCount: number;
  try {
    pageCount = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  } catch {
    throw new PageFileRefused(`“${source}”不是完整的 PDF 文件（文件可能已损坏或没传完），没有导入。请重新扫描或另存后再导入`);
  }
  if (pageCount === 0) throw new PageFileRefused(`“${source}”里没有页面，没有导入`);
  if (pageCount > MAX_PDF_PAGES) throw new PageFileRefused(`“${source}”有 ${pageCount} 页，一次最多导入 ${MAX_PDF_PAGES} 页：请分成几个文件`);
  let dir: string;
  try {
    dir = await pdftoppm(bytes);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PageFileRefused(
      missing
        ? '本机没有安装 PDF 转换程序（poppler-utils），无法导入 PDF：请安装后再试，或导入扫描的图片'
        : `“${source}”无法转换成页面图片（文件可能已损坏），没有导入`,
    );
  }
  try {
    const files = readdirSync(dir)
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]));
    if (files.length !== pageCount) throw new PageFileRefused(`“${source}”只转换出 ${files.length} / ${pageCount} 页（文件可能已损坏），没有导入`);
    return files.map((name, i) => image(readFileSync(path.join(dir, name)), 'image/png', `${source} 第 ${i + 1} 页`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages of one file, by what its bytes are (not by its name). */
export async function pagesOfFile(name: string, bytes: Buffer): Promise<PageImage[]> {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return [image(bytes, 'image/png', name)];
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return [image(bytes, 'image/jpeg', name)];
  if (bytes.toString('latin1', 0, 5) === '%PDF-') return pdfPages(bytes, name);
  const head = bytes.toString('latin1', 0, 4);
  if (head === 'II*\u0000' || head === 'MM\u0000*')
    throw new PageFileRefused(`“${name}”是 TIFF 图片，暂不能直接导入：请在扫描软件里存为 PDF、PNG 或 JPEG 后再导入`);
  throw new PageFileRefused(`“${name}”不是 PDF、PNG 或 JPEG 文件，没有导入`);
}
