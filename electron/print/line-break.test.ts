import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cjkFontFor } from './cjk-font';
import { breakLines } from './line-break';

/** Every character one unit wide, a space half: enough to place breaks by hand. */
const cells = (text: string) => Array.from(text).reduce((w, c) => w + (c === ' ' ? 0.5 : 1), 0);

describe('breakLines (避头尾)', () => {
  it('never leaves a closing bracket alone at the start of a line: the character before goes with it', () => {
    expect(breakLines('就诊序号：7 号（前面还有 2 人）', 15, cells)).toEqual(['就诊序号：7 号（前面还有 2', '人）']);
    expect(breakLines('前面还有两人）', 6, cells)).toEqual(['前面还有两', '人）']);
  });

  it('never ends a line with an opening bracket, nor starts one with a stop or a pause', () => {
    expect(breakLines('甲乙丙丁（戊）', 5, cells)).toEqual(['甲乙丙丁', '（戊）']);
    expect(breakLines('甲乙丙丁戊。己', 5, cells)).toEqual(['甲乙丙丁', '戊。己']);
    expect(breakLines('甲乙丙丁戊、己', 5, cells)).toEqual(['甲乙丙丁', '戊、己']);
  });

  it('keeps numbers and Latin words whole when they fit, and cuts only what cannot otherwise fit', () => {
    expect(breakLines('门诊号：W01-20260301-0007', 12, cells)).toEqual(['门诊号：', 'W01-20260301-0007']);
    expect(breakLines('）。）。）。', 3, cells)).toEqual(['）。）', '。）。']);
    expect(breakLines('', 3, cells)).toEqual(['']);
    expect(breakLines('短', 3, cells)).toEqual(['短']);
  });

  it('on the 80 mm slip, measured with the real font, keeps 「2 人）」 together', async () => {
    const text = '就诊序号：7 号（前面还有 2 人）';
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(await cjkFontFor(text), { subset: false });
    const width = 72 * (72 / 25.4);
    const lines = breakLines(text, width, (t) => font.widthOfTextAtSize(t, 14));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const line of lines) {
      expect(font.widthOfTextAtSize(line, 14)).toBeLessThanOrEqual(width);
      expect(line).not.toMatch(/^[）。，、：]/);
      expect(line).not.toMatch(/（$/);
    }
    expect(lines.at(-1)).not.toBe('）');
  });
});
