import type { ReactNode } from 'react';
import type { PatientDetail } from '../../../../shared/api';
import type { PatientSummary } from './patient-summary';
import { REG_TEXT } from './text';

const T = REG_TEXT.patient;

/** The patient being registered: enough to recognise them, and their allergies. */
/** `actions`: buttons for the record itself (修改资料, 合并重复档案), shown at the top right. */
export function SelectedPatient({
  summary,
  detail,
  actions,
}: {
  readonly summary: PatientSummary;
  readonly detail: PatientDetail | null;
  readonly actions?: ReactNode;
}) {
  const allergies = detail?.form.allergies ?? [];
  return (
    <section
      data-testid="selected-patient"
      data-patient-id={summary.id}
      className="grid gap-1 rounded-lg border-2 border-primary-bright bg-primary-soft px-4 py-3"
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="flex-1 text-sm text-primary-strong">{T.selected}</p>
        {actions}
      </div>
      <p className="flex flex-wrap items-baseline gap-x-4">
        <span className="text-2xl font-semibold" data-testid="selected-name">
          {summary.name}
        </span>
        <span className="text-lg">
          {summary.sexLabel} {summary.ageText}
        </span>
        {summary.idNumberMasked && <span className="font-mono text-ink-soft">{summary.idNumberMasked}</span>}
        {summary.phoneMasked && <span className="font-mono text-ink-soft">{summary.phoneMasked}</span>}
      </p>
      <p className="text-ink-soft">{summary.lastVisit ? REG_TEXT.lastVisit(summary.lastVisit.date, summary.lastVisit.departmentName) : REG_TEXT.firstTime}</p>
      {detail === null ? (
        <p className="text-sm text-muted">{T.loading}</p>
      ) : allergies.length > 0 ? (
        <p className="font-medium text-danger" data-testid="selected-allergies">
          {T.allergies}：{allergies.map((a) => (a.reaction ? `${a.substance}（${a.reaction}）` : a.substance)).join('、')}
        </p>
      ) : (
        <p className="text-sm text-muted">{T.noAllergies}</p>
      )}
    </section>
  );
}
