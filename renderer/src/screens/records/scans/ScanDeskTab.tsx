import { useEffect, useState } from 'react';
import type { ApiError, OcrStatus, PageSetView } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { Button, ErrorBanner, KeyboardForm, Panel, TextField } from '../../../ui';
import type { RecordRoomTabProps } from '../tab-types';
import { PageArranger } from './PageArranger';
import { PageViewer } from './PageViewer';
import { SCANS_TEXT as T } from './text';

const OCR_POLL_MS = 1500;

function base64Of(file: File): Promise<string> {
  return file.arrayBuffer().then((buffer) => {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

function download(name: string, contentType: string, base64: string): void {
  const link = document.createElement('a');
  link.href = `data:${contentType};base64,${base64}`;
  link.download = name;
  link.click();
}

/** 档案数字化: scanned paper records imported file by file, read by OCR in the background, arranged, labelled. */
export function ScanDeskTab(_props: RecordRoomTabProps) {
  const client = useClient();
  const [form, setForm] = useState({ patientId: '', title: '', caseNumber: '' });
  const [files, setFiles] = useState<ReadonlyArray<File>>([]);
  const [set, setSet] = useState<PageSetView | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [ocr, setOcr] = useState<OcrStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const result = await client.api.records.ocrStatus({});
      if (stopped || !result.ok) return;
      setOcr(result.value);
      if (result.value.available && (result.value.pending > 0 || result.value.running)) setTimeout(() => void poll(), OCR_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [client, set?.rev]);

  const importFiles = async () => {
    setError(null);
    let current = set;
    for (const [i, file] of files.entries()) {
      setProgress(T.importing(i + 1, files.length));
      const result = await client.api.records.importPages({
        patientId: form.patientId.trim(),
        title: form.title,
        ...(form.caseNumber.trim() ? { caseNumber: form.caseNumber.trim() } : {}),
        ...(current ? { pageSetId: current.id, rev: current.rev } : {}),
        file: { name: file.name, dataBase64: await base64Of(file) },
      });
      if (!result.ok) {
        setProgress(null);
        return setError(result.error);
      }
      current = result.value.pageSet;
      setSet(current);
      setOcr(result.value.ocr);
    }
    setProgress(current ? T.imported(current.pages.length) : null);
  };

  const label = async (kind: 'png' | 'pdf') => {
    const result = await client.api.records.folderLabel({ caseNumber: form.caseNumber.trim() });
    if (!result.ok) return setError(result.error);
    if (kind === 'png') download(`${result.value.barcode}.png`, 'image/png', result.value.pngBase64);
    else download(`${result.value.barcode}.pdf`, 'application/pdf', result.value.pdfBase64);
  };

  return (
    <div className="grid gap-section">
      <Panel title={T.desk} testId="scan-desk">
        <ErrorBanner error={error} />
        <KeyboardForm onSubmit={() => void importFiles()} className="grid grid-cols-3 gap-field">
          <TextField
            label={T.patient}
            hint={T.patientHint}
            path="patientId"
            value={form.patientId}
            onChange={(patientId) => setForm((f) => ({ ...f, patientId }))}
          />
          <TextField label={T.title} path="title" value={form.title} onChange={(title) => setForm((f) => ({ ...f, title }))} />
          <TextField
            label={T.caseNumber}
            path="caseNumber"
            optional
            value={form.caseNumber}
            onChange={(caseNumber) => setForm((f) => ({ ...f, caseNumber }))}
          />
          <label className="col-span-2 grid gap-1 text-sm">
            {T.files}
            <input
              type="file"
              data-field="file"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          </label>
          <div className="flex items-end gap-2">
            <Button type="submit" disabled={files.length === 0}>
              导入
            </Button>
            <Button tone="secondary" disabled={!form.caseNumber.trim()} onClick={() => void label('png')}>
              {T.labelPng}
            </Button>
            <Button tone="secondary" disabled={!form.caseNumber.trim()} onClick={() => void label('pdf')}>
              {T.labelPdf}
            </Button>
          </div>
        </KeyboardForm>
        {progress && <p role="status">{progress}</p>}
        {ocr && (
          <p data-testid="ocr-status" data-pending={ocr.pending} data-done={ocr.done}>
            {!ocr.available ? T.ocrMissing(ocr.engine) : ocr.running ? T.ocrRunning(ocr.running.page) : T.ocr(ocr.done, ocr.pending)}
            {ocr.lastError ? ` ${ocr.lastError}` : ''}
          </p>
        )}
      </Panel>
      {set && (
        <Panel title={set.title} testId="scan-set">
          <PageArranger set={set} onSaved={setSet} onError={setError} />
          <PageViewer key={set.rev} pageSetId={set.id} />
        </Panel>
      )}
    </div>
  );
}
