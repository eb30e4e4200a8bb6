import { createHash, hash } from 'node:crypto';

/**
 * Canonical JSON: what `JSON.stringify` writes, with the keys of every object sorted. The same body
 * always gives the same text, so revision ids are deterministic and stored bodies compare byte for
 * byte. (One JavaScript quirk stays: integer-like keys such as "2" always come first, in numeric
 * order; that is still one fixed order for a given set of keys.)
 *
 * Built as a key-sorted copy handed to the native `JSON.stringify`: about twice as fast as
 * assembling the text in JavaScript.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(sortedCopy(value));
  if (text === undefined) throw new TypeError('canonicalJson: value is not representable as JSON');
  return text;
}

function sortedCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return sortedCopy(toJSON.call(value));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  keys.sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) copy[key] = sortedCopy(record[key]);
  return copy;
}

/**
 * The id of a new revision made by a local edit: `<pos>-<md5 hex>` where the hash covers the
 * parent revision, the deleted flag and the canonical body (attachment stubs, with their digests,
 * are part of the body). Like CouchDB, the same edit of the same parent always gets the same id.
 */
export function newRevisionId(pos: number, parentRev: string | null, deleted: boolean, canonicalBody: string): string {
  // One-shot hash: for bodies of a few hundred bytes, creating a Hash object costs more than hashing.
  return `${pos}-${hash('md5', (deleted ? 'D' : 'L') + (parentRev ?? '') + '\u0000' + canonicalBody, 'hex')}`;
}

/** `md5-<base64>`, the attachment digest CouchDB and PouchDB write. */
export function attachmentDigest(bytes: Uint8Array): string {
  return 'md5-' + createHash('md5').update(bytes).digest('base64');
}
