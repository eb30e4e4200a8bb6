import { useState } from 'react';
import type { ApiError, LogRow } from '../../../../shared/api';
import { useClient } from '../../app/client-context';
import { Button, DataTable, ErrorBanner, Panel, TextField, type Column } from '../../ui';
import { OUTPATIENT_TEXT } from './text';

const T = OUTPATIENT_TEXT.log;

const COLUMNS: ReadonlyArray<Column<LogRow>> = [
  { key: 'date', header: '日期', width: '7rem', cell: (r) => r.visitDate },
  { key: 'name', header: '姓名', width: '5rem', cell: (r) => r.name },
  { key: 'sex', header: '性别', width: '3rem', cell: (r) => r.sexLabel },
  { key: 'age', header: '年龄', width: '4rem', cell: (r) => r.ageText },
  { key: 'address', header: '住址', cell: (r) => r.address, fullText: (r) => r.address },
  { key: 'occupation', header: '职业', width: '5rem', cell: (r) => r.occupation },
  { key: 'onset', header: '发病日期', width: '7rem', cell: (r) => r.onsetDate },
  { key: 'diagnosis', header: '诊断', cell: (r) => r.diagnosis, fullText: (r) => r.diagnosis },
  { key: 'type', header: '初/复诊', width: '4rem', cell: (r) => r.visitTypeLabel },
  { key: 'doctor', header: '医生', width: '5rem', cell: (r) => r.doctorName },
];

/** 门诊日志: a day's or a range's visits made from the records, on screen and as XLSX or CSV. */
export function LogPanel({ today }: { readonly today: string }) {
  const client = useClient();
  const [range, setRange] = useState({ from: today, to: today });
  const [rows, setRows] = useState<ReadonlyArray<LogRow> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const show = async () => {
    const result = await client.api.outpatient.log(range);
    if (!result.ok) return setError(result.error);
    setError(null);
    setRows(result.value.rows);
  };
  const download = async (format: 'xlsx' | 'csv') => {
    const result = await client.api.outpatient.logExport({ ...range, format });
    if (!result.ok) return setError(result.error);
    const link = document.createElement('a');
    link.href = `data:${result.value.contentType};base64,${result.value.base64}`;
    link.download = result.value.fileName;
    link.click();
    setNotice(T.exported(result.value.fileName, result.value.rows));
  };

  return (
    <Panel title={T.title} testId="outpatient-log">
      {error && <ErrorBanner error={error} />}
      <div className="flex items-end gap-3">
        <TextField label={T.from} path="from" value={range.from} onChange={(from) => setRange((r) => ({ ...r, from }))} type="date" />
        <TextField label={T.to} path="to" value={range.to} onChange={(to) => setRange((r) => ({ ...r, to }))} type="date" />
        <Button onClick={() => void show()}>{T.show}</Button>
        <Button tone="secondary" onClick={() => void download('xlsx')}>
          {T.exportXlsx}
        </Button>
        <Button tone="secondary" onClick={() => void download('csv')}>
          {T.exportCsv}
        </Button>
      </div>
      {notice && <p role="status">{notice}</p>}
      {rows && <DataTable label={T.title} columns={COLUMNS} rows={rows} rowKey={(r) => r.visitNumber} emptyText={T.empty} dense />}
    </Panel>
  );
}
