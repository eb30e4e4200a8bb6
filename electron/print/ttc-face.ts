/**
 * Takes one face out of a TrueType/OpenType collection (.ttc) as a standalone font file.
 *
 * harfbuzz (inside subset-font) and fontkit read a single font; Debian's Noto Sans CJK ships as a
 * collection of JP, KR, SC, TC and HK faces that share most tables. A face is its table directory
 * (OpenType spec, "Font Collections": https://learn.microsoft.com/typography/opentype/spec/otff#collections);
 * its tables are copied out and the directory rewritten with offsets into the new file.
 */

export interface CollectionFace {
  readonly index: number;
  /** nameID 6 from the face's `name` table, e.g. `NotoSansCJKsc-Regular`. */
  readonly postScriptName: string;
}

interface TableRecord {
  readonly tag: string;
  readonly checksum: number;
  readonly offset: number;
  readonly length: number;
}

function tag(bytes: Buffer, at: number): string {
  return bytes.toString('latin1', at, at + 4);
}

function faceOffsets(ttc: Buffer): number[] {
  if (ttc.length < 12 || tag(ttc, 0) !== 'ttcf') throw new RangeError('not a font collection (no ttcf header)');
  const count = ttc.readUInt32BE(8);
  if (count < 1 || count > 64 || 12 + 4 * count > ttc.length) throw new RangeError('font collection header is damaged');
  return Array.from({ length: count }, (_, i) => ttc.readUInt32BE(12 + 4 * i));
}

function tableRecords(font: Buffer, directory: number): TableRecord[] {
  const count = font.readUInt16BE(directory + 4);
  const records: TableRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = directory + 12 + 16 * i;
    const record = { tag: tag(font, at), checksum: font.readUInt32BE(at + 4), offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) };
    if (record.offset + record.length > font.length) throw new RangeError(`font table ${record.tag} runs past the end of the file`);
    records.push(record);
  }
  return records;
}

/** nameID 6 (PostScript name) from a `name` table, Windows Unicode or Macintosh Roman entry. */
function postScriptName(font: Buffer, name: TableRecord | undefined): string {
  if (!name) return '';
  const base = name.offset;
  const count = font.readUInt16BE(base + 2);
  const strings = base + font.readUInt16BE(base + 4);
  for (let i = 0; i < count; i += 1) {
    const at = base + 6 + 12 * i;
    const platform = font.readUInt16BE(at);
    const nameId = font.readUInt16BE(at + 6);
    if (nameId !== 6) continue;
    const length = font.readUInt16BE(at + 8);
    const start = strings + font.readUInt16BE(at + 10);
    if (platform === 3)
      return font
        .subarray(start, start + length)
        .swap16()
        .toString('utf16le');
    if (platform === 1) return font.toString('latin1', start, start + length);
  }
  return '';
}

export function listCollectionFaces(ttc: Buffer): CollectionFace[] {
  return faceOffsets(ttc).map((directory, index) => ({
    index,
    postScriptName: postScriptName(
      ttc,
      tableRecords(ttc, directory).find((r) => r.tag === 'name'),
    ),
  }));
}

/** The face at `index` as a standalone .otf/.ttf file. */
export function extractCollectionFace(ttc: Buffer, index: number): Buffer {
  const offsets = faceOffsets(ttc);
  if (!Number.isInteger(index) || index < 0 || index >= offsets.length) throw new RangeError(`font collection has no face ${index}`);
  const directory = offsets[index];
  const records = tableRecords(ttc, directory);
  const headerLength = 12 + 16 * records.length;
  const padded = (n: number) => (n + 3) & ~3;
  const total = records.reduce((sum, r) => sum + padded(r.length), headerLength);
  const out = Buffer.alloc(total);
  ttc.copy(out, 0, directory, directory + 12); // sfnt version, numTables, search hints
  let cursor = headerLength;
  records.forEach((record, i) => {
    const at = 12 + 16 * i;
    out.write(record.tag, at, 'latin1');
    out.writeUInt32BE(record.checksum, at + 4);
    out.writeUInt32BE(cursor, at + 8);
    out.writeUInt32BE(record.length, at + 12);
    ttc.copy(out, cursor, record.offset, record.offset + record.length);
    cursor += padded(record.length);
  });
  return out;
}
