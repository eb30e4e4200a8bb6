import { ulid } from 'ulid';
import { ApiFailure, type PageSetView } from '../../../shared/api';
import { pageSetDoc, pageTextIdFor, type PageRotation, type PageSetDoc, type ScannedPage } from '../../../shared/docs';
import { documentStamp, type ClinicData } from '../clinic-data';
import { throwIfImmutable } from '../write-refusals';
import { ocrQueueFor, type OcrJob } from './ocr-queue';
import { PageFileRefused, pagesOfFile, type PageImage } from './page-files';

/**
 * The scan desk's page sets: importing a file's pages (all of a file's pages or none: a corrupt
 * file is refused before anything is written), arranging them while scanning, reading them back.
 * Every imported page is queued for OCR.
 */

type StoredPageSet = PageSetDoc & { readonly _rev: string };

const hexOf = (attachment: string) => attachment.slice('page-'.length, 'page-'.length + 32);
const attachmentName = (page: PageImage) => `page-${page.digestHex}.${page.contentType === 'image/png' ? 'png' : 'jpg'}`;

function load(data: ClinicData, id: string): StoredPageSet {
  const stored = data.store.get(id);
  const parsed = stored && stored.type === 'page_set' ? pageSetDoc.safeParse(stored) : null;
  if (!parsed?.success) throw new ApiFailure('NOT_FOUND', '找不到这份扫描件，可能已被删除或编号有误');
  return { ...parsed.data, _rev: String(stored!._rev) };
}

export function pageSetView(data: ClinicData, doc: StoredPageSet): PageSetView {
  return {
    id: doc._id,
    rev: doc._rev,
    patientId: doc.patient_id,
    encounterId: doc.encounter_id,
    caseNumber: doc.case_number,
    title: doc.title,
    status: doc.status,
    pages: doc.pages.map((page) => {
      const text = data.store.get(pageTextIdFor(doc._id, hexOf(page.attachment)));
      return {
        attachment: page.attachment,
        contentType: page.content_type,
        width: page.width,
        height: page.height,
        rotation: page.rotation,
        source: page.source,
        ocrText: text && typeof text.text === 'string' ? text.text : null,
      };
    }),
  };
}

/** Writes a page set's new revision; the attachments it keeps are named as stubs. */
function save(data: ClinicData, doc: Omit<PageSetDoc, '_id'> & { _id: string; _rev?: string }, added: ReadonlyArray<PageImage>): StoredPageSet {
  const attachments: Record<string, unknown> = {};
  const previous = doc._rev ? data.store.get(doc._id) : null;
  const stubs = (previous?._attachments ?? {}) as Record<string, unknown>;
  for (const page of doc.pages) if (stubs[page.attachment]) attachments[page.attachment] = stubs[page.attachment];
  for (const page of added) attachments[attachmentName(page)] = { content_type: page.contentType, data: page.bytes };
  const [result] = data.store.bulkDocs([{ ...doc, _attachments: attachments } as never]);
  if (!result.ok) {
    throwIfImmutable(result);
    if (result.error === 'conflict') throw new ApiFailure('CONFLICT', '这份扫描件刚被别人改过，请重新打开后再操作');
    throw new ApiFailure('VALIDATION_FAILED', result.reason);
  }
  return load(data, doc._id);
}

export interface ImportInput {
  readonly pageSetId?: string;
  readonly rev?: string;
  readonly patientId: string;
  readonly encounterId?: string;
  readonly caseNumber?: string;
  readonly title: string;
  readonly file: { readonly name: string; readonly dataBase64: string };
}

export async function importPages(data: ClinicData, input: ImportInput, actor: string, clinicCode: string): Promise<{ pageSet: PageSetView; added: number }> {
  if (!data.patients.byId(input.patientId)) throw new ApiFailure('NOT_FOUND', '找不到这位患者，请重新选择');
  let images: PageImage[];
  try {
    images = await pagesOfFile(input.file.name, Buffer.from(input.file.dataBase64, 'base64'));
  } catch (error) {
    if (error instanceof PageFileRefused) throw new ApiFailure('VALIDATION_FAILED', error.message);
    throw error;
  }
  const existing = input.pageSetId ? load(data, input.pageSetId) : null;
  if (existing && existing.status === 'complete') throw new ApiFailure('FORBIDDEN', '这份扫描件已确认完成，不能再加页；请另建一份扫描件');
  const known = new Set(existing?.pages.map((p) => p.attachment));
  const fresh = images.filter((image) => !known.has(attachmentName(image)));
  const newPages: ScannedPage[] = fresh.map((image) => ({
    attachment: attachmentName(image),
    content_type: image.contentType,
    width: image.width,
    height: image.height,
    rotation: 0,
    source: image.source.slice(0, 200),
  }));
  const stamp = documentStamp(clinicCode, actor);
  const doc = existing
    ? { ...existing, _rev: input.rev ?? existing._rev, pages: [...existing.pages, ...newPages], updated_at: stamp.updated_at, updated_by: actor }
    : {
        _id: `page_set:${ulid()}`,
        type: 'page_set' as const,
        ...stamp,
        patient_id: input.patientId,
        encounter_id: input.encounterId ?? null,
        case_number: input.caseNumber ?? null,
        title: input.title,
        pages: newPages,
        status: 'scanning' as const,
      };
  const saved = save(data, doc, fresh);
  const offset = saved.pages.length - newPages.length;
  const jobs: OcrJob[] = newPages.map((page, i) => ({
    pageSetId: saved._id,
    patientId: saved.patient_id,
    page: offset + i + 1,
    digestHex: hexOf(page.attachment),
    clinicCode,
    actor,
  }));
  ocrQueueFor(data).enqueue(jobs);
  return { pageSet: pageSetView(data, saved), added: newPages.length };
}

export interface ArrangeInput {
  readonly id: string;
  readonly rev: string;
  readonly pages: ReadonlyArray<{ readonly attachment: string; readonly rotation: PageRotation }>;
  readonly complete: boolean;
}

/** New order, rotations and removals (pages left out), and perhaps completion, in one revision. */
export function arrangePages(data: ClinicData, input: ArrangeInput, actor: string): PageSetView {
  const doc = load(data, input.id);
  const byName = new Map(doc.pages.map((page) => [page.attachment, page]));
  const pages = input.pages.map((wanted) => {
    const page = byName.get(wanted.attachment);
    if (!page) throw new ApiFailure('VALIDATION_FAILED', '要调整的页面不在这份扫描件里，请重新打开后再操作');
    return { ...page, rotation: wanted.rotation };
  });
  if (new Set(pages.map((p) => p.attachment)).size !== pages.length) throw new ApiFailure('VALIDATION_FAILED', '同一页出现了两次');
  const saved = save(
    data,
    { ...doc, _rev: input.rev, pages, status: input.complete ? 'complete' : doc.status, updated_at: new Date().toISOString(), updated_by: actor },
    [],
  );
  return pageSetView(data, saved);
}

export function readPageSet(data: ClinicData, id: string): PageSetView {
  return pageSetView(data, load(data, id));
}

export function pageImage(data: ClinicData, id: string, attachment: string): { contentType: 'image/png' | 'image/jpeg'; dataBase64: string } {
  const doc = load(data, id);
  const page = doc.pages.find((p) => p.attachment === attachment);
  const stub = (data.store.get(id)?._attachments ?? {})[attachment];
  const bytes = page && stub ? data.store.getAttachment(stub.digest) : null;
  if (!page || !bytes) throw new ApiFailure('NOT_FOUND', '这一页的图片不在本机（可能还没从县级平台同步过来）');
  return { contentType: page.content_type, dataBase64: Buffer.from(bytes).toString('base64') };
}

export function listPageSets(data: ClinicData, patientId: string): Array<Omit<PageSetView, 'pages'> & { pageCount: number }> {
  return data.recordsSearch.pageSetIdsOf(patientId).map((id) => {
    const { pages, ...rest } = pageSetView(data, load(data, id));
    return { ...rest, pageCount: pages.length };
  });
}
