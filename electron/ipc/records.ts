import { rolesGrant } from '../../shared/permissions';
import { folderLabel } from '../services/scans/folder-label';
import { ocrQueueFor } from '../services/scans/ocr-queue';
import { arrangePages, importPages, listPageSets, pageImage, readPageSet } from '../services/scans/page-sets';
import { icdChapters } from '../services/records-search/icd-chapters';
import { searchRecords } from '../services/records-search/search';
import type { AppContext } from './context';
import type { Router } from './router';

export function registerRecords(router: Router, app: AppContext): void {
  const { data } = app;
  router
    .implement('records.search', (input, { actor }) => searchRecords(data, input, rolesGrant(actor.roles, 'archive.seal')))
    .implement('records.chapters', () => [...icdChapters()])
    .implement('records.importPages', async (input, { actor, clinic }) => {
      const imported = await importPages(data, input, actor.username, clinic.code);
      return { ...imported, ocr: await ocrQueueFor(data).status() };
    })
    .implement('records.pageSet', (input) => readPageSet(data, input.id))
    .implement('records.pageImage', (input) => pageImage(data, input.id, input.attachment))
    .implement('records.arrangePages', (input, { actor }) => arrangePages(data, input, actor.username))
    .implement('records.listPageSets', (input) => listPageSets(data, input.patientId))
    .implement('records.ocrStatus', () => ocrQueueFor(data).status())
    .implement('records.folderLabel', async (input) => {
      const label = await folderLabel(input.caseNumber);
      return { barcode: label.barcode, pngBase64: label.png.toString('base64'), pdfBase64: Buffer.from(label.pdf).toString('base64') };
    });
}
