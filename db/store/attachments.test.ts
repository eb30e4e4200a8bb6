import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTemporaryDatabase, type TemporaryDatabase } from '../testing/fixtures';
import type { AttachmentStub } from './types';

let db: TemporaryDatabase;
afterEach(() => db?.dispose());

const page1 = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3, 4, 5]);
const page2 = Buffer.from('第二页扫描件', 'utf8');
const digestOf = (bytes: Uint8Array) => 'md5-' + createHash('md5').update(bytes).digest('base64');
const attachmentRows = () => db.sqlite.prepare('SELECT count(*) FROM attachments').pluck().get();

describe('attachments', () => {
  it('round-trip as bytes, stubs and inline base64', () => {
    db = openTemporaryDatabase();
    const [result] = db.store.bulkDocs([
      {
        _id: 'scan:1',
        kind: 'scan',
        _attachments: {
          'p1.pdf': { content_type: 'application/pdf', data: page1 },
          'p2.txt': { content_type: 'text/plain', data: page2.toString('base64') },
        },
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const doc = db.store.get('scan:1')!;
    expect(doc._attachments).toEqual({
      'p1.pdf': { content_type: 'application/pdf', digest: digestOf(page1), length: page1.length, revpos: 1, stub: true },
      'p2.txt': { content_type: 'text/plain', digest: digestOf(page2), length: page2.length, revpos: 1, stub: true },
    });
    expect(Buffer.from(db.store.getAttachment(digestOf(page1))!)).toEqual(Buffer.from(page1));
    expect(db.store.getAttachment('md5-nothing')).toBeNull();
    const inline = db.store.get('scan:1', { attachments: true })!._attachments as unknown as Record<string, { data: string }>;
    expect(Buffer.from(inline['p2.txt'].data, 'base64').toString('utf8')).toBe('第二页扫描件');
  });

  it('store each content once and keep stubs across edits', () => {
    db = openTemporaryDatabase();
    const [a] = db.store.bulkDocs([
      { _id: 'scan:a', _attachments: { 'p.pdf': { content_type: 'application/pdf', data: page1 } } },
      { _id: 'scan:b', _attachments: { 'same.pdf': { content_type: 'application/pdf', data: Buffer.from(page1).toString('base64') } } },
    ]);
    expect(attachmentRows()).toBe(1);
    if (!a.ok) throw new Error('write failed');
    const stub = db.store.get('scan:a')!._attachments!['p.pdf'] as AttachmentStub;
    const [edit] = db.store.bulkDocs([
      { _id: 'scan:a', _rev: a.rev, note: '补一页', _attachments: { 'p.pdf': stub, 'p2.txt': { content_type: 'text/plain', data: page2 } } },
    ]);
    expect(edit).toMatchObject({ ok: true });
    const after = db.store.get('scan:a')!;
    expect(after._attachments!['p.pdf'].revpos).toBe(1);
    expect(after._attachments!['p2.txt'].revpos).toBe(2);
    expect(attachmentRows()).toBe(2);
  });

  it('refuse a stub for bytes the database does not hold, writing nothing', () => {
    db = openTemporaryDatabase();
    const [result] = db.store.bulkDocs([
      {
        _id: 'scan:c',
        _attachments: {
          'new.pdf': { content_type: 'application/pdf', data: page1 },
          'ghost.pdf': { content_type: 'application/pdf', digest: 'md5-AAAAAAAAAAAAAAAAAAAAAA==', length: 3, revpos: 1, stub: true },
        },
      },
    ]);
    expect(result).toMatchObject({ ok: false, error: 'bad_request' });
    expect(attachmentRows()).toBe(0);
    expect(db.store.get('scan:c')).toBeNull();
  });

  it('keep the revpos of replicated attachments', () => {
    db = openTemporaryDatabase();
    db.store.bulkDocs(
      [
        {
          _id: 'scan:d',
          _rev: '3-c',
          _revisions: { start: 3, ids: ['c', 'b', 'a'] },
          _attachments: { 'p.pdf': { content_type: 'application/pdf', revpos: 2, data: Buffer.from(page1).toString('base64') } as never },
        },
      ],
      { newEdits: false },
    );
    expect(db.store.get('scan:d')!._attachments!['p.pdf']).toMatchObject({ revpos: 2, digest: digestOf(page1) });
  });
});
