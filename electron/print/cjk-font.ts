/**
 * The Chinese font printed documents use, cut down to the characters of each document.
 *
 * Route (STACK-NOTES.md, "PDF with Chinese text"): harfbuzz (subset-font) subsets the font, then
 * pdf-lib embeds the result whole (`subset: false`); fontkit's own subsetting breaks CFF fonts such
 * as Noto Sans CJK. The Debian package ships a collection (.ttc); the simplified-Chinese face is
 * taken out by PostScript name (ttc-face.ts), because subset-font always reads face 0 (Japanese).
 * Layout features are dropped in the subset: the OpenType substitutions (proportional digits …)
 * would otherwise produce glyphs pdf-lib leaves out of its width and ToUnicode tables.
 */
import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { extractCollectionFace, listCollectionFaces } from './ttc-face';

/** Debian's fonts-noto-cjk; `CLINIC_CJK_FONT` points elsewhere (a Windows install ships its own). */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Faces accepted from a collection, best first: simplified Chinese. */
const SIMPLIFIED_FACES = ['NotoSansCJKsc-Regular', 'SourceHanSansSC-Regular', 'SourceHanSansCN-Regular', 'MicrosoftYaHei', 'SimSun'];

export class FontUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontUnavailableError';
  }
}

const faces = new Map<string, Buffer>();

export function cjkFontPath(): string {
  return process.env.CLINIC_CJK_FONT?.trim() || DEFAULT_CJK_FONT;
}

/** The simplified-Chinese face as a standalone font file, read once per path. */
export function loadCjkFace(file: string = cjkFontPath()): Buffer {
  const cached = faces.get(file);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new FontUnavailableError(
      `找不到打印用的中文字体（${file}）。请安装 Noto Sans CJK 字体（Debian：fonts-noto-cjk），或用环境变量 CLINIC_CJK_FONT 指定字体文件。`,
    );
  }
  let face = bytes;
  if (bytes.toString('latin1', 0, 4) === 'ttcf') {
    let listed;
    try {
      listed = listCollectionFaces(bytes);
    } catch {
      throw new FontUnavailableError(`中文字体文件已损坏（${file}），请重新安装字体。`);
    }
    const chosen = SIMPLIFIED_FACES.map((name) => listed.find((f) => f.postScriptName === name)).find((f) => f !== undefined);
    if (!chosen) throw new FontUnavailableError(`字体文件 ${file} 里没有简体中文字形，请改用 Noto Sans CJK（含 SC 字形）。`);
    face = extractCollectionFace(bytes, chosen.index);
  }
  faces.set(file, face);
  return face;
}

/** A font file holding just the glyphs of `text` (plus the space), ready for `embedFont(…, { subset: false })`. */
export async function cjkFontFor(text: string, file?: string): Promise<Uint8Array> {
  const face = loadCjkFace(file);
  const characters = [...new Set(Array.from(`${text} `))].join('');
  try {
    return await subsetFont(face, characters, { targetFormat: 'sfnt', keepFeatures: [] });
  } catch (error) {
    throw new FontUnavailableError(`中文字体无法使用（${error instanceof Error ? error.message : String(error)}），请重新安装字体。`);
  }
}
