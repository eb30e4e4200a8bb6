import { useId, type ReactNode } from 'react';
import { Button, DataTable, ErrorBanner, Notice, type Column } from '../../../ui';
import type { ImportState } from './import-state';
import { DICTIONARY_TEXT as T } from './text';

interface RejectedRow {
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

const REJECTED_COLUMNS: ReadonlyArray<Column<RejectedRow>> = [
  { key: 'line', header: T.line, width: '5rem', cell: (r) => r.line, sortValue: (r) => r.line },
  { key: 'text', header: T.content, width: '12rem', cell: (r) => r.text, className: 'font-mono', fullText: (r) => r.text },
  { key: 'reason', header: T.reason, cell: (r) => r.reason, fullText: (r) => r.reason },
];

/** The file input, with the chosen file's name (the native control's text is not ours to word). */
export function FilePicker({
  file,
  onChoose,
  disabled,
}: {
  readonly file: File | null;
  readonly onChoose: (file: File | null) => void;
  readonly disabled: boolean;
}) {
  const id = useId();
  return (
    <div data-field="file">
      <label htmlFor={id} className="mb-1 block font-medium text-ink">
        {T.file}
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx,.txt"
        disabled={disabled}
        onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
        className="block w-full text-base text-ink-soft file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5"
      />
      <p className="mt-1 text-sm text-muted">{file ? `${file.name}（${Math.ceil(file.size / 1024)} KB）` : T.noFile}</p>
    </div>
  );
}

/** Everything below the form: progress, refusals, the preview with its rejected rows, and the two buttons. */
export function ImportOutcome<
  P extends { readonly readAs: string; readonly rejected: ReadonlyArray<RejectedRow>; readonly counts: { readonly rejected: number } },
>({
  state,
  progress,
  summary,
  firstRows,
  onApply,
  onCancel,
  testId,
}: {
  readonly state: ImportState<P>;
  readonly progress: string | null;
  readonly summary: (preview: P) => string;
  readonly firstRows: (preview: P) => ReactNode;
  readonly onApply: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
}) {
  const preview = state.step === 'preview' || state.step === 'saving' ? state.preview : null;
  return (
    <div className="grid gap-3" data-testid={testId}>
      {progress && (
        <p role="status" aria-live="polite" data-testid="import-progress" className="text-ink-soft">
          <span className="mr-2 inline-block size-3 animate-pulse rounded-full bg-primary" aria-hidden />
          {progress}
        </p>
      )}
      {state.step === 'choose' && state.notice && <Notice>{state.notice}</Notice>}
      <ErrorBanner error={state.step === 'choose' || state.step === 'preview' ? state.error : null} />
      {preview && (
        <>
          <p data-testid="import-summary" className="font-medium">
            {summary(preview)}
          </p>
          <p className="text-sm text-muted">{T.readAs(preview.readAs)}</p>
          <h3 className="font-semibold">{T.firstRows}</h3>
          {firstRows(preview)}
          {preview.rejected.length > 0 && (
            <>
              <h3 className="font-semibold text-danger">{T.rejectedRows}</h3>
              <DataTable
                label={T.rejectedRows}
                testId="rejected-rows"
                columns={REJECTED_COLUMNS}
                rows={preview.rejected}
                rowKey={(r) => String(r.line)}
                dense
              />
              {preview.counts.rejected > preview.rejected.length && (
                <p className="text-sm text-muted">{T.rejectedMore(preview.rejected.length, preview.counts.rejected)}</p>
              )}
            </>
          )}
          <div className="flex gap-3">
            <Button tone="primary" data-testid="import-apply" disabled={state.step === 'saving'} onClick={onApply}>
              {T.apply}
            </Button>
            <Button disabled={state.step === 'saving'} onClick={onCancel}>
              {T.cancel}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
