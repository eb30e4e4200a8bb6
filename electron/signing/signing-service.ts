/**
 * Signing, counter-signing and checking documents (REGULATIONS.md ID-02, ID-03, ID-06, ID-14). Any
 * document type whose registry entry has a `signing` rule can be signed; see README.md here.
 */
import { monotonicFactory } from 'ulid';
import { sm2 } from 'sm-crypto-v2';
import type { SigningQueries } from '../../db/queries';
import type { DocumentStoreApi, StoredDocument } from '../../db/store/types';
import { ApiFailure } from '../../shared/api/errors';
import type { SignedView, SigningStatusView, VerificationView } from '../../shared/api/signing';
import {
  documentRegistry,
  signingKeyDoc,
  type DocumentRegistry,
  type DocumentTypeDefinition,
  type SignatureDoc,
  type SignaturePurpose,
  type SigningClock,
  type SigningKeyDoc,
} from '../../shared/docs';
import { bodyDigest, COVERED_FORM, signatureStatement } from './canonical-body';
import { DEFAULT_KDF, openPrivateKey, readSealedKey, saveSealedKey, sealPrivateKey, type KdfParams } from './key-vault';
import { MAX_WRONG_PINS, PinLock } from './pin-lock';
import { practiceOf, type Signer } from './signer';
import { checkSignature, summarizeVerification } from './verify';

export interface SigningServiceOptions {
  readonly store: DocumentStoreApi;
  readonly queries: SigningQueries;
  readonly clinicCode: () => string;
  readonly now?: () => number;
  /** The clock's state when signing (ID-14); until the county's time is compared, `local`. */
  readonly clockState?: () => SigningClock;
  readonly registry?: DocumentRegistry;
  /** scrypt cost (tests lower it). */
  readonly kdf?: KdfParams;
}

/** A private key opened with the PIN, for the few milliseconds of one signing write. */
export interface OpenedKey {
  readonly keyId: string;
  readonly privateKey: string;
}

const LOCAL_CLOCK: SigningClock = { source: 'local', checked_at: null, offset_ms: null };
const nextUlid = monotonicFactory();

function refuse(result: { ok: boolean; reason?: string; error?: string }): never {
  throw new ApiFailure(result.error === 'conflict' ? 'CONFLICT' : 'VALIDATION_FAILED', result.reason);
}

export class SigningService {
  private readonly store: DocumentStoreApi;
  private readonly registry: DocumentRegistry;
  readonly now: () => number;
  private readonly lock: PinLock;

  constructor(readonly options: SigningServiceOptions) {
    this.store = options.store;
    this.registry = options.registry ?? documentRegistry;
    this.now = options.now ?? Date.now;
    this.lock = new PinLock(options.store, this.now);
  }

  status(signer: Pick<Signer, 'username' | 'roles'>): SigningStatusView {
    const sealed = readSealedKey(this.store, signer.username);
    const lock = this.lock.state(signer.username);
    return {
      hasKey: sealed !== null,
      keyId: sealed?.keyId ?? null,
      lockedUntil: lock.lockedUntil === null ? null : new Date(lock.lockedUntil).toISOString(),
      attemptsLeft: lock.lockedUntil === null ? MAX_WRONG_PINS - lock.failures : 0,
      practice: practiceOf(signer.roles),
    };
  }

  /** First PIN: makes the key pair on this PC and publishes its public half. */
  async setPin(signer: Signer, pin: string): Promise<SigningStatusView> {
    if (readSealedKey(this.store, signer.username)) throw new ApiFailure('CONFLICT', '您在本机已经设置过签名 PIN；要换 PIN，请用“修改签名 PIN”。');
    const keyPair = sm2.generateKeyPairHex();
    const keyId = `signing_key:${signer.username}:${nextUlid()}`;
    const sealed = await sealPrivateKey(keyId, keyPair, pin, this.options.kdf ?? DEFAULT_KDF);
    const at = new Date(this.now()).toISOString();
    const published: SigningKeyDoc = {
      _id: keyId,
      type: 'signing_key',
      ...this.stamp(signer.username, at),
      username: signer.username,
      display_name: signer.displayName,
      workstation: signer.workstation,
      algorithm: 'SM2',
      public_key: keyPair.publicKey,
      status: 'active',
    };
    this.store.transaction(() => {
      const [written] = this.store.bulkDocs([published]);
      if (!written.ok) refuse(written);
      saveSealedKey(this.store, signer.username, sealed);
    });
    this.lock.reset(signer.username);
    return this.status(signer);
  }

  /** A new PIN for the same key: the old PIN opens it (and counts towards the lock when wrong). */
  async changePin(signer: Signer, oldPin: string, newPin: string): Promise<SigningStatusView> {
    const opened = await this.openKey(signer.username, oldPin);
    const sealed = readSealedKey(this.store, signer.username)!;
    const resealed = await sealPrivateKey(
      opened.keyId,
      { privateKey: opened.privateKey, publicKey: sealed.publicKey },
      newPin,
      this.options.kdf ?? DEFAULT_KDF,
    );
    saveSealedKey(this.store, signer.username, resealed);
    return this.status(signer);
  }

  /**
   * Opens the signer's key with the PIN, counting wrong PINs (five lock signing for 15 minutes,
   * across restarts). Throws NO_SIGNING_KEY, SIGNING_LOCKED or WRONG_PIN.
   */
  async openKey(username: string, pin: string): Promise<OpenedKey> {
    const sealed = readSealedKey(this.store, username);
    if (!sealed) throw new ApiFailure('NO_SIGNING_KEY');
    this.assertNotLocked(username);
    const privateKey = await openPrivateKey(sealed, pin);
    if (privateKey === null) {
      const after = this.lock.recordFailure(username);
      if (after.lockedUntil !== null) this.assertNotLocked(username);
      throw new ApiFailure('WRONG_PIN', `签名 PIN 不对，还可以再试 ${MAX_WRONG_PINS - after.failures} 次；连续输错 ${MAX_WRONG_PINS} 次将暂停签名 15 分钟。`);
    }
    this.lock.reset(username);
    return { keyId: sealed.keyId, privateKey };
  }

  private assertNotLocked(username: string): void {
    const { lockedUntil } = this.lock.state(username);
    if (lockedUntil === null) return;
    const until = new Date(lockedUntil).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
    throw new ApiFailure('SIGNING_LOCKED', `签名 PIN 连续输错 ${MAX_WRONG_PINS} 次，本机暂停您的签名到 ${until}，请到时再试；忘记 PIN 请联系系统管理员。`);
  }

  /** Signs a document: its signed state and the signature are written in one transaction. */
  async sign(targetId: string, pin: string, signer: Signer): Promise<SignedView> {
    const before = this.signableTarget(targetId);
    if (this.options.queries.signaturesOf(targetId).some((row) => row.purpose === 'sign'))
      throw new ApiFailure('CONFLICT', '这份记录已经签过名了；要改内容，请做修改（须填原因）。');
    const key = await this.openKey(signer.username, pin);
    return this.store.transaction(() => this.signNow(key, targetId, before._rev, 'sign', signer));
  }

  /** A licensed doctor's counter-signature of what an intern or probationer signed (ID-03). */
  async countersign(targetId: string, pin: string, signer: Signer): Promise<SignedView> {
    if (practiceOf(signer.roles) !== 'licensed') throw new ApiFailure('FORBIDDEN', '只有本院执业医师可以审签实习或试用期医生的记录。');
    const verification = this.verify(targetId);
    const signed = verification.signatures.find((c) => c.purpose === 'sign');
    if (!signed) throw new ApiFailure('VALIDATION_FAILED', '这份记录还没有签名，不能审签。');
    if (!verification.needsCountersign) throw new ApiFailure('CONFLICT', '这份记录不需要审签，或已经审签过了。');
    if (verification.status !== 'verified')
      throw new ApiFailure('VALIDATION_FAILED', `这份记录的签名验证不通过，不能审签：${verification.failure?.message ?? ''}`);
    if (signed.signer.username === signer.username) throw new ApiFailure('FORBIDDEN', '不能审签自己签名的记录。');
    const before = this.store.get(targetId)!;
    const key = await this.openKey(signer.username, pin);
    return this.store.transaction(() => this.signNow(key, targetId, before._rev, 'countersign', signer, signed.signatureId));
  }

  /**
   * Writes one signature with an opened key, inside the caller's transaction: the target must still
   * be at `expectedRev`; a type immutable `when_field` gets that field set in the same write.
   */
  signNow(key: OpenedKey, targetId: string, expectedRev: string, purpose: SignaturePurpose, signer: Signer, countersigns?: string): SignedView {
    const current = this.store.get(targetId);
    if (!current || current._rev !== expectedRev) throw new ApiFailure('CONFLICT', '这份记录在签名时被别处修改了，请刷新后再签。');
    const definition = this.definitionOf(current);
    const at = new Date(this.now()).toISOString();
    const signedBody = purpose === 'sign' ? this.markedSigned(definition, current, signer.username, at) : current;
    let targetRev = current._rev;
    if (signedBody !== current) {
      const [written] = this.store.bulkDocs([signedBody]);
      if (!written.ok) refuse(written);
      targetRev = written.rev;
    }
    const patientField = definition.signing?.patientField;
    const patient = patientField ? current[patientField] : undefined;
    const unsigned: Omit<SignatureDoc, 'signature'> = {
      _id: `signature:${nextUlid()}`,
      type: 'signature',
      ...this.stamp(signer.username, at),
      purpose,
      target_id: targetId,
      target_type: definition.type,
      target_rev: targetRev,
      patient_id: typeof patient === 'string' ? patient : null,
      covers: COVERED_FORM,
      body_sm3: bodyDigest(signedBody),
      signer: { username: signer.username, display_name: signer.displayName, roles: [...signer.roles], practice: practiceOf(signer.roles) },
      key_id: key.keyId,
      signed_at: at,
      clock: this.options.clockState?.() ?? LOCAL_CLOCK,
      ...(countersigns ? { countersigns } : {}),
    };
    const signature = sm2.doSignature(signatureStatement(unsigned), key.privateKey, { hash: true });
    const [written] = this.store.bulkDocs([{ ...unsigned, signature }]);
    if (!written.ok) refuse(written);
    const needsCountersign = purpose === 'sign' && practiceOf(signer.roles) === 'trainee';
    return { signatureId: unsigned._id, targetId, targetRev, signedAt: at, needsCountersign };
  }

  verify(targetId: string): VerificationView {
    const checks = this.options.queries.signaturesOf(targetId).flatMap((row) => {
      const stored = this.store.get(row.id);
      return stored ? [checkSignature(this.store, stored)] : [];
    });
    return summarizeVerification(targetId, checks);
  }

  /** The document to sign, of a signable type, not deleted, not already in its signed state. */
  signableTarget(targetId: string): StoredDocument {
    const target = this.store.get(targetId);
    if (!target) throw new ApiFailure('NOT_FOUND', `没有找到要签名的记录 ${targetId}。`);
    const definition = this.definitionOf(target);
    if (definition.immutable.kind === 'when_field' && this.registry.isImmutable(definition.type, target))
      throw new ApiFailure('CONFLICT', '这份记录已经签过名了；要改内容，请做修改（须填原因）。');
    return target;
  }

  definitionOf(doc: StoredDocument): DocumentTypeDefinition & { signing: NonNullable<DocumentTypeDefinition['signing']> } {
    const definition = this.registry.get(typeof doc.type === 'string' ? doc.type : null);
    if (!definition?.signing || definition.immutable.kind === 'never')
      throw new ApiFailure('VALIDATION_FAILED', `${definition?.label ?? '这种记录'}不需要签名，也不能签名。`);
    return definition as DocumentTypeDefinition & { signing: NonNullable<DocumentTypeDefinition['signing']> };
  }

  /** The body as signed: a `when_field` type gets its signed value; an `always` type is signed as written. */
  private markedSigned(definition: DocumentTypeDefinition, current: StoredDocument, username: string, at: string): StoredDocument {
    const rule = definition.immutable;
    if (rule.kind !== 'when_field') return current;
    return { ...current, [rule.field]: rule.values[0], updated_at: at, updated_by: username };
  }

  stamp(username: string, at: string) {
    return { schema_version: 1 as const, clinic_code: this.options.clinicCode(), created_at: at, created_by: username, updated_at: at, updated_by: username };
  }

  /** Published key of a user (the newest active one), for screens that show who can sign. */
  publishedKey(keyId: string): SigningKeyDoc | null {
    const parsed = signingKeyDoc.safeParse(this.store.get(keyId));
    return parsed.success ? parsed.data : null;
  }
}
