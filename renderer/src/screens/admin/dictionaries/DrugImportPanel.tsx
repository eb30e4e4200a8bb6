import { useMemo } from 'react';
import type { OutputOf } from '../../../../../shared/api';
import { ANTIBIOTIC_GRADE_LABELS } from '../../../../../shared/codes';
import { useClient } from '../../../app/client-context';
import { Button, DataTable, Panel, type Column } from '../../../ui';
import { FilePicker, ImportOutcome } from './ImportParts';
import { DICTIONARY_TEXT as T } from './text';
import { useImport, type ChosenFile } from './use-import';

type DrugRow = OutputOf<'drugs.importPreview'>['firstRows'][number];

const ROW_COLUMNS: ReadonlyArray<Column<DrugRow>> = [
  { key: 'code', header: T.code, width: '8rem', cell: (d) => d.code, className: 'font-mono' },
  { key: 'name', header: T.name, cell: (d) => d.genericName, fullText: (d) => d.genericName },
  { key: 'spec', header: T.spec, width: '11rem', cell: (d) => `${d.strengthValue}${d.strengthUnit}×${d.packageSize}${d.unit}/${d.packageUnit}` },
  { key: 'grade', header: T.grade, width: '8rem', cell: (d) => (d.antibioticGrade ? ANTIBIOTIC_GRADE_LABELS[d.antibioticGrade] : '') },
];

/** 管理 → 本院药品目录: import a drug list with a preview; the doctors' search sees it at once. */
export function DrugImportPanel() {
  const client = useClient();
  const options = useMemo(
    () => ({
      preview: (file: ChosenFile) => client.api.drugs.importPreview(file),
      apply: (token: string) => client.api.drugs.importApply({ token }),
      noticeOf: (applied: OutputOf<'drugs.importApply'>) => T.drugsApplied(applied.saved),
    }),
    [client],
  );
  const drugs = useImport(options);
  const locked = drugs.state.step !== 'choose';
  return (
    <Panel title={T.drugTitle} testId="drug-import-panel">
      <p className="text-sm text-muted">{T.drugExplain}</p>
      <form
        className="grid gap-field md:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          void drugs.check();
        }}
      >
        <FilePicker file={drugs.file} onChoose={drugs.setFile} disabled={locked} />
        <div className="self-end">
          <Button type="submit" tone="primary" data-testid="drug-preview" disabled={locked || !drugs.file}>
            {T.preview}
          </Button>
        </div>
      </form>
      <ImportOutcome
        testId="drug-import-outcome"
        state={drugs.state}
        progress={drugs.progress}
        summary={(p) => T.drugCounts(p.counts)}
        firstRows={(p) => <DataTable label={T.firstRows} columns={ROW_COLUMNS} rows={p.firstRows} rowKey={(d) => d.code} dense />}
        onApply={() => void drugs.apply()}
        onCancel={drugs.cancel}
      />
    </Panel>
  );
}
