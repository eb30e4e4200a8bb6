/**
 * Amendments of signed documents (REGULATIONS.md WR-05, AR-05): a signed document is never edited;
 * a correction is an `amendment` carrying the full new content, its reason, the version it follows,
 * written and signed in one transaction. The history lists the original and every amendment in
 * order, with the per-field differences between consecutive versions.
 */
import { monotonicFactory } from 'ulid';
import { ApiFailure } from '../../shared/api/errors';
import type { AmendmentHistoryView, SignedView, VersionView } from '../../shared/api/signing';
import { amendmentDoc, type AmendmentDoc } from '../../shared/docs';
import type { Signer } from './signer';
import type { SigningService } from './signing-service';
import { diffText, fieldText } from './text-diff';

const nextUlid = monotonicFactory();

const textField = (value: unknown): string => (typeof value === 'string' ? value : '');

/** An amendment body read field by field, whatever was done to it. */
function looseAmendment(stored: Readonly<Record<string, unknown>>): AmendmentDoc {
  const author = (stored.author ?? {}) as Record<string, unknown>;
  const content = stored.content !== null && typeof stored.content === 'object' ? (stored.content as Record<string, unknown>) : {};
  return {
    ...(stored as unknown as AmendmentDoc),
    sequence: typeof stored.sequence === 'number' ? stored.sequence : 0,
    reason: textField(stored.reason),
    created_at: textField(stored.created_at),
    content,
    author: { username: textField(author.username), display_name: textField(author.display_name) },
  };
}

export interface AmendmentInput {
  readonly targetId: string;
  readonly reason: string;
  readonly content: Readonly<Record<string, unknown>>;
  readonly pin: string;
}

export class Amendments {
  constructor(private readonly signing: SigningService) {}

  async create(input: AmendmentInput, signer: Signer): Promise<SignedView> {
    const { store } = this.signing.options;
    const target = store.get(input.targetId);
    if (!target) throw new ApiFailure('NOT_FOUND', `没有找到要修改的记录 ${input.targetId}。`);
    const definition = this.signing.definitionOf(target);
    const fields = definition.signing.contentFields;
    const unknown = Object.keys(input.content).filter((field) => !fields.includes(field));
    if (unknown.length > 0) throw new ApiFailure('VALIDATION_FAILED', `修改内容里有这份记录没有的项目：${unknown.join('、')}。`);
    // The full new content, every field (null for an empty one): a field left out is refused rather
    // than silently recorded as erased.
    const missing = fields.filter((field) => !(field in input.content));
    if (missing.length > 0) throw new ApiFailure('VALIDATION_FAILED', `修改内容须包含全部项目（没有的填 null），缺少：${missing.join('、')}。`);
    if (this.signing.verify(input.targetId).status === 'unsigned')
      throw new ApiFailure('VALIDATION_FAILED', '这份记录还没有签名，直接修改草稿即可，不需要做修改记录。');
    const versions = this.versionDocs(input.targetId);
    const previous = versions[versions.length - 1];
    const key = await this.signing.openKey(signer.username, input.pin);
    const at = new Date(this.signing.now()).toISOString();
    const patient = definition.signing.patientField ? target[definition.signing.patientField] : undefined;
    const amendment: AmendmentDoc = {
      _id: `amendment:${nextUlid()}`,
      type: 'amendment',
      ...this.signing.stamp(signer.username, at),
      target_id: input.targetId,
      target_type: definition.type,
      patient_id: typeof patient === 'string' ? patient : null,
      previous_id: previous?._id ?? input.targetId,
      sequence: versions.length + 1,
      reason: input.reason.trim(),
      content: Object.fromEntries(fields.map((field) => [field, input.content[field] ?? null])),
      author: { username: signer.username, display_name: signer.displayName },
    };
    return store.transaction(() => {
      if (this.versionDocs(input.targetId).length !== versions.length) throw new ApiFailure('CONFLICT', '这份记录刚被别人修改过，请刷新后再改。');
      const [written] = store.bulkDocs([amendment]);
      if (!written.ok) throw new ApiFailure('VALIDATION_FAILED', written.reason);
      return this.signing.signNow(key, amendment._id, written.rev, 'sign', signer);
    });
  }

  /**
   * The content fields of the newest version (the last amendment's, else the document's own): what
   * a correction of a few parts starts from, so the parts it leaves alone are carried over unchanged.
   */
  latestContent(targetId: string): Record<string, unknown> {
    const target = this.signing.options.store.get(targetId);
    if (!target) throw new ApiFailure('NOT_FOUND', `没有找到记录 ${targetId}。`);
    const fields = this.signing.definitionOf(target).signing.contentFields;
    const last = this.versionDocs(targetId).at(-1);
    const source: Readonly<Record<string, unknown>> = last ? last.content : target;
    return Object.fromEntries(fields.map((field) => [field, source[field] ?? null]));
  }

  /** Every version, oldest first, with who, when and why, each one's signatures checked, and the differences. */
  history(targetId: string): AmendmentHistoryView {
    const { store } = this.signing.options;
    const target = store.get(targetId);
    if (!target) throw new ApiFailure('NOT_FOUND', `没有找到记录 ${targetId}。`);
    const fields = this.signing.definitionOf(target).signing.contentFields;
    const textOf = (source: Readonly<Record<string, unknown>>) => Object.fromEntries(fields.map((field) => [field, fieldText(source[field])]));
    const verification = this.signing.verify(targetId);
    const writer = String(target.created_by ?? '');
    const original: VersionView = {
      id: targetId,
      sequence: 0,
      author: verification.signer
        ? { username: verification.signer.username, displayName: verification.signer.displayName }
        : { username: writer, displayName: writer },
      at: verification.signedAt ?? String(target.updated_at ?? target.created_at),
      reason: null,
      content: textOf(target),
      verification,
    };
    const amended: VersionView[] = this.versionDocs(targetId).map((doc) => ({
      id: doc._id,
      sequence: doc.sequence,
      author: { username: doc.author.username, displayName: doc.author.display_name },
      at: doc.created_at,
      reason: doc.reason,
      content: textOf(doc.content),
      verification: this.signing.verify(doc._id),
    }));
    const versions = [original, ...amended];
    const changes = versions.slice(1).map((version, index) => {
      const before = versions[index];
      const changed = fields.filter((field) => before.content[field] !== version.content[field]);
      return {
        fromId: before.id,
        toId: version.id,
        fields: changed.map((field) => ({
          field,
          before: before.content[field],
          after: version.content[field],
          parts: diffText(before.content[field], version.content[field]),
        })),
      };
    });
    return { targetId, versions, changes };
  }

  /**
   * The amendments as stored. One altered so far that it no longer fits its schema is still listed
   * (its verification says altered): a history must not hide a version.
   */
  private versionDocs(targetId: string): AmendmentDoc[] {
    const { store, queries } = this.signing.options;
    return queries.amendmentIdsOf(targetId).flatMap((id) => {
      const stored = store.get(id);
      if (!stored) return [];
      const parsed = amendmentDoc.safeParse(stored);
      return [parsed.success ? parsed.data : looseAmendment(stored)];
    });
  }
}
