import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDrawnText } from './drawn-text';
import { makeCopy, rewritePageContent, sampleContent } from './testing/fixture';

let dir: string;
let pdf: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'copy-render-'));
  pdf = (await makeCopy(sampleContent(3, '王䶮'))).copy.pdf;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Page 1 as a greyscale image, by poppler without system fonts (it cannot borrow a font to hide a broken one). */
function renderFirstPage(bytes: Uint8Array, name: string): { pixels: Buffer; stderr: string } {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const run = spawnSync('pdftoppm', ['-r', '72', '-gray', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, name)], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: '/dev/null' },
  });
  if (run.status !== 0) throw new Error(`pdftoppm failed: ${run.stderr}`);
  return { pixels: readFileSync(path.join(dir, `${name}.pgm`)), stderr: run.stderr };
}

/** The same PDF with every occurrence of one glyph code on page 1 replaced by .notdef (code 0). */
function withNotdef(code: number): Promise<Uint8Array> {
  const hex = code.toString(16).padStart(4, '0');
  return rewritePageContent(pdf, (content, page) =>
    page !== 0
      ? content
      : content.replace(/<([0-9A-Fa-f]+)>(\s*)Tj/g, (_m, codes: string, space: string) => {
          const swapped = codes.match(/.{4}/g)!.map((c) => (c.toLowerCase() === hex ? '0000' : c));
          return `<${swapped.join('')}>${space}Tj`;
        }),
  );
}

describe('the certified copy of 王䶮, rendered by pdftoppm', () => {
  it('renders without font warnings and draws something on the page', () => {
    const { pixels, stderr } = renderFirstPage(pdf, 'page');
    expect(stderr).not.toMatch(/Mismatch between font type|Syntax Error|Syntax Warning|Couldn't find a font/);
    const dark = pixels.subarray(pixels.length - 595 * 842).filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(1000);
  });

  it('draws every glyph of the name: each is in the font and renders differently from .notdef', async () => {
    const doc = await PDFDocument.load(pdf);
    const drawn = readDrawnText(doc);
    expect(drawn.pages[0].some((line) => line.includes('患者：王䶮'))).toBe(true);
    const font = fontkit.create(Buffer.from(drawn.fontPrograms[0]));
    const original = renderFirstPage(pdf, 'original').pixels;
    for (const character of ['王', '䶮']) {
      const glyph = font.glyphForCodePoint(character.codePointAt(0)!);
      expect(glyph.id, `${character} is in the embedded font`).toBeGreaterThan(0);
      expect(glyph.path.toSVG(), `${character} has an outline`).not.toBe('');
      const notdef = renderFirstPage(await withNotdef(glyph.id), `notdef-${glyph.id}`).pixels;
      expect(notdef.equals(original), `${character} renders as itself, not as .notdef`).toBe(false);
    }
  });
});
