/**
 * Reference data the county publishes for every clinic (dictionaries, the drug list, ICD code
 * versions), pulled read-only from the county's `county_reference` database into the local store.
 *
 * The type is declared in shared/docs (types.ts, reference.ts). Shape, deliberately small: one document per dictionary, replaced as a whole when the county
 * publishes a new version —
 *
 *   { _id: 'reference_dictionary:<name>', type: 'reference_dictionary', name, version, title,
 *     published_at, entries: [{ code, label, extra? }] }
 *
 * One document per dictionary keeps a version atomic (a clinic never sees half of a new drug list)
 * and keeps the number of documents to replicate tiny. CouchDB's default max_document_size is
 * 8 MB, which holds ~100,000 short entries; a larger dictionary would be split into parts
 * (`reference_dictionary:<name>:<part>`), which this module does not need yet.
 *
 * These documents never go back up: their type's conflict policy is `county_wins`, and the push view
 * hides every document of such a type (`isNeverPushed`).
 */
import { documentRegistry, referenceDictionaryDoc, referenceDictionaryId, upgradeBody, type ReferenceDictionaryDoc } from '../../shared/docs';
import type { DocumentStoreApi } from '../../db/store/types';

export { referenceDictionaryDoc, referenceDictionaryId, type ReferenceDictionaryDoc };

export const REFERENCE_DATABASE = 'county_reference';

/**
 * Documents a clinic never pushes: those whose types the registry says are the county's or local
 * (the reference dictionaries, pulled read-only; drafts), and design documents (the county's
 * validation rules, pulled along with the data; only admins may write them).
 */
export function isNeverPushed(id: string): boolean {
  return documentRegistry.isNeverPushed(id) || id.startsWith('_design/');
}

export type ReferenceLookup =
  { readonly ok: true; readonly dictionary: ReferenceDictionaryDoc } | { readonly ok: false; readonly reason: 'missing' | 'invalid'; readonly message: string };

/** The dictionary as last pulled from the county, checked against its schema. */
export function readReferenceDictionary(store: DocumentStoreApi, name: string): ReferenceLookup {
  const doc = store.get(referenceDictionaryId(name));
  if (!doc) return { ok: false, reason: 'missing', message: `尚未从县级平台取得“${name}”字典，请先同步一次。` };
  const { _rev: _ignored, ...body } = doc;
  // A dictionary published in a newer shape is upgraded first; one newer than this program is
  // waiting for an update, and said to be unreadable until then.
  const versioned = upgradeBody(documentRegistry.get('reference_dictionary')!, body);
  const parsed = versioned.status === 'current' ? referenceDictionaryDoc.safeParse(versioned.body) : null;
  if (!parsed?.success) return { ok: false, reason: 'invalid', message: `县级平台下发的“${name}”字典格式不对，已忽略，请联系县级平台管理员。` };
  return { ok: true, dictionary: parsed.data };
}
