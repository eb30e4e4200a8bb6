import { useEffect, useReducer, useState } from 'react';
import type { RecordSearchResult } from '../../../../../shared/api';
import { useClient } from '../../../app/client-context';
import { Button, DataTable, ErrorBanner, KeyboardForm, Panel, SelectField, TextField, type Column } from '../../../ui';
import { PageViewer } from '../scans/PageViewer';
import type { RecordRoomTabProps } from '../tab-types';
import { Snippet } from './Snippet';
import { INITIAL_SEARCH, searchInput, searchReducer, type SearchForm } from './search-state';
import { SEARCH_TEXT as T } from './text';

const C = T.columns;
const COLUMNS: ReadonlyArray<Column<RecordSearchResult>> = [
  { key: 'case', header: C.caseNumber, width: '12rem', cell: (r) => r.caseNumber ?? T.notArchived },
  { key: 'patient', header: C.patient, width: '5rem', cell: (r) => r.patient.name },
  { key: 'date', header: C.date, width: '7rem', cell: (r) => r.visitDate ?? '' },
  { key: 'department', header: C.department, width: '5rem', cell: (r) => r.department ?? '' },
  { key: 'doctor', header: C.doctor, width: '5rem', cell: (r) => r.doctor ?? '' },
  { key: 'title', header: C.title, width: '9rem', cell: (r) => (r.machineRead ? `${r.title}（${T.machineRead}）` : r.title) },
  { key: 'snippet', header: C.matched, cell: (r) => (r.snippet ? <Snippet parts={r.snippet} /> : '') },
  { key: 'grade', header: C.grade, width: '3rem', cell: (r) => r.qcGrade ?? '' },
];

const GRADES = ['甲', '乙', '丙'].map((g) => ({ value: g, label: g }));

/** 病案查询: a keyboard-first form over the record room's search, results with the matches marked. */
export function RecordSearchTab(_props: RecordRoomTabProps) {
  const client = useClient();
  const [state, dispatch] = useReducer(searchReducer, INITIAL_SEARCH);
  const [chapters, setChapters] = useState<ReadonlyArray<{ value: string; label: string }>>([]);
  const field = (name: keyof SearchForm) => ({
    path: name,
    value: state.form[name],
    onChange: (value: string) => dispatch({ type: 'edit', field: name, value }),
  });

  useEffect(() => {
    void client.api.records.chapters({}).then((result) => {
      if (result.ok) setChapters(result.value.map((c) => ({ value: c.range, label: `${c.range} ${c.name}` })));
    });
  }, [client]);

  const search = async () => {
    dispatch({ type: 'searching' });
    const result = await client.api.records.search(searchInput(state.form));
    if (result.ok) dispatch({ type: 'answered', results: result.value.results, more: result.value.more });
    else dispatch({ type: 'failed', error: result.error });
  };

  return (
    <div className="grid gap-section">
      <Panel title={T.title} testId="record-search">
        <ErrorBanner error={state.error} />
        <KeyboardForm onSubmit={() => void search()} className="grid grid-cols-4 gap-field">
          <TextField label={T.text} hint={T.textHint} className="col-span-2" autoFocus {...field('text')} />
          <TextField label={T.patient} hint={T.patientHint} optional {...field('patient')} />
          <TextField label={T.caseNumber} optional {...field('caseNumber')} />
          <TextField label={T.dateFrom} type="date" optional {...field('dateFrom')} />
          <TextField label={T.dateTo} type="date" optional {...field('dateTo')} />
          <TextField label={T.department} optional {...field('departmentCode')} />
          <TextField label={T.doctor} optional {...field('doctorUsername')} />
          <TextField label={T.diagnosis} hint={T.diagnosisHint} optional {...field('diagnosis')} />
          <SelectField
            label={T.chapter}
            placeholder={T.anyChapter}
            options={chapters}
            optional
            path="chapter"
            value={state.form.diagnosis.includes('-') ? state.form.diagnosis : ''}
            onChange={(value) => dispatch({ type: 'edit', field: 'diagnosis', value })}
          />
          <SelectField label={T.qcGrade} placeholder={T.anyGrade} options={GRADES} optional {...field('qcGrade')} />
          <div className="flex items-end">
            <Button type="submit" disabled={state.searching}>
              {T.search}
            </Button>
          </div>
        </KeyboardForm>
      </Panel>
      {state.results && (
        <Panel title={T.results} testId="record-search-results">
          {state.more && <p role="status">{T.more}</p>}
          <DataTable
            label={T.results}
            columns={COLUMNS}
            rows={state.results}
            rowKey={(r) => r.recordId}
            rowData={(r) => ({ 'data-record': r.recordId, 'data-case': r.caseNumber ?? '' })}
            onActivate={(r) => dispatch({ type: 'open', recordId: r.recordId })}
            detail={(r) => (state.opened === r.recordId ? <RecordDetail row={r} /> : null)}
            emptyText={T.empty}
            dense
          />
        </Panel>
      )}
    </div>
  );
}

/** Under an opened row: the scanned pages of a page set, or where to open the archived case. */
function RecordDetail({ row }: { readonly row: RecordSearchResult }) {
  if (row.kind === 'page_set') return <PageViewer pageSetId={row.recordId} />;
  return <p className="text-ink-soft">{row.caseNumber ? T.caseHint(row.caseNumber) : T.notArchived}</p>;
}
