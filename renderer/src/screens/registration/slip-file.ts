import type { OutputOf } from '../../../../shared/api';

type Slip = OutputOf<'visits.slip'>;

/** Base64 → bytes, without Node's Buffer (the renderer runs in a sandboxed page). */
export function slipBytes(slip: Pick<Slip, 'pdfBase64'>): Uint8Array<ArrayBuffer> {
  const text = atob(slip.pdfBase64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Hands the PDF to the browser as a download: Electron asks where to save it (or opens it), browser
 * mode saves it. The page's security policy allows no frames, so it is not shown inside the app.
 */
export function saveSlip(doc: Document, slip: Slip): void {
  const url = URL.createObjectURL(new Blob([slipBytes(slip)], { type: slip.contentType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = slip.fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
