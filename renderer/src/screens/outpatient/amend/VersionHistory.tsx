import type { AmendmentHistoryView, DiffPart } from '../../../../../shared/api';
import { NOTE_FIELD_LABELS, type NoteTextField } from '../../../../../shared/docs/outpatient-note';
import { clinicTime } from '../../../../../shared/time/clinic-time';
import { useClinicZone } from '../../../app/clinic-clock';
import { Panel } from '../../../ui';
import { SignatureBadgeView } from '../signing/SignatureBadge';
import { AMEND_TEXT as T, OTHER_FIELD_LABELS } from './text';

const labelOf = (field: string) => NOTE_FIELD_LABELS[field as NoteTextField] ?? OTHER_FIELD_LABELS[field] ?? field;

/** One changed part: the words taken out struck through, the words put in underlined. */
function DiffLine({ parts }: { readonly parts: ReadonlyArray<DiffPart> }) {
  return (
    <span className="whitespace-pre-wrap">
      {parts.map((part, i) =>
        part.kind === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={i} title={T.removed} className="bg-danger-soft text-danger-strong" data-diff="removed">
            {part.text}
          </del>
        ) : (
          <ins key={i} title={T.added} className="bg-success-soft text-success-ink" data-diff="added">
            {part.text}
          </ins>
        ),
      )}
    </span>
  );
}

/** 病历版本: the original and every 更正, each with who, when, why, its signature checked, and what it changed. */
export function VersionHistory({ history }: { readonly history: AmendmentHistoryView | null }) {
  const zone = useClinicZone();
  return (
    <Panel title={T.historyTitle} testId="note-versions">
      {!history ? (
        <p className="text-muted">{T.loading}</p>
      ) : (
        <ol className="grid gap-3">
          {history.versions.map((version) => {
            const change = history.changes.find((c) => c.toId === version.id);
            return (
              <li key={version.id} data-version={version.sequence} className="grid gap-1 border-l-4 border-primary-line pl-3">
                <p className="font-semibold">
                  {version.sequence === 0 ? T.original : T.version(version.sequence)}　{T.by(version.author.displayName, clinicTime(version.at, zone))}
                </p>
                {version.reason && <p data-testid="amend-reason">{T.why(version.reason)}</p>}
                {change && (
                  <div className="grid gap-1 text-sm" data-testid="version-changes">
                    <p className="text-muted">{T.changed}</p>
                    {change.fields.map((f) => (
                      <p key={f.field} data-changed-field={f.field}>
                        <span className="font-medium">{labelOf(f.field)}：</span>
                        <DiffLine parts={f.parts} />
                      </p>
                    ))}
                  </div>
                )}
                <SignatureBadgeView verification={version.verification} />
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
