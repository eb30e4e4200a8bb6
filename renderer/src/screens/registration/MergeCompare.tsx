import type { PatientDetail } from '../../../../shared/api';
import { compareRecords, type CompareContext } from './merge-compare';
import { MERGE_TEXT as T } from './merge-text';

export type Side = 'left' | 'right';

interface MergeCompareProps {
  readonly left: PatientDetail;
  readonly right: PatientDetail;
  readonly survivor: Side;
  readonly onChooseSurvivor: (side: Side) => void;
  readonly context: CompareContext;
}

/** The two records side by side; rows where they disagree are shaded, and a radio in each column chooses the one to keep. */
export function MergeCompare({ left, right, survivor, onChooseSurvivor, context }: MergeCompareProps) {
  const rows = compareRecords(left, right, context);
  const head = (side: Side, detail: PatientDetail, title: string) => (
    <th
      scope="col"
      data-side={side}
      data-patient-id={detail.id}
      className={`px-3 py-2 text-left align-top font-normal ${survivor === side ? 'bg-primary-soft' : 'bg-surface-muted'}`}
    >
      <span className="block text-sm text-muted">{title}</span>
      <label className="mt-1 flex items-center gap-2 font-medium">
        <input
          type="radio"
          name="merge-survivor"
          value={side}
          checked={survivor === side}
          onChange={() => onChooseSurvivor(side)}
          className="size-4 accent-primary"
        />
        {T.keepThis}
        <span
          data-testid={`merge-role-${side}`}
          className={`rounded px-1.5 text-sm ${survivor === side ? 'bg-primary text-on-primary' : 'bg-warning-tint text-warning-deep'}`}
        >
          {survivor === side ? T.willKeep : T.willAbsorb}
        </span>
      </label>
    </th>
  );

  return (
    <table data-testid="merge-compare" className="w-full table-fixed border-collapse text-base">
      <caption className="mb-2 text-left font-medium text-ink">{T.compareTitle}</caption>
      <colgroup>
        <col className="w-32" />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr className="border-b border-border">
          <th scope="col" />
          {head('left', left, T.thisRecord)}
          {head('right', right, T.otherRecord)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.key}
            data-row={row.key}
            data-differs={row.differs ? 'true' : undefined}
            className={`border-b border-border-soft ${row.differs ? 'bg-warning-muted' : ''}`}
          >
            <th scope="row" className="px-3 py-1.5 text-left font-normal text-ink-soft">
              {row.label}
            </th>
            <td data-side="left" className={`break-words px-3 py-1.5 ${row.key === 'recordId' ? 'font-mono text-xs' : ''}`}>
              {row.left}
            </td>
            <td data-side="right" className={`break-words px-3 py-1.5 ${row.key === 'recordId' ? 'font-mono text-xs' : ''}`}>
              {row.right}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
