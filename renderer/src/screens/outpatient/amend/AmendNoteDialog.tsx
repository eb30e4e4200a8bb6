import { useRef, useState } from 'react';
import type { SignedView } from '../../../../../shared/api';
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS } from '../../../../../shared/docs/outpatient-note';
import { useClient } from '../../../app/client-context';
import { useShortcuts } from '../../../keyboard/use-shortcuts';
import { Button, Dialog, ErrorBanner, TextField } from '../../../ui';
import { NoteTextArea } from '../NoteTextArea';
import { SigningPinDialog } from '../signing/SigningPinDialog';
import { correctionOf, type NoteText } from './amend-form';
import { AMEND_TEXT as T } from './text';

interface AmendNoteDialogProps {
  readonly noteId: string;
  readonly patientName: string;
  /** The text parts of the newest version: the form starts from them. */
  readonly latest: NoteText;
  readonly onAmended: (signed: SignedView) => void;
  readonly onCancel: () => void;
}

/** 更正: the parts to correct, a reason that must be given, then the signing PIN (WR-05, AR-05). */
export function AmendNoteDialog({ noteId, patientName, latest, onAmended, onCancel }: AmendNoteDialogProps) {
  const client = useClient();
  const [text, setText] = useState<NoteText>(latest);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [correction, setCorrection] = useState<Partial<NoteText> | null>(null);
  const reasonInput = useRef<HTMLInputElement>(null);
  useShortcuts({ 'amendNote.close': onCancel }, { modal: true, enabled: correction === null });

  const next = () => {
    const checked = correctionOf(latest, text, reason);
    if (!checked.ok) {
      setProblem(checked.problem);
      return reasonInput.current?.focus();
    }
    setProblem(null);
    setCorrection(checked.text);
  };

  if (correction)
    return (
      <SigningPinDialog
        title={T.pinTitle(patientName)}
        submit={(pin) => client.api.outpatient.amendNote({ noteId, reason, text: correction, pin })}
        onSigned={onAmended}
        onCancel={() => setCorrection(null)}
      />
    );
  return (
    <Dialog title={T.title(patientName)} onClose={onCancel} modal size="wide" initialFocus={reasonInput} testId="amend-note">
      <div className="grid max-h-[75vh] gap-2 overflow-auto">
        <p className="text-sm text-ink-soft">{T.intro}</p>
        <TextField label={T.reason} hint={T.reasonHint} path="reason" value={reason} maxLength={500} inputRef={reasonInput} onChange={setReason} />
        {NOTE_TEXT_FIELDS.map((field) => (
          <NoteTextArea
            key={field}
            label={NOTE_FIELD_LABELS[field]}
            path={`amend.${field}`}
            value={text[field]}
            onChange={(value) => setText({ ...text, [field]: value })}
            rows={field === 'present_illness' || field === 'physical_exam' ? 3 : 1}
          />
        ))}
        {problem && <ErrorBanner error={{ code: 'VALIDATION_FAILED', message: problem }} />}
        <div className="flex gap-2">
          <Button onClick={next} data-action="amend-next">
            {T.next}
          </Button>
          <Button tone="secondary" onClick={onCancel}>
            {T.cancel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
