import type { HistoryEntry } from '../../../../shared/api';
import { NOTE_FIELD_LABELS, NOTE_TEXT_FIELDS } from '../../../../shared/docs/outpatient-note';
import { vitalsLine } from '../../../../shared/clinical/vitals';
import { Panel } from '../../ui';
import { SignatureBadge } from './signing/SignatureBadge';
import { OUTPATIENT_TEXT } from './text';

const T = OUTPATIENT_TEXT.history;

/** 既往就诊: the patient's earlier visits, newest first, each with its note, diagnoses and prescriptions. */
export function HistoryPanel({ entries }: { readonly entries: ReadonlyArray<HistoryEntry> | null }) {
  return (
    <Panel title={T.title} testId="history">
      {entries?.length === 0 && <p className="text-muted">{T.empty}</p>}
      <ol className="grid gap-4">
        {(entries ?? []).map((entry) => (
          <li key={entry.encounterId} data-history-visit={entry.encounterId} className="border-l-4 border-primary-line pl-3">
            <p className="font-semibold">
              {entry.visitDate}　{entry.departmentName}　{entry.visitTypeLabel}　{entry.doctorName}
            </p>
            {entry.note ? (
              <div className="grid gap-1 text-sm">
                <p data-testid="history-diagnoses">诊断：{entry.note.content.diagnoses.map((d) => d.name).join('；') || '—'}</p>
                {NOTE_TEXT_FIELDS.filter((f) => entry.note?.content[f]).map((f) => (
                  <p key={f}>
                    {NOTE_FIELD_LABELS[f]}：{entry.note?.content[f]}
                  </p>
                ))}
                {vitalsLine(entry.note.content.vitals) && <p>{vitalsLine(entry.note.content.vitals)}</p>}
                {entry.note.status === 'signed' && <SignatureBadge targetId={entry.note.id} />}
              </div>
            ) : (
              <p className="text-sm text-muted">{T.noNote}</p>
            )}
            {entry.prescriptions.map((p) => (
              <p key={p.id} className="text-sm">
                Rp：{p.items.map((i) => `${i.drug_name} ×${i.quantity}${i.quantity_unit}`).join('；')}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
