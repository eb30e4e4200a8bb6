/** What a certified copy shows: made by electron/services/copies from the archived revisions. */

export interface CopySection {
  /** e.g. 门诊病历（2026-03-01 内科 李明）. */
  readonly title: string;
  /** Paragraphs; each is broken to the page width (避头尾). */
  readonly paragraphs: ReadonlyArray<string>;
}

export interface CertifiedCopyContent {
  readonly clinicName: string;
  /** `disclosure:<ULID>`: the copy id, printed under the QR code and carried by it. */
  readonly copyId: string;
  readonly caseNumbers: ReadonlyArray<string>;
  readonly patient: { readonly name: string; readonly sex: string; readonly age: string };
  /** Who asked, as the watermark names them (申请人, and the organisation for authorities and insurers). */
  readonly requester: string;
  readonly purpose: string;
  readonly printedAt: string;
  readonly printedBy: string;
  /** The clinic's time zone (clinic settings); Asia/Shanghai when left out. */
  readonly timeZone?: string;
  readonly sections: ReadonlyArray<CopySection>;
}

export interface CertifiedCopy {
  readonly pdf: Uint8Array;
  readonly pages: number;
  /** What each page draws, string by string, in drawing order: the digest's input. */
  readonly drawnText: ReadonlyArray<ReadonlyArray<string>>;
  readonly textSm3: string;
  readonly pageSm3: ReadonlyArray<string>;
  readonly payload: string;
  readonly signature: string;
}
