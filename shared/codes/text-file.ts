/**
 * Reading an uploaded text file whose encoding nobody declared. Official code lists circulate as
 * UTF-8 and, from older Windows tools, as GB18030/GBK. Pure (TextDecoder is in every runtime).
 */

export type TextFileEncoding = 'UTF-8' | 'GB18030';

export type DecodedTextFile =
  { readonly ok: true; readonly encoding: TextFileEncoding; readonly lines: ReadonlyArray<string | null> } | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function decodeLine(decoder: TextDecoder, line: Uint8Array): string | null {
  try {
    return decoder.decode(line).replace(/\r$/, '');
  } catch {
    return null;
  }
}

/**
 * Lines of the file, each decoded on its own: a line that is not valid in the file's encoding is
 * `null`, so the import can reject that row by its number instead of storing mojibake. The file is
 * UTF-8 unless most of its non-ASCII lines fail as UTF-8 and the whole file reads as GB18030.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedTextFile {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const raw = splitLines(bytes.subarray(start));
  const asUtf8 = raw.map((line) => decodeLine(utf8, line));
  const failed = asUtf8.filter((line) => line === null).length;
  if (failed === 0) return { ok: true, encoding: 'UTF-8', lines: asUtf8 };
  const nonAscii = raw.filter((line) => line.some((b) => b >= 0x80)).length;
  if (failed * 2 > nonAscii) {
    let gb: TextDecoder;
    try {
      gb = new TextDecoder('gb18030', { fatal: true });
    } catch {
      return { ok: false, message: '文件不是 UTF-8 编码，本机又不能读取 GB18030 编码。请把文件另存为 UTF-8 编码的 CSV 后再导入。' };
    }
    const asGb = raw.map((line) => decodeLine(gb, line));
    if (asGb.every((line) => line !== null)) return { ok: true, encoding: 'GB18030', lines: asGb };
    return { ok: false, message: '文件的编码无法识别（既不是 UTF-8 也不是 GB18030）。请用 Excel 或 WPS 把它另存为“CSV UTF-8”后再导入。' };
  }
  return { ok: true, encoding: 'UTF-8', lines: asUtf8 };
}
