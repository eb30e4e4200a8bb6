import { z } from 'zod';
import { documentBase, isoTimestamp } from './base';
import { EXAMPLE_ENCOUNTER, EXAMPLE_PATIENT, EXAMPLE_STAMP } from './examples';
import { ENCOUNTER_ID, PAGE_SET_ID, PAGE_TEXT_ID, PATIENT_ID } from './ids';

/**
 * 档案数字化 (REGULATIONS.md AR-06): a paper record scanned into ordered pages. The page images are
 * attachments of the document (`page-<md5 hex>.png` / `.jpg`), so they replicate with it and are kept
 * like every revision body. While `scanning`, pages may be added, reordered, rotated and deleted;
 * once `complete` the set is fixed and ready to archive (a later change is a new page set).
 */

export const PAGE_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export const pageContentType = z.enum(PAGE_CONTENT_TYPES);
export type PageContentType = z.infer<typeof pageContentType>;
export const pageRotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type PageRotation = z.infer<typeof pageRotation>;

/** The attachment name of a page: its content's md5 in hex, so the same image is one attachment. */
export const PAGE_ATTACHMENT = /^page-[0-9a-f]{32}\.(png|jpg)$/;

export const scannedPage = z.object({
  attachment: z.string().regex(PAGE_ATTACHMENT, '页面附件名格式不对'),
  content_type: pageContentType,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** How the page is turned for reading, clockwise. */
  rotation: pageRotation,
  /** The file it came from (and its page number in a PDF), for the archivist's checking. */
  source: z.string().min(1).max(200),
});
export type ScannedPage = z.infer<typeof scannedPage>;

export const pageSetStatus = z.enum(['scanning', 'complete']);

export const pageSetDoc = z.object({
  _id: z.string().regex(PAGE_SET_ID),
  type: z.literal('page_set'),
  ...documentBase,
  patient_id: z.string().regex(PATIENT_ID),
  /** The visit the paper belongs to, when there is one (its case then holds the pages). */
  encounter_id: z.string().regex(ENCOUNTER_ID).nullable(),
  /** 病案号 of the case the pages were scanned into, or null for a paper record not yet archived. */
  case_number: z.string().min(1).max(40).nullable(),
  title: z.string().trim().min(1, '请填写这份纸质病历的名称').max(60, '名称不超过 60 个字'),
  pages: z.array(scannedPage).min(1, '至少要有一页').max(500, '一份不超过 500 页'),
  status: pageSetStatus,
});
export type PageSetDoc = z.infer<typeof pageSetDoc>;

/** `page_text:<page set ULID>:<md5 hex of the page>`: the machine-read text of one page. */
export const pageTextIdFor = (pageSetId: string, pageDigestHex: string): string => `page_text:${pageSetId.slice('page_set:'.length)}:${pageDigestHex}`;

/**
 * The text OCR read from one scanned page (机器识别): kept apart from the page set so the set can be
 * fixed while reading goes on, and marked as machine-read wherever it is shown or found.
 */
export const pageTextDoc = z.object({
  _id: z.string().regex(PAGE_TEXT_ID),
  type: z.literal('page_text'),
  ...documentBase,
  page_set_id: z.string().regex(PAGE_SET_ID),
  patient_id: z.string().regex(PATIENT_ID),
  page_digest: z.string().regex(/^[0-9a-f]{32}$/),
  machine_read: z.literal(true),
  engine: z.string().min(1).max(80),
  text: z.string().max(20000),
  read_at: isoTimestamp,
  seconds: z.number().nonnegative(),
});
export type PageTextDoc = z.infer<typeof pageTextDoc>;

export const EXAMPLE_PAGE_SET = {
  _id: 'page_set:01JQ0000000000000000000031',
  type: 'page_set',
  ...EXAMPLE_STAMP,
  patient_id: EXAMPLE_PATIENT._id,
  encounter_id: EXAMPLE_ENCOUNTER._id,
  case_number: null,
  title: '2019年门诊病历（纸质）',
  pages: [{ attachment: `page-${'0123456789abcdef'.repeat(2)}.png`, content_type: 'image/png', width: 1240, height: 1754, rotation: 0, source: '扫描1.png' }],
  status: 'scanning',
};

export const EXAMPLE_PAGE_TEXT = {
  _id: `page_text:01JQ0000000000000000000031:${'0123456789abcdef'.repeat(2)}`,
  type: 'page_text',
  ...EXAMPLE_STAMP,
  page_set_id: EXAMPLE_PAGE_SET._id,
  patient_id: EXAMPLE_PATIENT._id,
  page_digest: '0123456789abcdef'.repeat(2),
  machine_read: true,
  engine: 'tesseract 5.3 chi_sim',
  text: '主诉：咳嗽三天',
  read_at: '2025-03-01T08:10:00.000Z',
  seconds: 2.5,
};
