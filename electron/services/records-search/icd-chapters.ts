import { readFileSync } from 'node:fs';
import { dataFile } from '../reference/code-sets';

/**
 * The ICD-10 chapters (第一章 A00–B99 …) from the tables shipped in shared/data, for the search's
 * chapter filter: a chapter is the range of three-character categories it covers.
 */

export interface IcdChapter {
  readonly range: string;
  readonly name: string;
}

let chapters: IcdChapter[] | undefined;

export function icdChapters(): ReadonlyArray<IcdChapter> {
  if (chapters) return chapters;
  const csv = readFileSync(dataFile('icd10_cn_blocks.csv'), 'utf8');
  chapters = csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells[2] === 'chapter')
    .map(([range, name]) => ({ range, name }));
  return chapters;
}

/** `J00-J99` → the bounds the query compares codes with. */
export function chapterBounds(range: string): { from: string; to: string } | null {
  const match = /^([A-Z]\d\d)-([A-Z]\d\d)$/.exec(range.toUpperCase());
  return match ? { from: match[1], to: match[2] } : null;
}
