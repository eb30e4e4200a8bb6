import { sm3 } from 'sm-crypto-v2';
import { canonicalJson } from '../../shared/canonical-json';

/**
 * What a signature covers (`covers: 'body-v1'`): the document's body as stored, every field of it,
 * `_id` included, and none of CouchDB's other reserved fields (`_rev`, `_revisions`, `_attachments`,
 * `_conflicts`, `_deleted`, …), which describe where a revision sits rather than what it says and
 * which replication rewrites. Canonical JSON (shared/canonical-json.ts) makes the bytes independent
 * of field order; SM3 digests them.
 */
export const COVERED_FORM = 'body-v1';

export function coveredBody(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const covered: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(doc)) if (field === '_id' || !field.startsWith('_')) covered[field] = value;
  return covered;
}

export function bodyDigest(doc: Readonly<Record<string, unknown>>): string {
  return sm3(canonicalJson(coveredBody(doc)));
}

/**
 * The bytes an SM2 signature is made over: the signature document itself, canonical, without its
 * `signature` field (and without reserved fields but `_id`): signer, time, clock state, target and
 * digest are all covered, so changing any of them is detected (REGULATIONS.md ID-06 (3)).
 */
export function signatureStatement(signature: Readonly<Record<string, unknown>>): string {
  const { signature: _value, ...rest } = coveredBody(signature);
  void _value;
  return canonicalJson(rest);
}
