import { useId } from 'react';
import { OUTPATIENT_TEXT } from './text';

interface NoteTextAreaProps {
  readonly label: string;
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly readOnly?: boolean;
  /** Copied from an earlier note and not yet proofread (WR-18). */
  readonly copied?: boolean;
  readonly onProofread?: () => void;
  readonly onFocus?: () => void;
  readonly rows?: number;
}

/** One part of the note: a text area, marked while its copied text waits to be proofread. */
export function NoteTextArea({ label, path, value, onChange, readOnly = false, copied = false, onProofread, onFocus, rows = 2 }: NoteTextAreaProps) {
  const id = useId();
  return (
    <div data-field={path} data-copied={copied ? 'true' : undefined}>
      <div className="mb-1 flex items-baseline gap-3">
        <label htmlFor={id} className="font-medium text-ink">
          {label}
        </label>
        {copied && (
          <>
            <span className="rounded bg-warning-muted px-2 text-sm text-warning-ink">{OUTPATIENT_TEXT.note.copied}</span>
            <button type="button" className="text-sm text-primary underline" onClick={onProofread} data-action="proofread">
              {OUTPATIENT_TEXT.note.proofread}
            </button>
          </>
        )}
      </div>
      <textarea
        id={id}
        value={value}
        rows={rows}
        readOnly={readOnly}
        onFocus={onFocus}
        onChange={(event) => onChange(event.target.value)}
        className={`w-full rounded-md border px-3 py-2 text-base outline-none focus:ring-2 focus:ring-primary-tint ${
          copied ? 'border-warning-edge bg-warning-soft' : 'border-border bg-surface'
        }`}
      />
    </div>
  );
}
