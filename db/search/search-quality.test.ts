import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentOf } from '../../shared/docs';
import { openTemporaryDatabase, putDocs, type TemporaryDatabase } from '../testing/fixtures';
import { recordsSearchQueries } from '../queries/records-search';
import { rebuildProjectionsSync } from '../projections/rebuild';
import { generatedNote, LATIN_TOKENS, MEDICAL_WORDS, seededRandom, SINGLE_CHARACTERS } from './corpus';
import { noteText } from './record-text';
import { ftsExpression, normaliseForScan, queryPhrases, scanPattern } from './tokens';

/**
 * Search quality against an exhaustive scan: every note's text normalised the same way, every
 * query's terms as substrings of it (tokens.ts states the definition). Recall and precision over
 * all queries together must both be at least 99%.
 */

const NOTES = 1500;
let db: TemporaryDatabase;
let scanned: Array<{ id: string; text: string }>;

beforeAll(() => {
  db = openTemporaryDatabase();
  const random = seededRandom(20261203);
  const notes = Array.from({ length: NOTES }, (_, n) => generatedNote(n, random));
  for (let i = 0; i < notes.length; i += 500) putDocs(db.store, notes.slice(i, i + 500));
  scanned = notes.map((note) => ({ id: note._id, text: normaliseForScan(noteText(note as unknown as DocumentOf<'outpatient_note'>).text) }));
});
afterAll(() => db?.dispose());

function queries(): string[] {
  const random = seededRandom(7);
  const words = [...MEDICAL_WORDS, ...SINGLE_CHARACTERS, ...LATIN_TOKENS];
  const pairs = Array.from({ length: 60 }, () => `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`);
  // Pieces of words (性肺, 尿病), a Latin prefix (hba), a term spanning a word boundary (咳嗽伴).
  return [...words, ...pairs, '尿病', '管炎', 'hba', 'HBA1C', 'mm', '2型糖', '咳嗽伴', '７.２', 'Ｘ线'];
}

function exhaustive(query: string): Set<string> {
  const patterns = query
    .split(/\s+/)
    .map(scanPattern)
    .filter((p): p is string => p !== null);
  return new Set(scanned.filter((note) => patterns.every((p) => note.text.includes(p))).map((note) => note.id));
}

function indexed(query: string): Set<string> {
  const rows = recordsSearchQueries(db.orm).fullText(ftsExpression(queryPhrases(query)), { canSeeSealed: true }, 1_000_000);
  return new Set(rows.map((row) => row.recordId));
}

function score(): { recall: number; precision: number; expected: number } {
  let truePositives = 0;
  let expected = 0;
  let found = 0;
  for (const query of queries()) {
    const truth = exhaustive(query);
    const got = indexed(query);
    expected += truth.size;
    found += got.size;
    for (const id of got) if (truth.has(id)) truePositives += 1;
  }
  return { recall: truePositives / expected, precision: truePositives / found, expected };
}

describe('full-text search quality on a generated corpus', () => {
  it('finds what an exhaustive scan finds, and nothing else (≥ 99%)', () => {
    const { recall, precision, expected } = score();
    expect(expected).toBeGreaterThan(10_000);
    expect(recall).toBeGreaterThanOrEqual(0.99);
    expect(precision).toBeGreaterThanOrEqual(0.99);
  });

  it('matches two-character words, single characters and mixed tokens', () => {
    for (const query of ['肺炎', '咳', '2型', 'HbA1c', 'hba', 'X线']) expect(indexed(query).size, query).toBe(exhaustive(query).size);
    expect(indexed('肺炎').size).toBeGreaterThan(0);
  });

  it('gives the same answers after the projections are rebuilt', () => {
    const before = indexed('糖尿病 咳');
    rebuildProjectionsSync(db);
    expect(indexed('糖尿病 咳')).toEqual(before);
  });
});
